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
    if (now < talk.start) {
      Usher.show('live-label', 'Live in');
      Usher.show('live', Usher.duration(talk.start - now));
    } else {
      Usher.show('live-label', now < talk.end ? 'Live now' : 'Ended');
      Usher.show('live', now < talk.end ? 'LIVE' : '—');
    }
    Usher.show('end', Usher.duration(talk.end - now));
    document.body.dataset.phase = now < talk.start ? 'before' : now < talk.end ? 'live' : 'ended';
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
