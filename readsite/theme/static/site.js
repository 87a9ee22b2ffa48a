/* readsite: the little JavaScript a reading site needs, none of it required to read.
   - the light/dark toggle, remembered in localStorage (the page follows the system without it);
   - "/" focuses the search box;
   - the search page: Pagefind's index when the site is served, the small title and summary
     index (search/index.js) when it is opened from disk, where Pagefind cannot load.
   Article text is untrusted: results are built with textContent, and Pagefind's highlighted
   excerpts are copied text node by text node, keeping only <mark>. */
(function () {
  "use strict";

  // This file is <site>/static/site.js, so the site's root is one folder up, served or not.
  var root = new URL("../", document.currentScript.src);
  var fromDisk = root.protocol === "file:";
  var html = document.documentElement;

  /* The theme toggle. */
  var toggle = document.querySelector(".theme-toggle");
  var systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  function theme() {
    return html.dataset.theme || (systemDark.matches ? "dark" : "light");
  }

  function showTheme() {
    toggle.setAttribute("aria-pressed", theme() === "dark" ? "true" : "false");
  }

  if (toggle) {
    showTheme();
    systemDark.addEventListener("change", showTheme);
    toggle.addEventListener("click", function () {
      var next = theme() === "dark" ? "light" : "dark";
      html.dataset.theme = next;
      try { localStorage.setItem("readsite-theme", next); } catch (e) { /* private mode */ }
      showTheme();
    });
  }

  /* "/" focuses the search box, unless the reader is typing somewhere. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var box = document.getElementById("search-q") || document.getElementById("site-search-q");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  /* The reading progress bar, where CSS cannot drive it from the scroll position. */
  var progress = document.querySelector(".reading-progress");
  if (progress && !(window.CSS && CSS.supports("animation-timeline", "scroll()"))) {
    var update = function () {
      var range = document.documentElement.scrollHeight - window.innerHeight;
      progress.style.setProperty("--read", range > 0 ? Math.min(1, window.scrollY / range) : 0);
    };
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
  }

  /* The search page. */
  var form = document.getElementById("search");
  if (!form) return;
  var box = document.getElementById("search-q");
  var topic = document.getElementById("search-topic");
  var source = document.getElementById("search-source");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var PAGE = 20;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var engine = null;   // {search(query, filters) -> Promise of [{load() -> Promise of a result}]}
  var current = 0;     // the latest search; an older one that ends late is dropped

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function readableDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : "";
  }

  function href(path) {
    // From disk, folders don't open their index.html: name it.
    var url = new URL(path.replace(/^\//, ""), root);
    if (fromDisk && url.pathname.slice(-1) === "/") url.pathname += "index.html";
    return url.href;
  }

  /* Pagefind's excerpt as nodes: its text, with only its <mark> elements kept, and "…"
     where it starts or stops inside a sentence. */
  function excerptNodes(markup, into) {
    var doc = new DOMParser().parseFromString("<p>" + markup + "</p>", "text/html");
    var text = doc.body.firstChild.textContent.trim();
    if (text && !/^[A-Z0-9“‘"']/.test(text)) into.appendChild(document.createTextNode("… "));
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") into.appendChild(el("mark", "", node.textContent));
      else into.appendChild(document.createTextNode(node.textContent));
    });
    if (text && !/[.!?…”’"']$/.test(text)) into.appendChild(document.createTextNode(" …"));
  }

  /* `text` as nodes, each word of the query in it marked. */
  function markedNodes(text, words, into) {
    if (!words.length) { into.appendChild(document.createTextNode(text)); return; }
    var pattern = new RegExp("(" + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gi");
    text.split(pattern).forEach(function (part, i) {
      into.appendChild(i % 2 ? el("mark", "", part) : document.createTextNode(part));
    });
  }

  function pagefindEngine(pagefind) {
    return {
      search: function (query, filters) {
        return pagefind.search(query || null, { filters: filters }).then(function (found) {
          return found.results.map(function (result) {
            return { load: function () {
              return result.data().then(function (data) {
                return { url: data.url, title: data.meta.title || data.url,
                         source: data.meta.source || "", author: data.meta.author || "",
                         date: data.meta.date || "",
                         excerpt: function (into) { excerptNodes(data.excerpt, into); } };
              });
            } };
          });
        });
      }
    };
  }

  function diskEngine(entries) {
    return {
      search: function (query, filters) {
        var words = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
        var scored = [];
        entries.forEach(function (e) {
          // [path, title, summary, outlet, author, date, topics]
          if (filters.topic && e[6].split("\n").indexOf(filters.topic) < 0) return;
          if (filters.source && e[3] !== filters.source) return;
          var title = e[1].toLowerCase();
          var all = [title, e[2], e[3], e[4], e[6]].join(" ").toLowerCase();
          var score = 0;
          for (var i = 0; i < words.length; i++) {
            if (all.indexOf(words[i]) < 0) return;
            score += title.indexOf(words[i]) >= 0 ? 3 : 1;
          }
          scored.push([score, e]);
        });
        scored.sort(function (a, b) { return b[0] - a[0] || (b[1][5] > a[1][5] ? 1 : -1); });
        return Promise.resolve(scored.map(function (pair) {
          var e = pair[1];
          return { load: function () {
            return Promise.resolve({ url: e[0], title: e[1], source: e[3], author: e[4],
                                     date: e[5],
                                     excerpt: function (into) { markedNodes(e[2], words, into); } });
          } };
        }));
      }
    };
  }

  function loadEngine() {
    if (!fromDisk) {
      return import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname, excerptLength: 28 }).then(function () {
          return pagefindEngine(pagefind);
        });
      }).catch(function () { return loadDiskIndex(); });
    }
    return loadDiskIndex();
  }

  function loadDiskIndex() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("search/index.js", root).href;
      script.onload = function () { resolve(diskEngine(window.readsiteIndex || [])); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function item(result) {
    var li = el("li", "search-result");
    var heading = el("h2", "search-result-title");
    var link = el("a", "", result.title);
    link.href = href(result.url);
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = [result.source, result.author, readableDate(result.date)].filter(Boolean);
    if (meta.length) li.appendChild(el("p", "meta", meta.join(" · ")));
    var excerpt = el("p", "search-excerpt");
    result.excerpt(excerpt);
    li.appendChild(excerpt);
    return li;
  }

  function showPage(results, from, id) {
    return Promise.all(results.slice(from, from + PAGE).map(function (r) { return r.load(); }))
      .then(function (loaded) {
        if (id !== current) return;
        var old = list.querySelector(".search-more");
        if (old) old.remove();
        loaded.forEach(function (r) { list.appendChild(item(r)); });
        if (results.length > from + PAGE) {
          var more = el("li", "search-more");
          var button = el("button", "", "Show more results");
          button.type = "button";
          button.addEventListener("click", function () {
            var first = list.children.length - 1;
            showPage(results, from + PAGE, id).then(function () {
              var next = list.children[first];
              if (next) next.querySelector("a").focus();
            });
          });
          more.appendChild(button);
          list.appendChild(more);
        }
      });
  }

  function describe(count, query, filters) {
    var scope = [filters.topic, filters.source].filter(Boolean).join(", ");
    var what = query ? " for “" + query + "”" : "";
    var where = scope ? " in " + scope : "";
    if (!count) return "No articles" + what + where + ".";
    return count + " article" + (count === 1 ? "" : "s") + what + where + ".";
  }

  function run() {
    var query = box.value.trim();
    var filters = {};
    if (topic && topic.value) filters.topic = topic.value;
    if (source && source.value) filters.source = source.value;
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (filters.topic) params.set("topic", filters.topic);
    if (filters.source) params.set("source", filters.source);
    var address = location.pathname + (params.toString() ? "?" + params : "");
    try { history.replaceState(null, "", address); } catch (e) { /* file:// in some browsers */ }
    var id = ++current;
    list.textContent = "";
    if (!query && !filters.topic && !filters.source) {
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    engine.then(function (e) { return e.search(query, filters); }).then(function (results) {
      if (id !== current) return;
      // The count is announced once the first results are on the page, not before.
      return showPage(results, 0, id).then(function () {
        if (id === current) status.textContent = describe(results.length, query, filters);
      });
    }).catch(function () {
      if (id !== current) return;
      status.textContent = "The search index could not be loaded.";
    });
  }

  var params = new URLSearchParams(location.search);
  box.value = params.get("q") || "";
  if (topic) topic.value = params.get("topic") || "";
  if (source) source.value = params.get("source") || "";
  engine = loadEngine();
  var timer = 0;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  [topic, source].forEach(function (select) { if (select) select.addEventListener("change", run); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  if (box.value || (topic && topic.value) || (source && source.value)) run();
  if (!box.value) box.focus();
})();
