'use strict';
// A talk room's video: the livestream by default; "Join the call" swaps it for the talk's
// video call (Jitsi, BigBlueButton...), "Back to the stream" swaps back.
(() => {
  const talkId = Usher.param('talk');
  const stream = Usher.httpUrl('stream');
  const call = Usher.httpUrl('video');
  const stage = document.getElementById('stage');
  const status = document.getElementById('status');
  const join = document.getElementById('join');
  const back = document.getElementById('back');
  let stopPlayer = () => {};

  function watch() {
    stopPlayer = startPlayer(stage, stream, status);
    join.hidden = !call;
    back.hidden = true;
  }

  join.addEventListener('click', () => {
    stopPlayer();
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

  Usher.getJson('talks/' + encodeURIComponent(talkId))
      .then(data => Usher.show('title', data.talk.title))
      .catch(() => {});
  watch();
})();
