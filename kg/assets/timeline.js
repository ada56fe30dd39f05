// The timeline: one row per organiser (or kind), an event as a mark from its start to its end.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var NS = "http://www.w3.org/2000/svg", ROW = 24, LEFT = 280, TOP = 28, KIND_COLOURS = {};
  var palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  Array.from(new Set(data.events.map(function (e) { return e.kind; }))).sort()
    .forEach(function (k, i) { KIND_COLOURS[k] = palette[i % palette.length]; });
  var box = document.getElementById("timeline"), tip = document.getElementById("tip");

  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function time(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function names(list) { return list.map(function (a) { return a.name; }).join(", "); }
  function value(id) { return document.getElementById(id).value; }

  function shownEvents() {
    var actor = value("actor"), theme = value("theme");
    return data.events.filter(function (e) {
      var actors = e.organisers.concat(e.participants).map(function (a) { return a.iri; });
      return (!actor || actors.indexOf(actor) >= 0) && (!theme || e.themes.indexOf(theme) >= 0);
    });
  }
  function rowsOf(events) {
    var rows = {};
    events.forEach(function (e) {
      var keys = value("rows") === "kind" ? [e.kind]
        : (e.organisers.length ? e.organisers.map(function (a) { return a.name; }) : ["(no organiser named)"]);
      keys.forEach(function (k) { (rows[k] = rows[k] || []).push(e); });
    });
    return Object.keys(rows).sort(function (a, b) { return rows[b].length - rows[a].length || a.localeCompare(b); })
      .map(function (k) { return { name: k, events: rows[k] }; });
  }

  function showTip(e, ev) {
    tip.textContent = e.label + "\n" + e.start + (e.end !== e.start ? " – " + e.end : "") + " · " + e.kind
      + (e.places.length ? "\nPlace: " + names(e.places) : "")
      + (e.organisers.length ? "\nOrganised by: " + names(e.organisers) : "")
      + (e.participants.length ? "\nTook part: " + names(e.participants) : "")
      + (e.sources.length ? "\nSources: " + e.sources.map(function (s) { return s.title; }).join("; ") : "");
    tip.style.left = Math.min(ev.clientX + 12, window.innerWidth - 440) + "px";
    tip.style.top = (ev.clientY + 12) + "px";
    tip.hidden = false;
  }
  function personList(target, label, list) {
    target.textContent = list.length ? label + ": " : "";
    list.forEach(function (a, i) {
      if (i) target.appendChild(document.createTextNode(", "));
      var href = data.links[a.iri];
      var node = document.createElement(href ? "a" : "span");
      if (href) node.href = href;
      node.textContent = a.name;
      target.appendChild(node);
    });
  }
  function showDetails(e) {
    document.getElementById("event-details").hidden = false;
    document.getElementById("e-label").textContent = e.label;
    document.getElementById("e-when").textContent = e.start + (e.end !== e.start ? " – " + e.end : "") + " · " + e.kind
      + (e.places.length ? " · " + names(e.places) : "") + (e.themes.length ? " · " + e.themes.join(", ") : "");
    personList(document.getElementById("e-organisers"), "Organised by", e.organisers);
    personList(document.getElementById("e-participants"), "Took part", e.participants);
    var list = document.getElementById("e-sources");
    list.textContent = "";
    e.sources.forEach(function (s) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.textContent = s.title + (s.date ? " (" + s.date + ")" : "");
      if (/^https?:\/\//.test(s.url)) { a.href = s.url; a.rel = "noopener noreferrer"; a.target = "_blank"; }
      li.appendChild(a); list.appendChild(li);
    });
  }

  function draw() {
    var events = shownEvents(), rows = rowsOf(events);
    box.textContent = "";
    document.getElementById("shown-count").textContent = events.length + " of " + data.events.length + " events";
    if (!events.length) { box.textContent = "No dated event matches these filters."; return; }
    var width = Math.max(box.clientWidth, 700), plot = width - LEFT - 20;
    var first = new Date(time(events.reduce(function (m, e) { return e.start < m ? e.start : m; }, "9999"))).getUTCFullYear();
    var last = new Date(time(events.reduce(function (m, e) { return e.end > m ? e.end : m; }, "0000"))).getUTCFullYear() + 1;
    var t0 = Date.UTC(first, 0, 1), t1 = Date.UTC(last, 0, 1);
    function x(iso) { return LEFT + (time(iso) - t0) / (t1 - t0) * plot; }
    var svg = el("svg", { width: width, height: TOP + rows.length * ROW + 10, role: "img", "aria-label": "timeline" });
    for (var y = first; y <= last; y++) {
      var gx = LEFT + (Date.UTC(y, 0, 1) - t0) / (t1 - t0) * plot;
      svg.appendChild(el("line", { x1: gx, x2: gx, y1: TOP - 6, y2: TOP + rows.length * ROW, stroke: "#e0e0e0" }));
      if (y < last) svg.appendChild(el("text", { x: gx + 3, y: TOP - 10, "font-size": 12, fill: "#5f6368" }, String(y)));
    }
    rows.forEach(function (row, i) {
      var ry = TOP + i * ROW;
      if (i % 2) svg.appendChild(el("rect", { x: 0, y: ry, width: width, height: ROW, fill: "#f8f9fa" }));
      svg.appendChild(el("text", { x: 6, y: ry + 16, "font-size": 12, fill: "#222", class: "row-label" },
                         row.name.length > 40 ? row.name.slice(0, 39) + "…" : row.name));
      row.events.forEach(function (e) {
        var x1 = x(e.start), x2 = Math.max(x(e.end) + 86400000 / (t1 - t0) * plot, x1 + 7);
        var mark = el("rect", { x: x1, y: ry + 5, width: x2 - x1, height: ROW - 10, rx: 3,
                                fill: KIND_COLOURS[e.kind], class: "event-mark", "data-iri": e.iri });
        mark.addEventListener("mousemove", function (ev) { showTip(e, ev); });
        mark.addEventListener("mouseleave", function () { tip.hidden = true; });
        mark.addEventListener("click", function () { showDetails(e); });
        svg.appendChild(mark);
      });
    });
    box.appendChild(svg);
    var legend = document.createElement("p");
    legend.className = "muted";
    Object.keys(KIND_COLOURS).forEach(function (k) {
      var swatch = document.createElement("span");
      swatch.style.cssText = "display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;background:" + KIND_COLOURS[k];
      legend.appendChild(swatch); legend.appendChild(document.createTextNode(k));
    });
    box.appendChild(legend);
  }

  var hash = /actor=([^&]+)/.exec(window.location.hash);
  if (hash) document.getElementById("actor").value = decodeURIComponent(hash[1]);
  ["rows", "actor", "theme"].forEach(function (id) { document.getElementById(id).addEventListener("input", draw); });
  window.addEventListener("resize", draw);
  draw();
  window.kgReady = true;
})();
