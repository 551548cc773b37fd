// Progressive enhancement only: every page works without this file.
(function () {
  // Move focus to an error summary so screen-reader users hear what went wrong.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
  // Confirm destructive actions marked with data-confirm.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var msg = form.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); return; }
    // One click, one submission: a second submit of the same form is ignored and its buttons are
    // disabled once the browser has taken the first (disabling now would drop the clicked button's
    // name/value from the form). The server treats a repeat the same way (platform idempotency).
    if ((form.getAttribute('method') || '').toLowerCase() !== 'post') { return; }
    if (form.getAttribute('data-submitted')) { e.preventDefault(); return; }
    form.setAttribute('data-submitted', 'true');
    setTimeout(function () {
      form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]').forEach(function (b) {
        b.disabled = true; b.setAttribute('aria-disabled', 'true');
      });
    }, 0);
    // A download or a slow answer leaves the page in place: allow another try after a while.
    setTimeout(function () { enable(form); }, 10000);
  });
  function enable(form) {
    form.removeAttribute('data-submitted');
    form.querySelectorAll('[aria-disabled=true]').forEach(function (b) { b.disabled = false; b.removeAttribute('aria-disabled'); });
  }
  // Back to a page kept in the browser's memory: its forms work again.
  window.addEventListener('pageshow', function (e) {
    if (e.persisted) { document.querySelectorAll('form[data-submitted]').forEach(enable); }
  });
})();
