// A filter field above each long list of check boxes (core.widgets.SearchableCheckboxes), and a
// count of the boxes checked. Without this script the list still works: it only scrolls.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
  }
  function enhance(box) {
    var items = Array.prototype.slice.call(box.querySelectorAll("li"));
    var filter = document.createElement("input");
    filter.type = "search";
    filter.className = "multi-pick-filter";
    filter.setAttribute("aria-label", box.dataset.filterLabel);
    filter.setAttribute("placeholder", box.dataset.filterLabel);
    filter.setAttribute("aria-controls", box.id);
    var count = document.createElement("p");
    count.className = "multi-pick-count";
    count.setAttribute("aria-live", "polite");
    function update() {
      var checked = box.querySelectorAll("input:checked").length;
      count.textContent = box.dataset.chosenLabel.replace("%(count)s", checked.toLocaleString(document.documentElement.lang));
    }
    filter.addEventListener("input", function () {
      var wanted = fold(filter.value.trim());
      items.forEach(function (item) {
        var input = item.querySelector("input");
        // Chosen ones stay in view, so that a choice is never hidden by the filter.
        item.hidden = wanted !== "" && !input.checked && fold(item.textContent).indexOf(wanted) === -1;
      });
    });
    // Enter in the filter narrows the list; it does not send the form.
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    box.addEventListener("change", update);
    box.parentNode.insertBefore(filter, box);
    box.parentNode.insertBefore(count, box.nextSibling);
    update();
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-multi-pick]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
