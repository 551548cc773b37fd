// XaSo field app (issue 16), on a team member's phone: visits and surveys written without signal are kept
// on the phone (localStorage, per account) with a client id, listed as "waiting to send", and sent to
// /community/sync when the signal is back; a retried send never saves twice (the server knows the ids).
// The pages work without this file: the forms then post as usual.
(function () {
  'use strict';
  if (!window.localStorage || !window.JSON || !window.fetch || !window.FormData) { return; }
  var form = document.querySelector('form[data-field-kind]');
  var box = document.getElementById('field');
  var user = (box || form) && (box || form).getAttribute('data-field-user');
  if (!user) { return; }
  var KEY = 'xaso.field.queue.' + user;
  var NOTICE = 'xaso.field.notice';

  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; } }
  function store(q) { localStorage.setItem(KEY, JSON.stringify(q)); }
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  function device() {
    var d = localStorage.getItem('xaso.field.device');
    if (!d) { d = uuid(); localStorage.setItem('xaso.field.device', d); }
    return d;
  }
  // Vietnam time (UTC+7, no summer time), as the forms write it.
  // as the server writes times: 11:36 07/12/2026, or 07/12/2026 for a day
  function shown(v) { var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(v); if (!m) { return v; } var day = m[3] + '/' + m[2] + '/' + m[1]; return m[4] ? m[4] + ' ' + day : day; }
  function vietnamNow() { return new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 16); }

  // Signing out clears the phone's copy: the entries waiting to send and the kept pages (service worker cache).
  // Entries not yet sent would be lost: the member is told how many and stays signed in unless they confirm.
  var signout = document.querySelector('form[action="/signout"]');
  if (signout) {
    signout.addEventListener('submit', function (e) {
      if (signout.getAttribute('data-field-cleared')) { return; }
      e.preventDefault();
      var waiting = load().length;
      var warn = ((box || form).getAttribute('data-t-signout') || '{0}').replace('{0}', String(waiting));
      if (waiting > 0 && !window.confirm(warn)) { return; }
      localStorage.removeItem(KEY);
      sessionStorage.removeItem(NOTICE);
      if (navigator.serviceWorker && navigator.serviceWorker.controller) {
        navigator.serviceWorker.controller.postMessage({ type: 'forget' });
      }
      var cleared = window.caches ? caches.delete('xaso-field-v1').catch(function () {}) : Promise.resolve();
      cleared.then(function () {
        signout.setAttribute('data-field-cleared', 'yes');
        signout.submit();
      });
    });
  }
  if (form) { formPage(form); }
  if (box) { startPage(box); }

  function formPage(f) {
    if (!navigator.onLine) {
      var at = f.querySelector('[name=visitedAt]');
      if (at) { at.value = vietnamNow(); }
    }
    var checked = false;
    f.addEventListener('submit', function (e) {
      if (checked) { return; }
      e.preventDefault();
      // Is the server there? (navigator.onLine says only whether a network is.) Yes: post as usual; no: keep it.
      var stop = window.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (stop) { stop.abort(); } }, 5000);
      fetch('/community/sw.js', { method: 'HEAD', cache: 'no-store', signal: stop ? stop.signal : undefined }).then(function (r) {
        clearTimeout(timer);
        if (!r.ok) { throw new Error('no server'); }
        checked = true;
        f.submit();
      }).catch(function () { clearTimeout(timer); keepOnPhone(f); });
    });
  }

  function keepOnPhone(f) {
    {
      var data = new FormData(f);
      var entry = { clientId: uuid(), kind: f.getAttribute('data-field-kind'), household: Number(f.getAttribute('data-field-household')),
        base: Number(f.getAttribute('data-field-base') || 0), head: f.getAttribute('data-field-head'), madeAt: new Date().toISOString() };
      if (entry.kind === 'visit') {
        entry.visitedAt = data.get('visitedAt'); entry.actions = data.getAll('actions');
        entry.outcome = data.get('outcome'); entry.followUpOn = data.get('followUpOn');
        entry.dossierCode = (data.get('dossierCode') || '').trim();
      } else {
        ['surveyedOn', 'smartphones', 'internet', 'mainBarrier'].forEach(function (n) { entry[n] = data.get(n); });
        ['ePayment', 'vneidLevel2', 'usesApp', 'inZaloGroup'].forEach(function (n) { entry[n] = data.get(n) === 'true'; });
      }
      var q = load(); q.push(entry); store(q);
      sessionStorage.setItem(NOTICE, 'queued');
      location.assign('/community');
    }
  }

  function startPage(box) {
    box.hidden = false;
    var status = document.getElementById('field-status');
    var list = document.getElementById('field-list');
    var busy = false;
    function t(k, n) { return (box.getAttribute('data-t-' + k) || '').replace('{0}', String(n)); }
    function say(text) { status.textContent = text; }
    function strip(e) {
      var out = {};
      Object.keys(e).forEach(function (k) { if (k !== 'head' && k !== 'problem') { out[k] = e[k]; } });
      return out;
    }
    function render() {
      var q = load();
      document.getElementById('field-count').textContent = String(q.length);
      document.getElementById('field-waiting').hidden = q.length === 0;
      list.textContent = '';
      q.forEach(function (e) {
        var li = document.createElement('li');
        li.textContent = t(e.kind) + ' — ' + e.head + ' — ' + shown(String(e.kind === 'visit' ? e.visitedAt : e.surveyedOn))
          + (e.dossierCode ? ' — ' + t('dossier', e.dossierCode) : '');
        if (e.problem) {
          var p = document.createElement('p');
          p.className = 'error-message';
          p.textContent = e.problem;
          var remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'link-button';
          remove.textContent = t('remove');
          remove.addEventListener('click', function () {
            store(load().filter(function (x) { return x.clientId !== e.clientId; }));
            render();
          });
          li.appendChild(p);
          li.appendChild(remove);
        }
        list.appendChild(li);
      });
    }
    function answered(a) {
      var q = load(), sent = 0, review = 0, byId = {};
      if (a.status === 403 && a.body.household) {
        var marked = 0;
        q.forEach(function (e) { if (!e.problem && String(e.household) === a.body.household) { e.problem = a.body.message; marked++; } });
        store(q);
        return marked > 0;
      }
      if (a.status !== 200 || !a.body.results) { say(a.body.message || t('failed')); return false; }
      a.body.results.forEach(function (r) { if (r.clientId) { byId[r.clientId] = r; } });
      store(q.filter(function (e) {
        var r = byId[e.clientId];
        if (!r) { return true; }
        if (r.status === 'refused') { e.problem = r.message; return true; }
        if (r.status === 'kept_for_review') { review++; } else { sent++; }
        return false;
      }));
      var text = (sent ? t('sent', sent) : '') + (review ? ' ' + t('review', review) : '');
      if (text) {
        // The page shows the server's news (follow-ups, surveys to look at again) after a reload.
        sessionStorage.setItem(NOTICE, text);
        location.reload();
      }
      return false;
    }
    function send() {
      var q = load().filter(function (e) { return !e.problem; });
      if (busy || !q.length) { render(); return; }
      busy = true;
      var again = false;
      fetch('/community/sync', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-TOKEN': box.getAttribute('data-field-csrf') },
        body: JSON.stringify({ device: device(), entries: q.map(strip) })
      }).then(function (r) {
        if ((r.headers.get('Content-Type') || '').indexOf('json') < 0) { say(t('signin')); return null; }
        return r.json().then(function (body) { return { status: r.status, body: body }; });
      }).then(function (a) {
        if (a) { again = answered(a); }
      }).catch(function () {
        if (!status.textContent) { say(t('failed')); }
      }).then(function () {
        busy = false;
        render();
        if (again) { send(); }
      });
    }

    var notice = sessionStorage.getItem(NOTICE);
    sessionStorage.removeItem(NOTICE);
    if (notice) { say(notice === 'queued' ? t('queued') : notice); }
    if (!navigator.onLine && notice !== 'queued') { say(t('offline')); }
    render();
    window.addEventListener('offline', function () { say(t('offline')); });
    window.addEventListener('online', send);
    document.getElementById('field-send').addEventListener('click', send);
    send();
    // The online event is not always told (a weak signal): try again now and then while something waits.
    setInterval(function () { if (load().some(function (e) { return !e.problem; })) { send(); } }, 15000);

    if (!navigator.serviceWorker) { return; }
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (e.data && e.data.type === 'kept') { document.documentElement.setAttribute('data-field-kept', String(e.data.count)); }
    });
    navigator.serviceWorker.register('/community/sw.js', { scope: '/community' }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      if (!navigator.onLine || !reg.active) { return; }
      var urls = ['/community'];
      document.querySelectorAll('a[data-field-keep]').forEach(function (a) { urls.push(a.getAttribute('href')); });
      document.querySelectorAll('link[rel=stylesheet], script[src]').forEach(function (el) {
        urls.push(el.getAttribute('href') || el.getAttribute('src'));
      });
      reg.active.postMessage({ type: 'keep', urls: urls });
    }).catch(function () { document.documentElement.setAttribute('data-field-kept', 'failed'); });
  }
})();
