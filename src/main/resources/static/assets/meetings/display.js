// XaSo room display (projector) of a meeting: listens to the meeting's server-sent events and, on each "stage" event,
// loads the page again and swaps its content in; counts the speaker's time down every second. Without this file the
// page refreshes itself (<noscript> meta refresh).
(function () {
  'use strict';
  var stage = document.getElementById('stage');
  if (!stage || !window.EventSource || !window.fetch || !window.DOMParser) { return; }

  function tick() {
    var timer = document.querySelector('.room-timer[data-ends-at]');
    if (!timer) { return; }
    var skew = Number(timer.getAttribute('data-skew') || 0);
    if (!timer.hasAttribute('data-skew')) {
      skew = Number(timer.getAttribute('data-now')) - Date.now();
      timer.setAttribute('data-skew', String(skew));
    }
    var left = Math.round((Number(timer.getAttribute('data-ends-at')) - (Date.now() + skew)) / 1000);
    if (left < 0) { timer.textContent = timer.getAttribute('data-over'); return; }
    var s = left % 60;
    timer.textContent = Math.floor(left / 60) + ':' + (s < 10 ? '0' : '') + s;
  }

  function reload() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('stage');
        var now = document.getElementById('stage');
        if (fresh && now) { now.innerHTML = fresh.innerHTML; tick(); }
      })
      .catch(function () { /* the next event tries again */ });
  }

  var source = new EventSource(stage.getAttribute('data-events'));
  source.addEventListener('stage', reload);
  source.addEventListener('ready', reload);
  setInterval(tick, 1000);
  tick();
}());
