// Công dân số: installs the service worker (offline notices, push) and turns on web push.
// The app works without this file; only offline reading and notifications need it.
(function () {
  'use strict';
  var offline = document.getElementById('app-offline');
  function showOffline() { if (offline) { offline.hidden = navigator.onLine; } }
  window.addEventListener('online', showOffline);
  window.addEventListener('offline', showOffline);
  showOffline();

  if (!('serviceWorker' in navigator)) { return; }
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (reg) {
    var urls = [location.pathname + location.search];
    var links = document.querySelectorAll('a[data-offline]');
    for (var i = 0; i < links.length; i++) { urls.push(links[i].getAttribute('href')); }
    if (reg.active) { reg.active.postMessage({ type: 'keep', urls: urls }); }
    document.documentElement.setAttribute('data-sw', 'ready');
    setUpPush(reg);
  }).catch(function () { document.documentElement.setAttribute('data-sw', 'failed'); });

  navigator.serviceWorker.addEventListener('message', function (e) {
    if (e.data && e.data.type === 'kept') { document.documentElement.setAttribute('data-offline-kept', String(e.data.count)); }
  });

  function base64ToBytes(s) {
    var pad = '='.repeat((4 - s.length % 4) % 4);
    var raw = atob((s + pad).replace(/-/g, '+').replace(/_/g, '/'));
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }

  function bytesToBase64Url(buffer) {
    var bytes = new Uint8Array(buffer), s = '';
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function setUpPush(reg) {
    var button = document.getElementById('push-button');
    var status = document.getElementById('push-status');
    if (!button || !('PushManager' in window) || !('Notification' in window)) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      Notification.requestPermission().then(function (permission) {
        if (permission !== 'granted') { throw new Error('denied'); }
        return fetch('/api/v1/push/vapid-public-key', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      }).then(function (r) {
        if (!r.ok) { throw new Error('key'); }
        var type = r.headers.get('Content-Type') || '';
        return type.indexOf('json') >= 0 ? r.json().then(function (j) { return j.publicKey || j.key || j.vapidPublicKey; }) : r.text();
      }).then(function (key) {
        return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64ToBytes(String(key).trim()) });
      }).then(function (sub) {
        return fetch('/api/v1/push/subscriptions', {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': button.getAttribute('data-csrf') },
          body: JSON.stringify({ endpoint: sub.endpoint, keys: { p256dh: bytesToBase64Url(sub.getKey('p256dh')), auth: bytesToBase64Url(sub.getKey('auth')) },
            unitCode: button.getAttribute('data-unit') })
        });
      }).then(function (r) {
        if (!r.ok) { throw new Error('save'); }
        status.textContent = button.getAttribute('data-done');
        document.documentElement.setAttribute('data-push', 'subscribed');
      }).catch(function (e) {
        status.textContent = button.getAttribute(e && e.message === 'denied' ? 'data-denied' : 'data-failed');
        button.disabled = false;
        document.documentElement.setAttribute('data-push', 'failed');
      });
    });
  }
})();
