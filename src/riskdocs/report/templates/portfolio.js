// The portfolio's filters: progressive enhancement, the page lists everything without script.
(function () {
  "use strict";
  function counted(output, shown, all) {
    output.value = shown === all ? "" : shown + " / " + all;
  }
  document.querySelectorAll("form.filters").forEach(function (form) {
    var target = document.getElementById(form.getAttribute("data-filter"));
    if (!target) { return; }
    var items = target.tagName === "TABLE" ? target.tBodies[0].rows : target.children;
    var tags = document.querySelectorAll(".tags .tag");
    var chosen = null;
    function apply() {
      var health = form.elements.health ? form.elements.health.value : "";
      var state = form.elements.state ? form.elements.state.value : "";
      var words = form.elements.text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var text = item.getAttribute("data-text");
        if (text === null) { return; }
        var visible = (!health || item.getAttribute("data-health") === health) &&
          (!state || item.getAttribute("data-state") === state) &&
          (!chosen || (" " + item.getAttribute("data-tags") + " ").indexOf(" " + chosen + " ") >= 0) &&
          words.every(function (w) { return text.indexOf(w) >= 0; });
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      counted(form.elements.shown, shown, items.length);
    }
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (target.id === "lesson-list") {
      tags.forEach(function (button) {
        button.hidden = false;
        button.nextElementSibling.hidden = true;
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", function () {
          var tag = button.getAttribute("data-tag");
          chosen = chosen === tag ? null : tag;
          tags.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-tag") === chosen)); });
          apply();
        });
      });
    }
  });
  // Printing shows every row, whatever the filters hide.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("#projects-table tbody tr, #lesson-list > li").forEach(function (item) { item.hidden = false; });
  });
})();
