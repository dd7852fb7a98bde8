// termbase web interface: results as you type, review keyboard shortcuts, look-alike letters,
// file drop. Plain JavaScript of this server (the pages work without it).
(function () {
  "use strict";

  // Search as you type: the results part of the page, fetched from the server.
  var form = document.getElementById("search");
  var results = document.getElementById("results");
  if (form && results && form.querySelector("#q")) {
    var timer = null, seq = 0;
    var update = function () {
      var params = new URLSearchParams(new FormData(form));
      var url = "/search?" + params.toString();
      params.set("partial", "1");
      var mine = ++seq;
      fetch("/search?" + params.toString(), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html !== null && mine === seq) {
            results.innerHTML = html;  // server-rendered, escaped by the templates
            history.replaceState(null, "", url);
          }
        });
    };
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
  }

  // Latin letters that look Cyrillic, typed into a Kazakh or Russian term.
  var LOOK = /[AaBCcEeHKMOoPpTXxYyi]/;
  var CYR = /[\u0400-\u04FF]/;
  document.querySelectorAll("input[data-lookalike]").forEach(function (input) {
    var lang = input.getAttribute("data-lookalike");
    if (lang !== "kk" && lang !== "ru") { return; }
    var hint = input.parentNode.querySelector(".lookalike-hint");
    input.addEventListener("input", function () {
      var bad = input.value.split(/\s+/).filter(function (w) { return CYR.test(w) && LOOK.test(w); });
      hint.textContent = bad.length ? "Latin letters that look Cyrillic in: " + bad.join(", ") : "";
    });
  });

  // Review queue: j/k move, a approve, r reject (asks for a reason), e/Enter open.
  var queue = document.getElementById("queue");
  if (queue) {
    var rows = Array.prototype.slice.call(queue.querySelectorAll("tr.item"));
    var at = 0;
    var show = function (i) {
      if (!rows.length) { return; }
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach(function (r) { r.classList.remove("current"); });
      rows[at].classList.add("current");
      rows[at].focus();
    };
    rows.forEach(function (r, i) { r.addEventListener("focus", function () { at = i; rows.forEach(function (x) { x.classList.remove("current"); }); r.classList.add("current"); }); });
    document.addEventListener("keydown", function (e) {
      var tag = (e.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "textarea" || tag === "select" || e.ctrlKey || e.metaKey || e.altKey) { return; }
      var row = rows[at];
      if (e.key === "j") { show(at + 1); e.preventDefault(); }
      else if (e.key === "k") { show(at - 1); e.preventDefault(); }
      else if (row && e.key === "a") { var f = row.querySelector("form.approve"); if (f) { f.submit(); } }
      else if (row && e.key === "r") {
        var g = row.querySelector("form.reject");
        if (g) { var why = window.prompt("Reason for rejecting?", ""); if (why !== null) { g.querySelector("input[name=reason]").value = why; g.submit(); } }
      }
      else if (row && (e.key === "e" || (e.key === "Enter" && e.target === row))) { window.location = row.getAttribute("data-href"); }
    });
    if (rows.length) { show(0); }
  }

  // Check: drop a file onto the form.
  var drop = document.getElementById("checkform");
  if (drop) {
    var file = drop.querySelector("input[type=file]");
    ["dragenter", "dragover"].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); }); });
    ["dragleave", "drop"].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove("over"); }); });
    drop.addEventListener("drop", function (e) { if (e.dataTransfer.files.length) { file.files = e.dataTransfer.files; drop.submit(); } });
  }
})();
