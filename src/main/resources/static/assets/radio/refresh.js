// Progressive enhancement of a broadcast's page while its audio is being made (issue 21): every few
// seconds, fetch the same page and swap in its status block (#broadcast-live, an aria-live region), until
// the status is no longer "synthesising" (the new block has no data-refresh-seconds). Without JavaScript the
// page keeps its visible "Tải lại" link. Stops after 5 minutes or on the first network error.
(function () {
  'use strict';
  var live = document.getElementById('broadcast-live');
  if (!live || !window.fetch || !window.DOMParser) { return; }
  var seconds = parseInt(live.getAttribute('data-refresh-seconds'), 10) || 3;
  var deadline = Date.now() + 5 * 60 * 1000;
  function tick() {
    if (Date.now() > deadline) { return; }
    fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('broadcast-live');
        if (!fresh) { return; }
        var current = document.getElementById('broadcast-live');
        current.innerHTML = fresh.innerHTML;
        if (fresh.hasAttribute('data-refresh-seconds')) {
          window.setTimeout(tick, seconds * 1000);
        } else {
          current.removeAttribute('data-refresh-seconds');
        }
      })
      .catch(function () { /* the "Tải lại" link still works */ });
  }
  window.setTimeout(tick, seconds * 1000);
}());
