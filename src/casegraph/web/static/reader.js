// The document reader: click a highlight to open its entity; select text to create a fact whose
// source is exactly that span. Offsets are document offsets in code points (as Python counts them),
// recovered from the data-o attribute every text run carries.
"use strict";

(function () {
  const article = document.getElementById("doc-text");
  const form = document.getElementById("annotate");
  if (!article || !form) { return; }
  const cg = window.casegraph;
  const points = function (s) { return Array.from(s).length; };

  function runOf(node) {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return element ? element.closest("[data-o]") : null;
  }

  // A DOM position (node, offset) as a document offset.
  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const run = runOf(node);
      return run ? Number(run.getAttribute("data-o")) + points(node.data.slice(0, offset)) : null;
    }
    const child = node.childNodes[offset];
    if (child) {
      const run = child.nodeType === Node.ELEMENT_NODE && child.matches("[data-o]") ? child : runOf(child);
      if (run) { return Number(run.getAttribute("data-o")); }
    }
    const runs = article.querySelectorAll("[data-o]");
    const last = node === article ? runs[runs.length - 1] : runOf(node);
    return last ? Number(last.getAttribute("data-o")) + points(last.textContent) : null;
  }

  const fullText = Array.from(article.textContent);

  function showForm(start, end) {
    const text = fullText.slice(start, end).join("");
    form.hidden = false;
    form.elements.namedItem("start").value = String(start);
    form.elements.namedItem("end").value = String(end);
    document.getElementById("selection-text").textContent = text;
    document.getElementById("annotate-result").textContent = "";
    updateKind();
  }

  article.addEventListener("mouseup", function () {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return; }
    const range = selection.getRangeAt(0);
    if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) { return; }
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return; }
    while (start < end && /\s/.test(fullText[start])) { start += 1; }
    while (end > start && /\s/.test(fullText[end - 1])) { end -= 1; }
    if (end > start) { showForm(start, end); }
  });

  article.addEventListener("click", function (event) {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) { return; }
    const run = event.target.closest("[data-entity]");
    if (run) { window.location.assign("/entities/" + encodeURIComponent(run.getAttribute("data-entity"))); }
  });

  function updateKind() {
    const kind = form.elements.namedItem("kind").value;
    const parties = kind === "relation" || kind === "payment" || kind === "quote";
    form.querySelectorAll(".for-parties").forEach(function (n) { n.hidden = !parties; });
    form.querySelectorAll(".for-relation").forEach(function (n) { n.hidden = kind !== "relation"; });
    form.querySelectorAll(".for-payment").forEach(function (n) { n.hidden = kind !== "payment"; });
    const labels = { relation: ["From", "To"], payment: ["Payer", "Beneficiary"], quote: ["Speaker", "Audience"] };
    const pair = labels[kind] || ["From", "To"];
    form.querySelector(".source-label").textContent = pair[0];
    form.querySelector(".target-label").textContent = pair[1];
  }
  form.elements.namedItem("kind").addEventListener("change", updateKind);
  document.getElementById("annotate-cancel").addEventListener("click", function () { form.hidden = true; });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const value = function (name) { const v = form.elements.namedItem(name).value.trim(); return v || null; };
    const start = Number(value("start"));
    const end = Number(value("end"));
    const body = {
      document: article.getAttribute("data-document"), start: start, end: end, kind: value("kind"),
      schema: value("schema"), source: value("source"), target: value("target"), amount: value("amount"),
      currency: value("currency"), text: fullText.slice(start, end).join("")
    };
    const out = document.getElementById("annotate-result");
    out.textContent = "Saving…";
    cg.api("POST", "/api/annotations", body).then(function (made) {
      out.textContent = "Created " + made.schema + " ";
      out.appendChild(cg.link("/entities/" + encodeURIComponent(made.entity), made.entity));
      out.setAttribute("data-created", made.entity);
      cg.toast("Fact created from the selection");
    }).catch(function (err) {
      out.textContent = err.message;
    });
  });

  const focus = document.getElementById("focus");
  if (focus) { focus.scrollIntoView({ block: "center" }); }
})();
