'use strict';
// A talk room's video: the livestream by default; "Join the call" swaps it for the talk's
// video call (Jitsi, BigBlueButton...), "Back" swaps back. After the end the room is the
// talk's hallway: the track's stream has moved on to the next talk, so it is not shown, and
// the call is the hallway's.
(() => {
  const talkId = Usher.param('talk');
  const stream = Usher.httpUrl('stream');
  const call = Usher.httpUrl('video');
  const stage = document.getElementById('stage');
  const status = document.getElementById('status');
  const join = document.getElementById('join');
  const back = document.getElementById('back');
  let stopPlayer = () => {};
  // What to say once the talk has ended, or '' before.
  let ended = '';

  function watch() {
    stopPlayer();
    if (ended) {
      stopPlayer = () => {};
      stage.replaceChildren();
      status.textContent = ended;
      status.dataset.state = 'ended';
    } else {
      stopPlayer = startPlayer(stage, stream, status);
    }
    join.hidden = !call;
    back.hidden = true;
  }

  function end(talk) {
    ended = '“' + talk.title + '” ended at ' + Usher.time(talk.end) + ': this room is its'
        + ' hallway now' + (call ? '; join the call to meet the speakers.' : '.');
    join.textContent = 'Join the hallway call';
    back.textContent = 'Leave the call';
    if (back.hidden) {
      watch();
    }
  }

  join.addEventListener('click', () => {
    stopPlayer();
    stopPlayer = () => {};
    const frame = Usher.el('iframe');
    frame.id = 'call';
    frame.allow = 'camera; microphone; display-capture; fullscreen; autoplay';
    frame.src = call;
    stage.replaceChildren(frame);
    status.textContent = 'In the call.';
    status.dataset.state = 'call';
    join.hidden = true;
    back.hidden = false;
  });
  back.addEventListener('click', watch);

  Usher.getJson('talks/' + encodeURIComponent(talkId)).then(data => {
    const talk = data.talk;
    Usher.show('title', talk.title);
    const left = talk.end - Usher.now();
    if (left <= 0) {
      end(talk);
    } else {
      watch();
      setTimeout(() => end(talk), left);
    }
  }).catch(() => watch());
})();
