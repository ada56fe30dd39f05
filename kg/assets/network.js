// The network page: labels where they fit, filters, search, neighbour highlight.
// Node positions come from Python (ForceAtlas2); the page never runs physics.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var LABEL_PX = 12, GAP = 4, MAX_LABELS = 300, MAX_TRIED = 3000, DIM = "rgba(205,205,205,0.45)";
  var FONT = "system-ui, DejaVu Sans, sans-serif";
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kgNetwork = network; window.kgNodes = nodes; window.kgEdges = edges;
  window.kgDrawn = false; window.kgStable = false;

  var byId = {}, neighbours = {}, labelled = {}, focus = null, selected = null;
  data.nodes.forEach(function (n) { byId[n.id] = n; neighbours[n.id] = []; });
  data.edges.forEach(function (e) { neighbours[e.from].push(e.to); neighbours[e.to].push(e.from); });
  var byRank = data.nodes.slice().sort(function (a, b) { return b.kgRank - a.kgRank; })
    .map(function (n) { return n.id; });
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = LABEL_PX + "px " + FONT;

  function text(n) { return n.kgLabel.length > 40 ? n.kgLabel.slice(0, 39) + "…" : n.kgLabel; }
  function overlaps(a, b) { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b; }

  // Labels at LABEL_PX on screen, most central first, only where they overlap no other label.
  function placeLabels() {
    var scale = network.getScale(), w = container.clientWidth, h = container.clientHeight;
    var positions = network.getPositions(), boxes = [], want = {}, tried = 0;
    // the most central nodes first; the pool widens with the square of the zoom past the first view
    var order = focus ? byRank.filter(function (id) { return focus[id]; })
      : byRank.slice(0, Math.ceil(Math.max(120, byRank.length / 5) * Math.pow(scale / (firstScale || scale), 2)));
    for (var i = 0; i < order.length && tried < MAX_TRIED && boxes.length < MAX_LABELS; i++) {
      var n = byId[order[i]];
      if (nodes.get(n.id).hidden) continue;
      var p = network.canvasToDOM(positions[n.id]);
      if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) continue;
      tried++;
      var width = measure.measureText(text(n)).width, top = p.y + n.size * scale + 2;
      var box = { l: p.x - width / 2 - GAP, r: p.x + width / 2 + GAP, t: top - GAP, b: top + LABEL_PX * 1.4 + GAP };
      if (box.l < 0 || box.r > w || box.b > h || boxes.some(function (o) { return overlaps(box, o); })) continue;
      var r = n.size * scale;  // a labelled node's own disc stays clear of later labels
      boxes.push(box, { l: p.x - r, r: p.x + r, t: p.y - r, b: p.y + r }); want[n.id] = true;
    }
    var updates = [];
    Object.keys(labelled).forEach(function (id) { if (!want[id]) updates.push({ id: id, label: "" }); });
    Object.keys(want).forEach(function (id) { if (!labelled[id]) updates.push({ id: id, label: text(byId[id]) }); });
    labelled = want;
    network.setOptions({ nodes: { font: { size: LABEL_PX / scale } }, edges: { font: { size: LABEL_PX / scale } } });
    if (updates.length) nodes.update(updates);
  }
  var pending = null;
  function placeLabelsSoon() { clearTimeout(pending); pending = setTimeout(placeLabels, 120); }
  network.on("zoom", placeLabelsSoon);
  network.on("dragEnd", placeLabelsSoon);
  var firstScale = null;
  network.once("afterDrawing", function () {
    window.kgDrawn = performance.now();
    firstScale = network.getScale();
    network.once("afterDrawing", function () { window.kgStable = true; });
    placeLabels();
    network.redraw();
  });

  // Edges show their relation only while hovered.
  network.on("hoverEdge", function (p) { edges.update({ id: p.edge, label: edges.get(p.edge).kgRelation }); });
  // vis-network keeps an edge's label once set (null and "" are ignored): a space draws nothing
  network.on("blurEdge", function (p) { edges.update({ id: p.edge, label: " " }); });

  function emphasise(ids) {
    var nodeUpdates = data.nodes.map(function (n) {
      var on = !ids || ids[n.id];
      return { id: n.id, color: on ? { background: n.kgColour, border: n.kgColour } : { background: DIM, border: DIM },
               font: { color: on ? "#222" : "#aaa" } };
    });
    nodes.update(nodeUpdates);
    edges.update(data.edges.map(function (e) {
      var on = !ids || (ids[e.from] && ids[e.to]);
      return { id: e.id, color: { color: on ? (ids ? "rgba(60,60,60,0.7)" : "rgba(110,110,110,0.35)") : "rgba(220,220,220,0.25)" } };
    }));
  }
  function neighbourhood(ids) {
    var set = {};
    ids.forEach(function (id) { set[id] = true; neighbours[id].forEach(function (m) { set[m] = true; }); });
    return set;
  }

  function selectedTypes() {
    return Array.prototype.slice.call(document.querySelectorAll(".type-filter"))
      .filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }
  function inRange(years, from, to) {
    return years.some(function (y) { return (!from || y >= from) && (!to || y <= to); });
  }
  function value(id) { return document.getElementById(id).value; }

  // Filters decide which nodes are shown; a search shows its matches and their neighbours.
  function apply() {
    var q = value("search").trim().toLowerCase(), from = value("year-from"), to = value("year-to");
    var status = value("status"), country = value("country"), theme = value("theme"), types = selectedTypes();
    var ranged = !!(from || to), keep = {};
    data.nodes.forEach(function (n) {
      keep[n.id] = types.indexOf(n.kgType) >= 0
        && (!ranged || (n.kgYears.length ? inRange(n.kgYears, from, to) : n.kgType !== "event"))
        && (!status || n.kgType !== "state" || n.kgStatus === status)
        && (!country || n.kgCountry === country)
        && (!theme || n.kgType !== "event" || (" " + n.kgThemes + " ").indexOf(" " + theme + " ") >= 0);
    });
    var edgeOn = {};
    function edgeKept(e) {
      return keep[e.from] && keep[e.to] && (!ranged || e.kgTimeless || inRange(e.kgYears, from, to));
    }
    if (ranged) {  // an undated actor stays only when a timeless edge ("member of") ties it to a dated one
      var tied = {};
      data.edges.forEach(function (e) {
        if (e.kgTimeless && keep[e.from] && keep[e.to]) {
          if (byId[e.from].kgYears.length) tied[e.to] = true;
          if (byId[e.to].kgYears.length) tied[e.from] = true;
        }
      });
      data.nodes.forEach(function (n) { if (!n.kgYears.length && !tied[n.id]) keep[n.id] = false; });
    }
    data.edges.forEach(function (e) { edgeOn[e.id] = edgeKept(e); });
    focus = null;
    if (q) {
      var matches = data.nodes.filter(function (n) { return keep[n.id] && n.kgLabel.toLowerCase().indexOf(q) >= 0; })
        .map(function (n) { return n.id; });
      focus = neighbourhood(matches);
      data.nodes.forEach(function (n) { keep[n.id] = keep[n.id] && !!focus[n.id]; });
    }
    var nodeUpdates = [], edgeUpdates = [], shown = 0;
    data.nodes.forEach(function (n) {
      if (keep[n.id]) shown++;
      if (!!nodes.get(n.id).hidden === keep[n.id]) nodeUpdates.push({ id: n.id, hidden: !keep[n.id] });
    });
    data.edges.forEach(function (e) {
      var on = edgeOn[e.id] && keep[e.from] && keep[e.to];
      if (!!edges.get(e.id).hidden === on) edgeUpdates.push({ id: e.id, hidden: !on });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    document.getElementById("visible-count").textContent = shown + " of " + data.nodes.length + " nodes shown";
    var ids = data.nodes.filter(function (n) { return keep[n.id]; }).map(function (n) { return n.id; });
    if (ids.length) network.fit({ nodes: ids, animation: false });
    placeLabels();
  }

  network.on("click", function (params) {
    var box = document.getElementById("details");
    if (!params.nodes.length) { box.hidden = true; selected = null; emphasise(null); return; }
    var n = byId[params.nodes[0]];
    selected = n.id;
    emphasise(neighbourhood([n.id]));
    document.getElementById("d-label").textContent = n.kgLabel;
    document.getElementById("d-type").textContent = n.kgType + (n.kgCountry ? " · " + n.kgCountry : "")
      + (n.kgYears.length ? " · " + n.kgYears[0] + (n.kgYears.length > 1 ? "–" + n.kgYears[n.kgYears.length - 1] : "") : "");
    document.getElementById("d-roles").textContent = n.kgRoles || "";
    document.getElementById("d-evidence").textContent = n.kgEvidence || "";
    var a = document.getElementById("d-source");
    if (/^https?:\/\//.test(n.kgSource)) { a.href = n.kgSource; a.textContent = n.kgArticle || n.kgSource; }
    else { a.removeAttribute("href"); a.textContent = n.kgArticle || ""; }
    document.getElementById("d-date").textContent = n.kgArticleDate || "";
    document.getElementById("d-others").textContent = n.kgOthers ? "Also reported by: " + n.kgOthers : "";
    var profile = document.getElementById("d-profile");
    if (n.kgProfile) { profile.href = n.kgProfile; profile.textContent = "Open profile"; }
    else { profile.removeAttribute("href"); profile.textContent = ""; }
    box.hidden = false;
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length && byId[params.nodes[0]].kgProfile) window.location.href = byId[params.nodes[0]].kgProfile;
  });

  window.kgVisibleNodes = function () { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; };
  window.kgPlaceLabels = placeLabels;
  window.kgLabelled = function () { return Object.keys(labelled); };
  window.kgSelected = function () { return selected; };
  ["search", "year-from", "year-to", "status", "country", "theme"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", apply);
  });
  document.querySelectorAll(".type-filter").forEach(function (b) { b.addEventListener("change", apply); });
  document.getElementById("reset").addEventListener("click", function () {
    ["search", "year-from", "year-to", "status", "country", "theme"].forEach(function (id) { document.getElementById(id).value = ""; });
    document.querySelectorAll(".type-filter").forEach(function (b) { b.checked = true; });
    emphasise(null); apply();
  });
  document.getElementById("visible-count").textContent = data.nodes.length + " of " + data.nodes.length + " nodes shown";
})();
