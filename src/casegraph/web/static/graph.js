// Graph explorer over /api/network and /api/paths, drawn by the vendored Cytoscape.js.
// Labels are drawn on a canvas, so names from documents are never parsed as markup.
"use strict";

(function () {
  const container = document.getElementById("cy");
  const controls = document.getElementById("graph-controls");
  if (!container || !controls || typeof window.cytoscape !== "function") { return; }
  const cg = window.casegraph;
  const status = document.getElementById("graph-status");
  const details = document.getElementById("graph-details");
  const filters = document.getElementById("edge-filters");
  const hidden = new Set();

  const cy = window.cytoscape({
    container: container,
    minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: "node", style: { "label": "data(name)", "font-size": 10, "background-color": "#6b7fa8",
        "text-valign": "bottom", "text-margin-y": 3, "width": 18, "height": 18 } },
      { selector: "node[schema = 'Person']", style: { "background-color": "#c0713a" } },
      { selector: "node.center", style: { "border-width": 3, "border-color": "#222" } },
      { selector: "edge", style: { "width": 1.5, "line-color": "#aab", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#aab", "label": "data(schema)", "font-size": 8,
        "color": "#667" } },
      { selector: ".path", style: { "line-color": "#d33", "target-arrow-color": "#d33", "background-color": "#d33",
        "width": 3 } },
      { selector: ":selected", style: { "overlay-opacity": 0.2 } }
    ]
  });

  function edgeId(edge, i) {
    return "e:" + (edge.id || "") + ":" + edge.source + ":" + edge.target + ":" + (edge.schema || "") + ":" + i;
  }

  function addGraph(nodes, edges, names) {
    const added = [];
    nodes.forEach(function (node) {
      const id = typeof node === "string" ? node : node.id;
      if (cy.getElementById(id).empty()) {
        const name = (typeof node === "string" ? names[id] : node.name) || id;
        added.push({ group: "nodes", data: { id: id, name: name, schema: node.schema || "" } });
      }
    });
    cy.add(added);
    edges.forEach(function (edge, i) {
      const id = edgeId(edge, i);
      [edge.source, edge.target].forEach(function (n) {
        if (cy.getElementById(n).empty()) { cy.add({ group: "nodes", data: { id: n, name: names[n] || n } }); }
      });
      if (cy.getElementById(id).empty()) {
        cy.add({ group: "edges", data: Object.assign({}, edge, { id: id, schema: edge.schema || "link" }) });
      }
    });
    refreshFilters();
    cy.layout({ name: "cose", animate: false, nodeRepulsion: function () { return 9000; } }).run();
    cy.fit(undefined, 30);
  }

  function refreshFilters() {
    const kinds = new Set(cy.edges().map(function (e) { return e.data("schema"); }));
    filters.textContent = "";
    Array.from(kinds).sort().forEach(function (kind) {
      const label = cg.el("label", { "class": "chk" });
      const box = cg.el("input", { type: "checkbox", value: kind });
      box.checked = !hidden.has(kind);
      box.addEventListener("change", function () {
        if (box.checked) { hidden.delete(kind); } else { hidden.add(kind); }
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + kind));
      filters.appendChild(label);
    });
    applyFilters();
  }

  function applyFilters() {
    cy.edges().forEach(function (e) { e.style("display", hidden.has(e.data("schema")) ? "none" : "element"); });
  }

  function field(name) { return controls.elements.namedItem(name).value.trim(); }

  function showNetwork(center, hops, replace) {
    status.textContent = "Loading…";
    const url = "/api/network?name=" + encodeURIComponent(center) + "&hops=" + encodeURIComponent(hops);
    return cg.api("GET", url).then(function (net) {
      if (replace) { cy.elements().remove(); }
      addGraph(net.nodes, net.edges, {});
      cy.getElementById(net.center || center).addClass("center");
      status.textContent = net.nodes.length + " nodes, " + net.edges.length + " edges";
    }).catch(function (err) { status.textContent = err.message; });
  }

  function findPath() {
    const a = field("a");
    const b = field("b");
    if (!a || !b) { status.textContent = "Give both ends of the path."; return; }
    status.textContent = "Searching…";
    cg.api("GET", "/api/paths?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b)).then(function (res) {
      cy.elements().remove();
      if (!res.paths.length) { status.textContent = "No path within the hop limit."; return; }
      const names = res.names || {};
      res.paths.forEach(function (p) { addGraph(p.nodes, p.edges, names); });
      cy.elements().addClass("path");
      const first = res.paths[0];
      status.textContent = res.paths.length + " shortest path(s), " + (first.nodes.length - 1) + " hop(s): " +
        first.nodes.map(function (n) { return names[n] || n; }).join(" → ");
      status.setAttribute("data-hops", String(first.nodes.length - 1));
    }).catch(function (err) { status.textContent = err.message; });
  }

  function showDetails(title, rows, source) {
    details.textContent = "";
    details.appendChild(cg.el("h2", {}, title));
    const list = cg.el("dl");
    rows.forEach(function (r) { list.appendChild(cg.el("dt", {}, r[0])); list.appendChild(cg.el("dd", {}, r[1])); });
    details.appendChild(list);
    if (source) { details.appendChild(source); }
  }

  cy.on("tap", "edge", function (event) {
    const d = event.target.data();
    const names = function (id) { const n = cy.getElementById(id); return n.empty() ? id : n.data("name"); };
    let source = null;
    if (d.document) {
      source = cg.link("/documents/" + encodeURIComponent(d.document) + "?start=" + encodeURIComponent(d.start) +
        "&end=" + encodeURIComponent(d.end) + "#focus", "Open the source span");
      source.className = "edge-source";
    }
    showDetails(d.schema, [["from", names(d.source)], ["to", names(d.target)],
      ["source", d.document ? d.document.slice(0, 12) + " [" + d.start + "–" + d.end + "]" : "none"]], source);
  });

  cy.on("tap", "node", function (event) {
    const d = event.target.data();
    showDetails(d.name, [["schema", d.schema || ""], ["id", d.id]],
      cg.link("/entities/" + encodeURIComponent(d.id), "Open the entity page"));
  });

  cy.on("dbltap", "node", function (event) { showNetwork(event.target.id(), 1, false); });

  document.getElementById("show-network").addEventListener("click", function () {
    if (field("center")) { showNetwork(field("center"), field("hops"), true); }
  });
  document.getElementById("find-path").addEventListener("click", findPath);

  if (controls.getAttribute("data-a") && controls.getAttribute("data-b")) { findPath(); }
  else if (controls.getAttribute("data-center")) { showNetwork(controls.getAttribute("data-center"), 2, true); }
  window.casegraphGraph = cy;
})();
