// Flashcard review with the keyboard alone: Space shows the answer, 1-4 rate the card.
// Without this file the same actions are a link and four buttons.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) { return; }
    var show = document.getElementById("show-answer");
    if (event.key === " " && show) {
      event.preventDefault();
      window.location.href = show.href;
      return;
    }
    if (/^[1-4]$/.test(event.key)) {
      var button = document.querySelector("#rate-form button[data-key='" + event.key + "']");
      if (button) { event.preventDefault(); button.click(); }
    }
  });
})();
