'use strict';
// A track's livestream, with what is on now from the schedule.
(() => {
  const track = Usher.param('track');
  // The day's talks, once read; null before.
  let talks = null;

  // Why nothing plays: a talk on now whose stream is not up, or between, after or before talks.
  function waiting() {
    const now = Usher.now();
    if (!talks || talks.some(talk => talk.start <= now && now < talk.end)) {
      return 'The stream is not live yet.';
    }
    const last = talks.filter(talk => talk.end <= now).pop();
    const next = talks.find(talk => talk.start > now);
    const parts = [];
    if (last) {
      parts.push('“' + last.title + '” ended at ' + Usher.time(last.end) + '.');
    }
    parts.push(next ? 'Next: “' + next.title + '” at ' + Usher.time(next.start) + '.'
        : last ? 'No more talks in this track today.' : 'Nothing is live now.');
    return parts.join(' ');
  }

  startPlayer(document.getElementById('player'), Usher.httpUrl('stream'),
      document.getElementById('status'), waiting);

  async function load() {
    try {
      const data = await Usher.getJson('tracks/' + encodeURIComponent(track) + '/schedule');
      talks = data.talks;
      const now = Usher.now();
      const current = talks.find(talk => talk.start <= now && now < talk.end);
      Usher.show('track', data.track.name);
      Usher.show('now-playing', current ? 'Now: ' + current.title : '');
    } catch (e) {
      Usher.show('now-playing', '');
    }
  }

  load();
  setInterval(load, 30000);
})();
