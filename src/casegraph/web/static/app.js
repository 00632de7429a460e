// casegraph workbench: what every page shares. No inline script anywhere (the CSP forbids it);
// every string from the case reaches the DOM through textContent, never innerHTML.
"use strict";

(function () {
  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  async function api(method, url, body) {
    const options = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (method !== "GET") {
      options.headers["X-CSRF-Token"] = csrfToken();
    }
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    let data = null;
    try { data = await response.json(); } catch (err) { data = null; }
    if (!response.ok) {
      const detail = data && data.detail ? data.detail : response.status + " " + response.statusText;
      throw new Error(detail);
    }
    return data;
  }

  function toast(message, bad) {
    const box = document.getElementById("toast");
    if (!box) { return; }
    box.textContent = message;
    box.className = bad ? "show bad" : "show";
    window.clearTimeout(toast.timer);
    toast.timer = window.setTimeout(function () { box.className = ""; }, 4000);
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // A link inside the app: only our own paths, so no value from a document becomes javascript:.
  function link(path, text) {
    const a = el("a", {}, text);
    a.href = path.charAt(0) === "/" && path.charAt(1) !== "/" ? path : "/";
    return a;
  }

  async function decide(item, status) {
    const id = item.getAttribute("data-fact");
    const result = await api("POST", "/api/facts/" + encodeURIComponent(id) + "/decision", { status: status });
    item.classList.remove("status-proposed", "status-confirmed", "status-rejected");
    item.classList.add("status-" + result.status);
    const badge = item.querySelector(".badge");
    if (badge) { badge.textContent = result.status; }
    return result;
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button.decide");
    if (button) {
      const item = button.closest("[data-fact]");
      decide(item, button.getAttribute("data-status"))
        .then(function (r) { toast(r.status + " by " + r.reviewer); })
        .catch(function (err) { toast(err.message, true); });
      return;
    }
    const action = event.target.closest("#identity button[data-action]");
    if (action) {
      const form = action.closest("form");
      const entity = form.getAttribute("data-entity");
      const kind = action.getAttribute("data-action");
      const other = form.elements.namedItem("other").value.trim();
      const out = document.getElementById("identity-result");
      const url = "/api/entities/" + encodeURIComponent(entity) + "/" + kind;
      if (kind !== "split" && !other) { out.textContent = "Name the other entity first."; return; }
      api("POST", url, kind === "split" ? undefined : { other: other })
        .then(function (r) {
          out.textContent = "";
          if (r.canonical) {
            out.appendChild(document.createTextNode("Merged into "));
            out.appendChild(link("/entities/" + encodeURIComponent(r.canonical), r.canonical));
          } else if (r.members) {
            out.textContent = "Split into " + r.members.length + " entities.";
          } else {
            out.textContent = "Recorded as different (" + r.judgements + " judgements).";
          }
        })
        .catch(function (err) { out.textContent = err.message; });
    }
  });

  window.casegraph = { api: api, toast: toast, el: el, link: link, decide: decide };
})();
