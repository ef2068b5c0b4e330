// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // Move focus to the error summary so screen-reader users hear what to fix.
    var summary = document.querySelector('[data-autofocus="true"]');
    if (summary && typeof summary.focus === 'function') summary.focus();
    // A body pasted from Word or WPS: a plain paste would flatten its tables and lists into lines,
    // so when the clipboard's HTML holds any, that HTML goes into the box and the server keeps its
    // paragraphs, lists and tables (and drops everything else) on saving.
    document.querySelectorAll('textarea[name="body_html"]').forEach(function (box) {
      box.addEventListener('paste', function (event) {
        var data = event.clipboardData;
        var html = data && data.getData('text/html');
        if (!html || !/<(table|li)\b|mso-list/i.test(html)) return;
        var fragment = /<!--StartFragment-->([\s\S]*?)<!--EndFragment-->/.exec(html);
        var text = fragment ? fragment[1] : html;
        event.preventDefault();
        var start = box.selectionStart;
        box.value = box.value.slice(0, start) + text + box.value.slice(box.selectionEnd);
        box.selectionStart = box.selectionEnd = start + text.length;
      });
    });
    // Ask before destructive actions.
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
      });
    });
    // Fields that depend on a choice: a [data-choice] block holds the select (named by the attribute)
    // and a button that asks the server to show the chosen value's fields; here the groups of other
    // values ([data-for-choice]) are hidden at once instead, and the button is not needed.
    document.querySelectorAll('[data-choice]').forEach(function (block) {
      var select = block.querySelector('select[name="' + block.getAttribute('data-choice') + '"]');
      var form = block.closest('form');
      if (!select || !form) return;
      var update = function () {
        form.querySelectorAll('[data-for-choice]').forEach(function (group) {
          group.hidden = group.getAttribute('data-for-choice').split(' ').indexOf(select.value) < 0;
        });
      };
      block.querySelectorAll('[data-choice-show]').forEach(function (button) {
        button.style.display = 'none'; // .button sets display, which [hidden] would not override
      });
      select.addEventListener('change', update);
      update();
    });
  });
})();
