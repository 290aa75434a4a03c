'use strict';
// A track's livestream, with what is on now from the schedule.
(() => {
  const track = Usher.param('track');
  startPlayer(document.getElementById('player'), Usher.httpUrl('stream'),
      document.getElementById('status'));

  async function load() {
    try {
      const data = await Usher.getJson('tracks/' + encodeURIComponent(track) + '/schedule');
      const now = Usher.now();
      const current = data.talks.find(talk => talk.start <= now && now < talk.end);
      Usher.show('track', data.track.name);
      Usher.show('now-playing', current ? 'Now: ' + current.title : '');
    } catch (e) {
      Usher.show('now-playing', '');
    }
  }

  load();
  setInterval(load, 30000);
})();
