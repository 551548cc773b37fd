// Turns on web push for this browser from /citizen/notifications (contract: docs/modules/notify.md).
// Uses the service worker the PWA registered; without one it says so. Pages work without it.
(function () {
  'use strict';
  var button = document.getElementById('notify-push-on');
  if (!button || !('serviceWorker' in navigator) || !('PushManager' in window)) {
    return;
  }
  var status = document.getElementById('notify-push-status');
  button.hidden = false;
  function say(text) {
    status.textContent = text;
  }
  function bytes(b64url) {
    var s = b64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - b64url.length % 4) % 4);
    var raw = atob(s);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      out[i] = raw.charCodeAt(i);
    }
    return out;
  }
  button.addEventListener('click', function () {
    say(button.dataset.working);
    navigator.serviceWorker.getRegistration().then(function (registration) {
      if (!registration) {
        say(button.dataset.noWorker);
        return null;
      }
      return fetch('/api/v1/push/vapid-public-key', { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (k) {
          return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(k.publicKey) });
        })
        .then(function (subscription) {
          return fetch('/api/v1/push/subscriptions', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': button.dataset.csrf },
            body: JSON.stringify(subscription.toJSON())
          });
        })
        .then(function (response) {
          if (response.ok) {
            say(button.dataset.done);
            window.location.reload();
          } else {
            say(button.dataset.failed);
          }
        });
    }).catch(function () {
      say(button.dataset.failed);
    });
  });
})();
