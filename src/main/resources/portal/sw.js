// XaSo citizen app service worker: keeps the app shell and the notices a person has seen readable
// offline, and shows web push notifications. Only public pages (/app, /x/...) and assets are cached,
// never an official's or a citizen's private pages.
'use strict';
var CACHE = 'xaso-app-v1';
var SHELL = ['/app', '/assets/xaso.css', '/assets/app.js', '/assets/citizen-app.js', '/assets/icons/icon-192.png', '/manifest.webmanifest'];
var MAX_PAGES = 60;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('xaso-app-') === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function cacheable(url) {
  if (url.origin !== self.location.origin) { return false; }
  var p = url.pathname;
  if (/^\/x\/[0-9]{5}\/.*\/files\//.test(p)) { return false; }
  return p === '/app' || /^\/x\/[0-9]{5}(\/(notices|news|law|schedule|contacts|posts\/[0-9]+))?$/.test(p) || p.indexOf('/assets/') === 0 || p === '/manifest.webmanifest';
}

function remember(request, response) {
  if (!response || response.status !== 200 || response.type !== 'basic') { return response; }
  var copy = response.clone();
  caches.open(CACHE).then(function (cache) {
    cache.put(request, copy).then(function () { return trim(cache); });
  });
  return response;
}

function trim(cache) {
  return cache.keys().then(function (keys) {
    var pages = keys.filter(function (r) { return new URL(r.url).pathname.indexOf('/x/') === 0; });
    if (pages.length > MAX_PAGES) { return cache.delete(pages[0]).then(function () { return trim(cache); }); }
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (!cacheable(url)) { return; }
  if (url.pathname.indexOf('/assets/') === 0) {
    // Assets: answer from the cache at once, refresh it in the background.
    event.respondWith(caches.match(request).then(function (hit) {
      var network = fetch(request).then(function (r) { return remember(request, r); }).catch(function () { return hit; });
      return hit || network;
    }));
    return;
  }
  // Pages: the network first (notices change), the saved copy when offline.
  event.respondWith(fetch(request).then(function (r) { return remember(request, r); }).catch(function () {
    return caches.match(request).then(function (hit) {
      return hit || caches.match(url.pathname === '/app' ? '/app' : request, { ignoreSearch: true }).then(function (any) {
        return any || caches.match('/app');
      });
    });
  }));
});

// The app page asks to keep its latest notices for offline reading.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) { return; }
  var urls = data.urls.slice(0, 20).map(function (u) { return new URL(u, self.location.origin); }).filter(cacheable);
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (u) {
      return fetch(u.href, { credentials: 'same-origin' }).then(function (r) {
        if (r.ok) { return cache.put(u.href, r); }
      }).catch(function () {});
    }));
  }).then(function () {
    if (event.source) { event.source.postMessage({ type: 'kept', count: urls.length }); }
  }));
});

self.addEventListener('push', function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data ? event.data.text() : '' }; }
  var title = data.title || 'Xã Số';
  var options = {
    body: data.body || data.text || '',
    icon: '/assets/icons/icon-192.png',
    badge: '/assets/icons/icon-192.png',
    lang: 'vi',
    tag: data.tag || data.dedupeKey || undefined,
    data: { url: data.url || data.link || '/app' }
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var target = new URL((event.notification.data && event.notification.data.url) || '/app', self.location.origin);
  if (target.origin !== self.location.origin) { target = new URL('/app', self.location.origin); }
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].url === target.href && 'focus' in list[i]) { return list[i].focus(); }
    }
    return self.clients.openWindow(target.href);
  }));
});
