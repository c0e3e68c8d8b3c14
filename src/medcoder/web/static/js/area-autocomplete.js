// Area autocomplete: as the person types, fill the input's <datalist> with up to ten matching
// areas from /api/v1/areas. Without JavaScript the datalist keeps the states the server listed,
// and any state, metro or nonmetro name (or part of one) still works when the form is sent.
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete=areas]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var latest = 0;

  function names(body) {
    var items = Array.isArray(body) ? body : (body.areas || body.results || []);
    return items.map(function (item) { return typeof item === "string" ? item : item.name; })
      .filter(function (name) { return typeof name === "string"; });
  }

  function refresh() {
    var query = input.value.trim();
    if (query.length < 2) return;
    var ticket = ++latest;
    fetch("/api/v1/areas?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body || ticket !== latest) return;
        list.textContent = "";
        names(body).forEach(function (name) {
          var option = document.createElement("option");
          option.value = name;
          list.appendChild(option);
        });
      })
      .catch(function () { /* keep the server-rendered options */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
})();
