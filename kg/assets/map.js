// The map: states shaded by their events in the chosen years, places as circles sized by count.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var NS = "http://www.w3.org/2000/svg", SHADES = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  var tip = document.getElementById("tip");
  function value(id) { return document.getElementById(id).value; }
  function count(years) {
    var from = value("year-from"), to = value("year-to"), ranged = !!(from || to), n = 0;
    Object.keys(years).forEach(function (y) {
      if (!ranged || (y !== "undated" && (!from || y >= from) && (!to || y <= to))) n += years[y];
    });
    return n;
  }
  function shade(n, top) {
    if (!n) return "#f2f2f2";
    return SHADES[Math.min(SHADES.length - 1, Math.floor((n / top) * SHADES.length * 0.999))];
  }
  function tipAt(text, ev) {
    tip.textContent = text; tip.hidden = false;
    tip.style.left = (ev.clientX + 12) + "px"; tip.style.top = (ev.clientY + 12) + "px";
  }
  function draw() {
    var counts = {}, top = 1, shown = 0;
    Object.keys(data.states).forEach(function (k) { counts[k] = count(data.states[k].years); top = Math.max(top, counts[k]); });
    document.querySelectorAll("#countries .country").forEach(function (path) {
      var k = path.getAttribute("data-iso3"), s = data.states[k], n = counts[k] || 0;
      path.setAttribute("fill", shade(n, top));
      path.setAttribute("stroke", s && s.status === "member" ? "#08306b" : "#fff");
      path.setAttribute("stroke-width", s && s.status === "member" ? "0.9" : "0.5");
      path.setAttribute("data-count", n);
      if (n) shown++;
    });
    var layer = document.getElementById("places");
    layer.textContent = "";
    data.places.forEach(function (p) {
      var n = count(p.years);
      if (!n) return;
      var c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", p.x); c.setAttribute("cy", p.y); c.setAttribute("r", 3 + 3 * Math.sqrt(n));
      c.setAttribute("fill", "rgba(225,87,89,0.75)"); c.setAttribute("stroke", "#fff"); c.setAttribute("class", "place");
      c.addEventListener("mousemove", function (ev) { tipAt(p.name + ", " + p.country + ": " + n + " event(s)", ev); });
      c.addEventListener("mouseleave", function () { tip.hidden = true; });
      layer.appendChild(c);
    });
    var scale = document.getElementById("scale");
    scale.textContent = "";
    SHADES.forEach(function (colour, i) {
      var row = document.createElement("div"), sw = document.createElement("span");
      sw.style.cssText = "display:inline-block;width:14px;height:10px;margin-right:6px;background:" + colour;
      row.appendChild(sw);
      row.appendChild(document.createTextNode(Math.ceil(top * i / SHADES.length) + "–" + Math.ceil(top * (i + 1) / SHADES.length) + " events"));
      scale.appendChild(row);
    });
    var body = document.querySelector("#outside tbody");
    body.textContent = "";
    data.outside.forEach(function (name) {
      var k = Object.keys(data.states).filter(function (x) { return data.states[x].name === name; })[0];
      var tr = document.createElement("tr"), a = document.createElement("td"), b = document.createElement("td");
      a.textContent = name; b.textContent = counts[k] + " event(s)"; tr.appendChild(a); tr.appendChild(b); body.appendChild(tr);
    });
    document.getElementById("map-count").textContent = shown + " states and " + layer.childNodes.length + " places shown";
  }
  document.querySelectorAll("#countries .country").forEach(function (path) {
    path.addEventListener("mousemove", function (ev) {
      var s = data.states[path.getAttribute("data-iso3")];
      if (s) tipAt(s.name + (s.status ? " (" + s.status + ")" : "") + ": " + path.getAttribute("data-count") + " event(s)", ev);
    });
    path.addEventListener("mouseleave", function () { tip.hidden = true; });
  });
  ["year-from", "year-to"].forEach(function (id) { document.getElementById(id).addEventListener("input", draw); });
  draw();
  window.kgReady = true;
})();
