// Counts a tap on a contact channel (per country and day only; no identifier is sent), then
// lets the link do what it does. Without JavaScript the links work the same, uncounted.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-tap]") : null;
    if (!link || !navigator.sendBeacon) return;
    try {
      navigator.sendBeacon(link.getAttribute("data-tap"));
    } catch (error) {
      // Counting must never stand between a child and a helpline.
    }
  });
})();
