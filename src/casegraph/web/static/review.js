// The review queue with keyboard shortcuts: j/k move, c confirm (or merge), r reject (or not the
// same), s skip, o open the entity.
"use strict";

(function () {
  const items = Array.from(document.querySelectorAll(".qitem"));
  if (!items.length) { return; }
  const cg = window.casegraph;
  let current = 0;

  function select(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, i) { item.classList.toggle("current", i === current); });
    items[current].focus();
  }

  function mark(item, text, cls) {
    item.querySelector(".state").textContent = text;
    item.classList.add(cls);
  }

  function act(item, yes) {
    const kind = item.getAttribute("data-kind");
    let done;
    if (kind === "candidate") {
      const url = "/api/entities/" + encodeURIComponent(item.getAttribute("data-entity")) + (yes ? "/merge" : "/not-same");
      done = cg.api("POST", url, { other: item.getAttribute("data-other") });
    } else {
      const url = "/api/facts/" + encodeURIComponent(item.getAttribute("data-id")) + "/decision";
      done = cg.api("POST", url, { status: yes ? "confirmed" : "rejected" });
    }
    done.then(function () { mark(item, yes ? "confirmed" : "rejected", yes ? "done-yes" : "done-no"); })
      .catch(function (err) { cg.toast(err.message, true); });
  }

  document.addEventListener("keydown", function (event) {
    if (event.target.closest("input, textarea, select") || event.ctrlKey || event.metaKey || event.altKey) { return; }
    const item = items[current];
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "c": act(item, true); select(current + 1); break;
      case "r": act(item, false); select(current + 1); break;
      case "s": mark(item, "skipped", "skipped"); select(current + 1); break;
      case "o": window.location.assign("/entities/" + encodeURIComponent(item.getAttribute("data-entity"))); break;
      default: return;
    }
    event.preventDefault();
  });
  items.forEach(function (item, i) { item.addEventListener("click", function () { select(i); }); });
  select(0);
})();
