'use strict';
// Shared by every widget page. Text from the schedule or the chat only ever goes into the
// page through textContent (el), never as HTML; the server's Content-Security-Policy blocks
// inline scripts besides.
const Usher = (() => {
  const params = new URLSearchParams(location.search);
  // Server time minus this viewer's clock, measured at the middle of each JSON round trip.
  let offset = 0;

  function param(name) {
    return params.get(name) || '';
  }

  // An http(s) URL from a query parameter, or '' (no javascript: or data: URLs in frames).
  function httpUrl(name) {
    const value = param(name);
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : '';
    } catch (e) {
      return '';
    }
  }

  async function getJson(path) {
    const sent = Date.now();
    const response = await fetch(new URL('../api/' + path, location.href), {cache: 'no-store'});
    const received = Date.now();
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    if (typeof body.now === 'number') {
      offset = body.now - (sent + received) / 2;
    }
    return body;
  }

  // Now by the server's clock, in milliseconds since the epoch.
  function now() {
    return Date.now() + offset;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function show(id, text) {
    document.getElementById(id).textContent = text;
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  // 3725000 -> "1:02:05", 125000 -> "02:05"; whole seconds, rounded up so 0 shows at 0.
  function duration(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return (h > 0 ? h + ':' + pad(m) : pad(m)) + ':' + pad(s);
  }

  // 24-hour everywhere: a 12-hour "3:49:25 AM" beside "15:49" reads as two clocks.
  const clock = new Intl.DateTimeFormat(undefined,
      {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
  const clockWithSeconds = new Intl.DateTimeFormat(undefined,
      {hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});

  // A time of day in the viewer's time zone: "15:49".
  function time(ms) {
    return clock.format(new Date(ms));
  }

  // The same to the second: "15:49:25".
  function timeWithSeconds(ms) {
    return clockWithSeconds.format(new Date(ms));
  }

  function zone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  // Calls fn now and just after every whole second of the server's clock.
  function everySecond(fn) {
    fn();
    const tick = () => {
      fn();
      setTimeout(tick, 1000 - (now() % 1000) + 10);
    };
    setTimeout(tick, 1000 - (now() % 1000) + 10);
  }

  return {param, httpUrl, getJson, now, el, show, duration, time, timeWithSeconds, zone,
    everySecond};
})();
