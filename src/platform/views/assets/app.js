// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // Move focus to the error summary so screen-reader users hear what to fix.
    var summary = document.querySelector('[data-autofocus="true"]');
    if (summary && typeof summary.focus === 'function') summary.focus();
    // Ask before destructive actions.
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
      });
    });
  });
})();
