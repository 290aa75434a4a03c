'use strict';
// Time to going live and to the end of the slot, to the second, by the server's clock (a
// speaker's laptop clock may be minutes off).
(() => {
  const talkId = Usher.param('talk');
  let talk = null;

  function render() {
    if (!talk) {
      return;
    }
    const now = Usher.now();
    Usher.show('title', talk.title);
    Usher.show('slot', Usher.time(talk.start) + '–' + Usher.time(talk.end) + ' · ' + Usher.zone());
    const phase = now < talk.start ? 'before' : now < talk.end ? 'live' : 'ended';
    // While live, "LIVE" says it all; after the end, when it ended (not a countdown at 00:00).
    document.getElementById('live-block').hidden = phase === 'ended';
    document.getElementById('live-label').hidden = phase === 'live';
    Usher.show('live', phase === 'before' ? Usher.duration(talk.start - now) : 'LIVE');
    Usher.show('end-label', phase === 'ended' ? 'Ended at' : 'Slot ends in');
    Usher.show('end', phase === 'ended' ? Usher.time(talk.end) : Usher.duration(talk.end - now));
    document.body.dataset.phase = phase;
  }

  async function load() {
    try {
      talk = (await Usher.getJson('talks/' + encodeURIComponent(talkId))).talk;
      Usher.show('status', '');
    } catch (e) {
      Usher.show('status', 'Cannot load the talk: ' + e.message + '. Retrying…');
    }
    render();
  }

  load();
  // Re-reads the server's time too, so the clock stays right over a long wait.
  setInterval(load, 60000);
  Usher.everySecond(render);
})();
