// Proof of work for the public application form (see src/platform/pow.ts). Progressive
// enhancement: without this file the form shows an arithmetic question instead.
(function () {
  'use strict';
  function zeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if (b === 0) {
        bits += 8;
        continue;
      }
      for (var m = 0x80; m > 0 && (b & m) === 0; m >>= 1) bits++;
      return bits;
    }
    return bits;
  }
  function solve(challenge, difficulty, done) {
    var encoder = new TextEncoder();
    var n = 0;
    function batch() {
      var pending = [];
      for (var i = 0; i < 64; i++, n++) {
        (function (nonce) {
          pending.push(
            crypto.subtle.digest('SHA-256', encoder.encode(challenge + nonce)).then(function (d) {
              return zeroBits(new Uint8Array(d)) >= difficulty ? nonce : null;
            }),
          );
        })(n.toString(36));
      }
      Promise.all(pending).then(function (found) {
        for (var j = 0; j < found.length; j++) if (found[j] !== null) return done(found[j]);
        setTimeout(batch, 0);
      });
    }
    batch();
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-pow]');
    if (!form || !window.crypto || !crypto.subtle || !window.TextEncoder) return;
    var challenge = form.querySelector('input[name="pow_challenge"]');
    var nonceField = form.querySelector('input[name="pow_nonce"]');
    var question = form.querySelector('[data-pow-question]');
    var status = form.querySelector('[data-pow-status]');
    if (!challenge || !nonceField) return;
    var difficulty = Number(form.getAttribute('data-pow')) || 16;
    var solved = false;
    var submitWhenSolved = false;
    // The question is only the fallback: with the work under way it is not needed.
    if (question) {
      question.hidden = true;
      var answer = question.querySelector('input');
      if (answer) answer.removeAttribute('required');
    }
    if (status) {
      status.hidden = false;
      status.textContent = status.getAttribute('data-working');
    }
    solve(challenge.value, difficulty, function (nonce) {
      nonceField.value = nonce;
      solved = true;
      if (status) status.textContent = status.getAttribute('data-done');
      if (submitWhenSolved) form.submit();
    });
    form.addEventListener('submit', function (event) {
      if (solved) return;
      event.preventDefault();
      submitWhenSolved = true;
    });
  });
})();
