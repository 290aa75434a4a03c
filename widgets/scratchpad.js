'use strict';
// The talk's shared notes (an Etherpad or HedgeDoc pad) for its speaker and host.
(() => {
  const talkId = Usher.param('talk');
  const pad = Usher.httpUrl('pad');
  if (pad) {
    const frame = Usher.el('iframe');
    frame.id = 'pad-frame';
    frame.src = pad;
    document.getElementById('pad').replaceChildren(frame);
    document.getElementById('open').href = pad;
  } else {
    Usher.show('status', 'No scratchpad is configured for this talk.');
  }
  Usher.getJson('talks/' + encodeURIComponent(talkId))
      .then(data => Usher.show('title', 'Notes: ' + data.talk.title))
      .catch(e => Usher.show('status', 'Cannot load the talk: ' + e.message));
})();
