'use strict';
// An HLS player that starts muted (browsers only autoplay muted video), with an unmute
// button, and that keeps retrying while the stream is not up. waiting() says why nothing
// plays, from what the page knows of the schedule ("not live yet" is wrong after the end).
function startPlayer(container, streamUrl, status, waiting = () => 'The stream is not live yet.') {
  const retryMs = (Number(Usher.param('retry')) || 10) * 1000;
  const video = Usher.el('video', 'video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.controls = true;
  const unmute = Usher.el('button', 'unmute', 'Unmute');
  unmute.id = 'unmute';
  unmute.addEventListener('click', () => {
    video.muted = !video.muted;
    unmute.textContent = video.muted ? 'Unmute' : 'Mute';
  });
  video.addEventListener('volumechange', () => {
    unmute.textContent = video.muted ? 'Unmute' : 'Mute';
  });
  container.replaceChildren(video, unmute);
  if (!streamUrl) {
    status.textContent = 'No livestream for this room.';
    return () => {};
  }
  let hls = null;
  let timer = null;
  let stopped = false;

  function retry() {
    if (hls) {
      hls.destroy();
      hls = null;
    }
    if (stopped) {
      return;
    }
    status.textContent = waiting() + ' Retrying in ' + retryMs / 1000 + ' s.';
    status.dataset.state = 'waiting';
    timer = setTimeout(load, retryMs);
  }

  function playing() {
    status.textContent = 'Live';
    status.dataset.state = 'live';
    video.play().catch(() => {});
  }

  function load() {
    status.textContent = 'Connecting to the stream…';
    status.dataset.state = 'connecting';
    if (window.Hls && Hls.isSupported()) {
      hls = new Hls({manifestLoadingMaxRetry: 0, levelLoadingMaxRetry: 2});
      hls.on(Hls.Events.MANIFEST_PARSED, playing);
      hls.on(Hls.Events.ERROR, (event, data) => {
        if (data.fatal) {
          retry();
        }
      });
      hls.loadSource(streamUrl);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.onloadedmetadata = playing;
      video.onerror = retry;
      video.src = streamUrl;
    } else {
      status.textContent = 'This browser cannot play the stream.';
    }
  }

  load();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (hls) {
      hls.destroy();
      hls = null;
    }
    video.pause();
    video.removeAttribute('src');
  };
}
