// A horizontal timeline from /api/timeline. A partial date is drawn as the whole period it allows
// (2014 → the year, 2014-12 → the month), never padded to a made-up day.
"use strict";

(function () {
  const box = document.getElementById("timeline");
  if (!box) { return; }
  const cg = window.casegraph;
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;

  function range(date) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date || "");
    if (!m) { return null; }
    const y = Number(m[1]);
    if (!m[2]) { return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1), "year"]; }
    const mo = Number(m[2]) - 1;
    if (!m[3]) { return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1), "month"]; }
    const d = Date.UTC(y, mo, Number(m[3]));
    return [d, d + DAY, "day"];
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function sourceLink(item) {
    if (!item.document) { return null; }
    return cg.link("/documents/" + encodeURIComponent(item.document) + "?start=" + encodeURIComponent(item.start) +
      "&end=" + encodeURIComponent(item.end) + "#focus", "source");
  }

  function showDetails(item) {
    const panel = document.getElementById("timeline-details");
    panel.textContent = "";
    panel.appendChild(cg.el("h2", {}, item.date + " · " + item.kind));
    panel.appendChild(cg.el("p", {}, item.summary));
    const link = sourceLink(item);
    if (link) { panel.appendChild(link); }
  }

  function draw(items) {
    const dated = items.map(function (it) { return { item: it, r: range(it.date) }; })
      .filter(function (x) { return x.r; });
    if (!dated.length) { box.textContent = "No dated facts."; return; }
    const min = Math.min.apply(null, dated.map(function (x) { return x.r[0]; }));
    const max = Math.max.apply(null, dated.map(function (x) { return x.r[1]; }));
    const width = Math.max(box.clientWidth || 900, 600);
    const pad = 20;
    const scale = function (t) { return pad + (t - min) / Math.max(max - min, DAY) * (width - 2 * pad); };
    const lanes = [];
    dated.sort(function (a, b) { return a.r[0] - b.r[0] || a.r[1] - b.r[1]; });
    dated.forEach(function (x) {
      const x0 = scale(x.r[0]);
      const x1 = Math.max(scale(x.r[1]), x0 + 6);
      let lane = lanes.findIndex(function (end) { return end + 4 <= x0; });
      if (lane < 0) { lane = lanes.length; lanes.push(0); }
      lanes[lane] = x1;
      x.x0 = x0; x.x1 = x1; x.lane = lane;
    });
    const height = 40 + lanes.length * 16;
    const chart = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": "timeline" });
    const first = new Date(min).getUTCFullYear();
    const last = new Date(max).getUTCFullYear();
    const step = Math.max(1, Math.ceil((last - first + 1) / 12));
    for (let y = first; y <= last + 1; y += step) {
      const x = scale(Date.UTC(y, 0, 1));
      chart.appendChild(svg("line", { x1: x, x2: x, y1: 0, y2: height, "class": "tick" }));
      const label = svg("text", { x: x + 2, y: 12, "class": "tick-label" });
      label.textContent = String(y);
      chart.appendChild(label);
    }
    dated.forEach(function (x) {
      const y = 24 + x.lane * 16;
      const shape = x.r[2] === "day"
        ? svg("circle", { cx: (x.x0 + x.x1) / 2, cy: y + 5, r: 5 })
        : svg("rect", { x: x.x0, y: y, width: x.x1 - x.x0, height: 10, rx: 3 });
      shape.setAttribute("class", "ev kind-" + String(x.item.kind).replace(/[^a-z-]/gi, "") + " span-" + x.r[2]);
      const title = svg("title", {});
      title.textContent = x.item.date + " · " + x.item.kind + " · " + x.item.summary;
      shape.appendChild(title);
      shape.addEventListener("click", function () { showDetails(x.item); });
      chart.appendChild(shape);
    });
    box.textContent = "";
    box.appendChild(chart);
  }

  function list(items) {
    const ol = document.getElementById("timeline-list");
    ol.textContent = "";
    items.forEach(function (item) {
      const li = cg.el("li", { "class": "tl-item" });
      li.appendChild(cg.el("span", { "class": "date" }, item.date));
      li.appendChild(cg.el("span", { "class": "kind" }, item.kind));
      li.appendChild(cg.el("span", { "class": "summary" }, item.summary));
      const link = sourceLink(item);
      if (link) { li.appendChild(link); }
      ol.appendChild(li);
    });
  }

  const entity = box.getAttribute("data-entity");
  const url = "/api/timeline?limit=5000" + (entity ? "&entity=" + encodeURIComponent(entity) : "");
  cg.api("GET", url).then(function (page) {
    draw(page.items);
    list(page.items);
    box.setAttribute("data-count", String(page.items.length));
  }).catch(function (err) { box.textContent = err.message; box.setAttribute("data-error", "1"); });
})();
