// The pages' only assets, served from memory under /static/ (no file-system path is ever built from a
// request, so no traversal): the stylesheet and the small script that keeps the Stories list live.

const CSS = `
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--red:#b3261e;--red-bg:#fdf1f0;--green:#1e6b3a;--accent:#1a4fb4;--hl:#fff0a8}
*{box-sizing:border-box}
body{font:16px/1.55 Georgia,'Times New Roman',serif;color:var(--ink);background:#fff;margin:0}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,[tabindex]:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:2}
.top{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:baseline;padding:.7rem 1rem;border-bottom:2px solid var(--ink);font-family:system-ui,sans-serif}
.brand{font-weight:800;color:var(--ink);text-decoration:none;letter-spacing:.02em}
.top nav{display:flex;gap:1rem}.top nav a[aria-current]{font-weight:700;color:var(--ink)}
main{max-width:54rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.6rem 0 .3rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;border-top:1px solid var(--line);padding-top:.8rem;margin-top:1.8rem}
h3{font-size:1.05rem;margin:.2rem 0}
.meta,.note,.src{font:.85rem/1.45 system-ui,sans-serif;color:var(--muted)}.src,.note{overflow-wrap:anywhere}
.lead{font-size:1.08rem}.independence{font:600 .9rem/1.4 system-ui,sans-serif}.pending{border-left:3px solid #b58900;padding-left:.6rem;font:.9rem/1.4 system-ui,sans-serif}
.empty{color:#777;font-style:italic}
.filters{display:flex;flex-wrap:wrap;gap:.5rem .8rem;align-items:flex-end;font:.85rem system-ui,sans-serif;margin:.6rem 0}
.filters label{display:flex;flex-direction:column;gap:.15rem;flex:1 1 9rem}
input,textarea,button{font:inherit;font-size:1rem;padding:.4rem .5rem;border:1px solid #8a8a90;border-radius:4px;max-width:100%}
button{background:var(--ink);color:#fff;border-color:var(--ink);cursor:pointer;padding:.45rem 1rem}
.stories{list-style:none;padding:0;margin:0}
.story-row{border-bottom:1px solid var(--line);padding:.7rem 0;display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.story-row .headline{font-size:1.1rem;font-weight:600;flex:1 1 20rem;overflow-wrap:anywhere}
.story-row .meta{flex-basis:100%}.story-row.fresh{background:#fffbe0}
.badge{font:700 .72rem/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;border-radius:3px;padding:.25rem .45rem;white-space:nowrap}
.badge.disagree{background:var(--red);color:#fff}.badge.agree{background:#e8f1eb;color:var(--green)}
.conflict{border-left:4px solid var(--red);background:var(--red-bg);padding:.5rem .9rem;margin:.8rem 0}
.kind{font:700 .75rem system-ui,sans-serif;text-transform:uppercase;color:var(--red);margin-right:.3rem}
.sides{list-style:none;padding:0}.side{margin:.5rem 0}.side p{margin:.1rem 0}
.value{font-size:1.05rem}.outlet{font:600 .8rem system-ui,sans-serif;background:#eef0f5;border-radius:3px;padding:.05rem .35rem;margin-right:.2rem;overflow-wrap:anywhere}
.evidence-list{margin:.2rem 0 .2rem 1rem;padding:0}.evidence-list li{margin:.15rem 0}
a.evidence{display:block;color:var(--ink);text-decoration-color:var(--red)}
.timeline{list-style:none;padding:0;border-left:3px solid var(--line);margin-left:.4rem}
.timeline li{position:relative;padding:0 0 .6rem 1rem}.timeline li::before{content:"";position:absolute;left:-.5rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:var(--ink)}
.timeline time{display:block;font:700 .85rem system-ui,sans-serif}
ins{background:#dff3e4;text-decoration:none}del{background:#fbe2e0}
.scroll{overflow-x:auto}.matrix{border-collapse:collapse;font:.8rem system-ui,sans-serif}
.matrix th,.matrix td{border:1px solid var(--line);padding:.25rem .4rem;text-align:left}
.matrix .yes{background:#e8f1eb;color:var(--green)}.matrix .no{background:var(--red-bg);color:var(--red)}.matrix .silent{color:#999}
.matrix-key{font:.8rem system-ui,sans-serif;color:var(--muted)}
.article-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.02rem}
.m{border-bottom:2px solid transparent}.m-entity{border-color:#6c8ebf}.m-date{border-color:#3a9d5d}.m-quantity{border-color:#d08a00}
mark.evidence{background:var(--hl);padding:.1rem 0;scroll-margin-top:4rem}mark .value{background:#ffd54a}
.removed{font:.85rem system-ui,sans-serif;color:var(--muted)}.reason{font-weight:700;margin-right:.4rem}
.add{display:flex;flex-direction:column;gap:.5rem}.add textarea{width:100%;font:.9rem/1.4 ui-monospace,monospace}
.notice{background:var(--red-bg);border-left:4px solid var(--red);padding:.4rem .8rem}
.url{word-break:break-all}
@media (max-width:480px){main{padding:.6rem}h1{font-size:1.3rem}.story-row .headline{flex-basis:100%}}
`;

// Plain ES2017 for the browser: no framework, no inline handlers. It rebuilds the list with textContent
// only, so nothing from the server is ever parsed as HTML.
const JS = `'use strict';
(function () {
  var list = document.getElementById('stories');
  if (!list || !list.dataset.live || !window.EventSource) return;
  var live = document.getElementById('live');
  var params = new URLSearchParams(location.search);
  if (params.get('cursor')) return;
  var fresh = {};
  var timer = null;
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  function row(s) {
    var li = document.createElement('li');
    li.className = 'story-row' + (fresh[s.id] ? ' fresh' : '');
    li.dataset.id = s.id;
    var a = document.createElement('a');
    a.className = 'headline';
    a.href = '/stories/' + encodeURIComponent(s.id);
    a.textContent = s.headline || 'Untitled story';
    var badge = document.createElement('span');
    badge.className = 'badge ' + (s.contradictions ? 'disagree' : 'agree');
    badge.textContent = s.contradictions ? plural(s.contradictions, 'disagreement', 'disagreements') : 'no disagreement';
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.appendChild(document.createTextNode(plural(s.articles, 'article', 'articles') + ' · '));
    var strong = document.createElement('strong');
    strong.textContent = plural(s.independentSources, 'independent source', 'independent sources');
    meta.appendChild(strong);
    if (s.lastSeen) meta.appendChild(document.createTextNode(' · last seen ' + s.lastSeen));
    li.appendChild(a); li.appendChild(document.createTextNode(' ')); li.appendChild(badge); li.appendChild(meta);
    return li;
  }
  function refresh() {
    var q = new URLSearchParams();
    ['q', 'since', 'until', 'outlet'].forEach(function (k) { if (params.get(k)) q.set(k, params.get(k)); });
    q.set('limit', String(Math.max(50, list.children.length)));
    fetch('/api/stories?' + q.toString(), { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (page) {
      if (!page) return;
      while (list.firstChild) list.removeChild(list.firstChild);
      page.items.forEach(function (s) { list.appendChild(row(s)); });
      var empty = document.getElementById('stories-empty');
      if (empty && page.items.length) empty.remove();
      live.textContent = 'Updated just now: ' + Object.keys(fresh).length + ' stor' + (Object.keys(fresh).length === 1 ? 'y' : 'ies') + ' changed since this page opened';
      document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || 0) + 1);
    });
  }
  var source = new EventSource('/api/events');
  source.addEventListener('story', function (e) {
    try { fresh[JSON.parse(e.data).id] = true; } catch (err) { return; }
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
  source.addEventListener('story-removed', function () { clearTimeout(timer); timer = setTimeout(refresh, 150); });
  source.addEventListener('open', function () { document.body.dataset.live = 'open'; });
})();
(function () {
  var mark = document.getElementById('hl');
  if (mark) mark.focus({ preventScroll: true });
})();
`;

export const ASSETS: Record<string, { type: string; body: string }> = {
  'app.css': { type: 'text/css; charset=utf-8', body: CSS },
  'app.js': { type: 'text/javascript; charset=utf-8', body: JS },
};
