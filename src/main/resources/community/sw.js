// XaSo field app service worker (issue 16): keeps a team member's start page, the visit and survey forms
// of their households and the page assets so they open without signal. Pages: the network first, the kept
// copy when there is none. Entries themselves are kept by the page (localStorage), never here.
'use strict';
var CACHE = 'xaso-field-v1';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

function page(url) {
  return url.pathname === '/community' || /^\/community\/households\/[0-9]+\/(visits|surveys)\/new$/.test(url.pathname);
}

function keep(key, response) {
  if (response && response.ok && response.type === 'basic' && !response.redirected) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
  }
  return response;
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf('/assets/') === 0) {
    // Asset names carry their content hash: a kept copy is always right.
    event.respondWith(caches.match(request, { cacheName: CACHE }).then(function (hit) {
      return hit || fetch(request).then(function (r) { return keep(request, r); });
    }));
    return;
  }
  if (!page(url)) { return; }
  event.respondWith(fetch(request).then(function (r) { return keep(url.pathname, r); }).catch(function () {
    return caches.match(url.pathname, { cacheName: CACHE }).then(function (hit) {
      return hit || Response.error();
    });
  }));
});

// The start page asks to keep its forms (and assets) for use without signal; 'forget' empties the cache.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'forget') { event.waitUntil(caches.delete(CACHE)); return; }
  if (data.type !== 'keep' || !Array.isArray(data.urls)) { return; }
  var urls = data.urls.slice(0, 200).map(function (u) { return new URL(u, self.location.origin); })
    .filter(function (u) { return u.origin === self.location.origin && (page(u) || u.pathname.indexOf('/assets/') === 0); });
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (u) {
      return fetch(u.href, { credentials: 'same-origin' }).then(function (r) {
        if (r.ok && !r.redirected) { return cache.put(page(u) ? u.pathname : u.href, r); }
      }).catch(function () {});
    }));
  }).then(function () {
    if (event.source) { event.source.postMessage({ type: 'kept', count: urls.length }); }
  }));
});
