'use strict';
// Messages from the track room during the talk, most thumbs-up first, refreshed every 2 s.
(() => {
  const talkId = Usher.param('talk');
  const track = Usher.param('track');
  const path = talkId ? 'talks/' + encodeURIComponent(talkId) + '/questions'
      : 'tracks/' + encodeURIComponent(track) + '/questions';

  let shown = '';

  function render(data) {
    Usher.show('talk', data.talk.title + ' · ' + data.track.name);
    renderList(data.questions);
    Usher.show('status', data.status === 'ok'
        ? (data.questions.length === 0 ? 'No messages in the track room during the talk yet. '
            : '') + 'Updated ' + Usher.timeWithSeconds(Usher.now())
        : 'Questions are unavailable: ' + data.message);
  }

  // Rebuilt only when the ranking or a count changes, so reading is not disturbed every 2 s.
  function renderList(questions) {
    const state = JSON.stringify(questions);
    if (state === shown) {
      return;
    }
    shown = state;
    const list = document.getElementById('questions');
    list.replaceChildren(...questions.map(question => {
      const item = Usher.el('li', 'question');
      item.dataset.eventId = question.id;
      const text = Usher.el('div');
      text.append(Usher.el('div', 'body', question.body), Usher.el('div', 'sender',
          question.sender + ' · ' + Usher.time(question.sentAt)));
      item.append(Usher.el('span', 'votes', '👍 ' + question.thumbsUp), text);
      return item;
    }));
  }

  async function load() {
    try {
      render(await Usher.getJson(path));
    } catch (e) {
      Usher.show('status', 'Cannot load the questions: ' + e.message + '. Retrying…');
    }
    setTimeout(load, 2000);
  }

  load();
})();
