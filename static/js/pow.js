// The public feedback form's proof of work (docs/feedback.md, "Abuse
// controls"; src/feedback/rules.h: proof_holds): before the form is sent,
// find a nonce such that SHA-256(challenge ":" nonce) begins with the
// given number of zero bits, and send it with the form.
(function () {
  'use strict';
  var field = document.querySelector('input[data-pow-bits]');
  if (!field || !window.crypto || !window.crypto.subtle) return;
  var form = field.form;
  var bits = parseInt(field.getAttribute('data-pow-bits'), 10);
  var challenge = form.querySelector('input[name="pow_challenge"]').value;
  var status = document.getElementById('pow-status');
  var encoder = new TextEncoder();

  function zeroBits(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      for (var b = 7; b >= 0 && !(bytes[i] & (1 << b)); b--) n++;
      break;
    }
    return n;
  }

  async function solve() {
    for (var nonce = 0; ; nonce++) {
      var digest = await window.crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + nonce));
      if (zeroBits(new Uint8Array(digest)) >= bits) return String(nonce);
    }
  }

  var solving = false;
  form.addEventListener('submit', function (event) {
    if (field.value) return;
    event.preventDefault();
    if (solving) return;
    solving = true;
    if (status) status.textContent = 'Đang xác minh trước khi gửi…';
    solve().then(function (nonce) {
      field.value = nonce;
      if (status) status.textContent = '';
      form.submit();
    });
  });
})();
