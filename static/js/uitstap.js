// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector(".error-summary");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrorSummary(document); });
  document.body.addEventListener("htmx:afterSwap", function (e) { focusErrorSummary(e.target); });
  // Show/hide form parts that depend on a choice (data-toon-bij="field=value,value").
  function syncConditional() {
    document.querySelectorAll("[data-toon-bij]").forEach(function (el) {
      var parts = el.getAttribute("data-toon-bij").split("=");
      var values = parts[1].split(",");
      var inputs = document.querySelectorAll("[name='" + parts[0] + "']");
      var current = null;
      inputs.forEach(function (i) {
        if ((i.type === "radio" || i.type === "checkbox")) { if (i.checked) { current = i.value; } }
        else { current = i.value; }
      });
      el.hidden = values.indexOf(current) === -1;
    });
  }
  document.addEventListener("change", syncConditional);
  document.addEventListener("DOMContentLoaded", syncConditional);
  // A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): focusable, with a name.
  function focusableScrollRegions() {
    document.querySelectorAll(".table-scroll").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        var caption = el.querySelector("caption");
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabel, scroll zijwaarts");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", focusableScrollRegions);
  window.addEventListener("resize", focusableScrollRegions);
})();
