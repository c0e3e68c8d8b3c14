// Practice exam enhancements: live countdown, time on question, keyboard shortcuts.
// The page works without this file: the server keeps the deadline and every answer.
(function () {
  "use strict";
  var bar = document.getElementById("exam-bar");
  var timer = document.getElementById("timer");
  if (!bar || !timer) { return; }
  var loadedAt = Date.now();
  // Count down from the server's figure rather than the deadline, so a wrong client clock
  // cannot shorten or stretch the exam.
  var secondsLeft = parseInt(bar.getAttribute("data-seconds-left"), 10) || 0;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function show(left) {
    var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    timer.textContent = h + ":" + pad(m) + ":" + pad(s);
    timer.classList.toggle("low", left <= 300);
  }
  function tick() {
    var left = Math.max(0, secondsLeft - Math.floor((Date.now() - loadedAt) / 1000));
    show(left);
    if (left === 0) {
      // The server submits the attempt once its deadline has passed; reloading shows results.
      window.setTimeout(function () { window.location.reload(); }, 1500);
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();

  var form = document.getElementById("answer-form");
  var seconds = document.getElementById("seconds");
  if (form && seconds) {
    form.addEventListener("submit", function () {
      seconds.value = ((Date.now() - loadedAt) / 1000).toFixed(1);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "SELECT" || target.tagName === "TEXTAREA" ||
        (target.tagName === "INPUT" && target.type !== "radio"))) { return; }
    var key = event.key.toLowerCase();
    var index = "abcd".indexOf(key);
    if (index >= 0 && key.length === 1 && form) {
      var radios = form.querySelectorAll("input[name=choice]");
      if (radios[index]) { radios[index].checked = true; radios[index].focus(); event.preventDefault(); }
    } else if (key === "enter" && form && target && target.type === "radio") {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.submit();
    } else if (key === "f") {
      var flag = document.getElementById("flag-button");
      if (flag) { flag.click(); event.preventDefault(); }
    } else if (key === "arrowleft" || key === "arrowright") {
      var link = document.getElementById(key === "arrowleft" ? "prev-link" : "next-link");
      if (link) { window.location.href = link.href; event.preventDefault(); }
    }
  });
})();
