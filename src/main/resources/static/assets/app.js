// Progressive enhancement only: every page works without this file.
(function () {
  // Move focus to an error summary so screen-reader users hear what went wrong.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
  // Confirm destructive actions marked with data-confirm.
  document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  });
})();
