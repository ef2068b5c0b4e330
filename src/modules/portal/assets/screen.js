// Service-hall screen: shows one slide at a time and refreshes the slides from content.json.
// On a network failure the last slides stay on screen and the fetch is retried with back-off.
(function () {
  'use strict';
  var body = document.body;
  var name = body.getAttribute('data-screen');
  var seconds = Math.max(3, Number(body.getAttribute('data-seconds')) || 15);
  var container = document.querySelector('.screen__slides');
  var status = document.querySelector('.screen__status');
  var index = 0;
  var retry = 5000;
  var lastEtag = null;
  if (!container || !name) return;
  body.classList.add('screen--cycling');

  function slides() {
    return container.querySelectorAll('.screen__slide');
  }

  function show(i) {
    var all = slides();
    if (!all.length) return;
    index = ((i % all.length) + all.length) % all.length;
    for (var k = 0; k < all.length; k++) all[k].hidden = k !== index;
    body.setAttribute('data-current', String(index));
  }

  function render(content) {
    var frag = document.createDocumentFragment();
    content.slides.forEach(function (s, i) {
      var section = document.createElement('section');
      section.className = 'screen__slide';
      section.setAttribute('data-index', String(i));
      var h = document.createElement('h2');
      h.textContent = s.heading;
      section.appendChild(h);
      var ul = document.createElement('ul');
      s.lines.forEach(function (l) {
        var li = document.createElement('li');
        li.textContent = l.text;
        if (l.detail) {
          var d = document.createElement('span');
          d.className = 'screen__detail';
          d.textContent = l.detail;
          li.appendChild(d);
        }
        ul.appendChild(li);
      });
      section.appendChild(ul);
      frag.appendChild(section);
    });
    if (!content.slides.length) return; // keep what is shown rather than a blank screen
    container.textContent = '';
    container.appendChild(frag);
    if (content.seconds) seconds = Math.max(3, content.seconds);
    show(index);
  }

  function offline(on) {
    if (!status) return;
    status.hidden = !on;
    status.textContent = on ? status.getAttribute('data-offline') : '';
  }

  function refresh() {
    var headers = lastEtag ? { 'If-None-Match': lastEtag } : {};
    fetch('/screen/' + encodeURIComponent(name) + '/content.json', { headers: headers, cache: 'no-cache' })
      .then(function (res) {
        if (res.status === 304) return null;
        if (!res.ok) throw new Error('HTTP ' + res.status);
        lastEtag = res.headers.get('etag');
        return res.json();
      })
      .then(function (content) {
        offline(false);
        retry = 5000;
        if (content) render(content);
        setTimeout(refresh, 60000);
      })
      .catch(function () {
        offline(true);
        setTimeout(refresh, retry);
        retry = Math.min(retry * 2, 60000);
      });
  }

  show(0);
  setInterval(function () {
    show(index + 1);
  }, seconds * 1000);
  setTimeout(refresh, 1000);
})();
