// Sortable tables: a header cell with data-sort="number" or data-sort="text" sorts its table's body when
// clicked (or activated with Enter/Space); cells may carry data-value to sort by. Empty values sort last.
(function () {
  "use strict";
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) { return null; }
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    if (raw === "") { return null; }
    return numeric ? parseFloat(raw) : raw;
  }
  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.cells, th);
    var numeric = th.getAttribute("data-sort") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) { return { row: row, i: i }; });
    rows.sort(function (a, b) {
      var x = cellValue(a.row, index, numeric), y = cellValue(b.row, index, numeric);
      if (x === null && y === null) { return a.i - b.i; }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      var c = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
      if (c === 0) { return a.i - b.i; }
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(th.parentNode.cells, function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  document.querySelectorAll("table.sortable th[data-sort]").forEach(function (th) {
    var table = th.closest("table");
    th.setAttribute("tabindex", "0");
    th.setAttribute("title", "点击排序");
    th.addEventListener("click", function () { sortBy(table, th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(table, th); }
    });
  });
}());
