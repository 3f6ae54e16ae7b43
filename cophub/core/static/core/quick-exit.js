// Quick exit: leave for a neutral page at once, replacing this page in the history so that
// the Back button does not return to it. Works by click, by Enter on the focused control,
// by pressing Escape, and by pressing Shift three times anywhere. Without JavaScript the link
// still leaves. In a page framed by another site (the embeddable finder) the whole page leaves.
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 2000;

  function control() {
    return document.querySelector("[data-quick-exit]");
  }

  function leave(link) {
    document.documentElement.style.visibility = "hidden";
    if (link.target === "_top" && window.top !== window) {
      try {
        window.top.location.replace(link.href);
        return;
      } catch (error) {
        // A frame may not be allowed to move its parent: the frame itself leaves.
      }
    }
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (!link) return;
    event.preventDefault();
    leave(link);
  });

  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.repeat && control()) {
      presses = 0;
      leave(control());
      return;
    }
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, WINDOW_MS);
    if (presses >= PRESSES && control()) {
      presses = 0;
      leave(control());
    }
  });
})();
