// Search as you type on /codes: fetch the server-rendered results fragment and swap it in.
// The form is a plain GET form; without this script it still works, one submit at a time.
(function () {
  "use strict";
  var form = document.getElementById("code-search-form");
  var input = document.getElementById("q");
  var region = document.getElementById("results-region");
  if (!form || !input || !region || !window.fetch || !window.URLSearchParams) { return; }
  var timer = null;
  var latest = 0;
  function refresh() {
    var params = new URLSearchParams(new FormData(form)).toString();
    var ticket = ++latest;
    fetch("/codes/_results?" + params, { headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // Only the answer to the newest request is shown, whatever order answers arrive in.
        if (html === null || ticket !== latest) { return; }
        region.innerHTML = html;
        history.replaceState(null, "", "/codes?" + params);
      })
      .catch(function () { /* keep the current results; the form still submits */ });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
  form.addEventListener("change", function (event) {
    if (event.target !== input) { refresh(); }
  });
})();
