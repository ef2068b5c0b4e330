// Search for the static copy (`gongkai export-static`): the copy has no server, so this script
// loads the small index the export wrote (titles, document numbers, index numbers) and filters it
// in the browser. Loaded as a file (no inline script: strict CSP holds); the page it runs on is
// the live search page as exported, so without script the form and a link to the live search
// remain. Matching mirrors the server's normalisation (full-width to half-width, ASCII lower case,
// brackets of document numbers to 〔〕, whitespace to one space): a substring test, as on the site.
(function () {
  'use strict';

  function mapChar(ch) {
    var c = ch.codePointAt(0);
    if (c === 0x3000 || /\s/u.test(ch)) return ' ';
    var d = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
    if (d >= 0x41 && d <= 0x5a) d += 0x20;
    var m = String.fromCodePoint(d);
    if (m === '[' || m === '(' || m === '【') return '〔';
    if (m === ']' || m === ')' || m === '】') return '〕';
    return m;
  }

  function normalise(text) {
    var out = '';
    for (var ch of text) out += mapChar(ch);
    return out;
  }

  /** Rows are [id, title, documentNumber, indexNumber, date, agency]; newest first in the file. */
  function match(rows, q, limit) {
    var needle = normalise(q.trim());
    var hits = [];
    if (!needle) return { total: 0, rows: hits };
    var total = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var hay = normalise(r[1] + ' ' + (r[2] || '') + ' ' + (r[3] || ''));
      if (hay.indexOf(needle) < 0) continue;
      total++;
      if (hits.length < limit) hits.push(r);
    }
    return { total: total, rows: hits };
  }

  globalThis.gongkaiStaticSearch = { normalise: normalise, match: match };

  if (typeof document === 'undefined') return;
  var script = document.currentScript;
  if (!script) return;
  var data = script.dataset;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) {
      return values[k] === undefined ? '' : String(values[k]);
    });
  }

  function run() {
    var q = new URLSearchParams(location.search).get('q') || '';
    var input = document.getElementById('search-q');
    if (input) input.value = q;
    var list = document.querySelector('main .item-list');
    if (!list || !q.trim()) return;
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    list.parentNode.insertBefore(status, list);
    fetch(data.index)
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (index) {
        var found = match(index.items, q, Number(data.limit) || 50);
        status.textContent = found.total ? format(data.count, { n: found.total }) : format(data.empty, { q: q });
        found.rows.forEach(function (r) {
          var li = document.createElement('li');
          li.className = 'item-list__item';
          var a = document.createElement('a');
          a.className = 'item-list__title';
          a.href = data.prefix + '/items/' + r[0] + '/';
          a.textContent = r[1];
          li.appendChild(a);
          var meta = document.createElement('p');
          meta.className = 'item-list__meta';
          [r[4], r[2], r[3], r[5]].forEach(function (v) {
            if (!v) return;
            var s = document.createElement('span');
            s.textContent = v;
            meta.appendChild(s);
          });
          li.appendChild(meta);
          list.appendChild(li);
        });
      })
      .catch(function () {
        status.textContent = data.failed;
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
