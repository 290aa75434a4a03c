'use strict';
// A track's talks of the day in the viewer's time zone, the current one highlighted, and a
// countdown to the next.
(() => {
  const track = Usher.param('track');
  let data = null;
  let shown = '';

  function render() {
    if (!data) {
      return;
    }
    const now = Usher.now();
    const next = data.talks.find(talk => talk.start > now);
    Usher.show('next', next ? 'Next: ' + next.title + ' in ' + Usher.duration(next.start - now)
        : 'No more talks today.');
    // The list is rebuilt only when it changes (new data, or a talk began or ended), so it
    // neither flickers nor loses a viewer's selection every second.
    const state = JSON.stringify(data.talks) + data.talks.map(t => t.start <= now) + data.talks
        .map(t => t.end <= now);
    if (state === shown) {
      return;
    }
    shown = state;
    Usher.show('track', data.track.name);
    Usher.show('day', data.day + ' · times in ' + Usher.zone());
    const list = document.getElementById('talks');
    list.replaceChildren(...data.talks.map(talk => {
      const item = Usher.el('li', 'talk');
      item.dataset.talkId = talk.id;
      if (talk.start <= now && now < talk.end) {
        item.classList.add('current');
      } else if (talk.end <= now) {
        item.classList.add('past');
      }
      item.append(Usher.el('span', 'when', Usher.time(talk.start) + '–' + Usher.time(talk.end)),
          Usher.el('span', 'title', talk.title));
      if (talk.persons.length > 0) {
        item.append(Usher.el('span', 'persons', talk.persons.join(', ')));
      }
      return item;
    }));
  }

  async function load() {
    try {
      data = await Usher.getJson('tracks/' + encodeURIComponent(track) + '/schedule');
      Usher.show('status', '');
    } catch (e) {
      Usher.show('status', 'Cannot load the schedule: ' + e.message + '. Retrying…');
    }
    render();
  }

  load();
  setInterval(load, 60000);
  Usher.everySecond(render);
})();
