// Sortable tables: any <table data-sortable> gets a button in each header cell. Cells may carry
// data-sort="<number>" so "$51,140" and "n/a" sort by value (missing values always sort last).
// Without JavaScript the table simply keeps the server's order.
(function () {
  "use strict";

  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return { missing: true, value: "" };
    var raw = cell.getAttribute("data-sort");
    if (raw === null) return { missing: false, value: cell.textContent.trim().toLowerCase() };
    if (raw === "") return { missing: true, value: "" };
    var number = Number(raw);
    return isNaN(number) ? { missing: false, value: raw.toLowerCase() } : { missing: false, value: number };
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index), y = cellKey(b, index);
      if (x.missing !== y.missing) return x.missing ? 1 : -1;
      if (x.value < y.value) return ascending ? -1 : 1;
      if (x.value > y.value) return ascending ? 1 : -1;
      return 0;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      if (th.hasAttribute("data-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent.trim();
      button.setAttribute("aria-label", "Sort by " + button.textContent);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  }

  document.querySelectorAll("table[data-sortable]").forEach(enhance);
})();
