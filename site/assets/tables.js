/* Sortable tables (vendored tablesort) and a filter over long tables — no request leaves the site.
 * A <div class="table-filter" data-columns="状态,类别"> before a table adds a text box and one
 * drop-down per named column; other tables with more than 15 rows get the text box only. */
(function () {
  "use strict";
  function headers(table) {
    return Array.from(table.querySelectorAll("thead th")).map(function (th) { return th.textContent.trim(); });
  }
  // A cell's value as its column's filter lists it: without the words of a note after it (<span class="cell-note">:
  // 附件2's 豁免：挂职锻炼… is listed, and chosen, as 豁免); the text box finds the note's words too.
  function value(cell) {
    var t = cell.textContent;
    cell.querySelectorAll(".cell-note").forEach(function (n) { t = t.replace(n.textContent, ""); });
    return t.trim();
  }
  function addFilter(table, columns) {
    if (table.dataset.filterReady) return;
    table.dataset.filterReady = "1";
    var rows = Array.from(table.tBodies[0] ? table.tBodies[0].rows : []);
    var names = headers(table);
    var box = document.createElement("div");
    box.className = "table-tools";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "筛选：输入姓名、单位、关键词…";
    input.setAttribute("aria-label", "筛选表格");
    box.appendChild(input);
    var selects = [];
    columns.forEach(function (name) {
      var idx = names.indexOf(name);
      if (idx < 0) return;
      var values = Array.from(new Set(rows.map(function (r) {
        return r.cells[idx] ? value(r.cells[idx]) : "";
      }).filter(Boolean))).sort();
      var sel = document.createElement("select");
      sel.setAttribute("aria-label", name);
      sel.dataset.column = String(idx);
      var all = document.createElement("option");
      all.value = ""; all.textContent = name + "：全部";
      sel.appendChild(all);
      values.forEach(function (v) {
        var o = document.createElement("option"); o.value = v; o.textContent = v; sel.appendChild(o);
      });
      selects.push(sel);
      box.appendChild(sel);
    });
    var count = document.createElement("span");
    count.className = "count";
    box.appendChild(count);
    // printed instead of the tools: what the filter left out (a filtered table prints the rows shown)
    var note = document.createElement("p");
    note.className = "filter-note";
    function apply() {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var ok = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
        selects.forEach(function (s) {
          if (ok && s.value) {
            var c = r.cells[+s.dataset.column];
            ok = !!c && value(c) === s.value;
          }
        });
        r.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "显示 " + shown + " / " + rows.length + " 行";
      var terms = (q ? ["“" + input.value.trim() + "”"] : []).concat(selects.filter(function (s) { return s.value; })
        .map(function (s) { return s.getAttribute("aria-label") + "：" + s.value; }));
      note.hidden = shown === rows.length && !terms.length;
      note.textContent = "本表已筛选（" + terms.join("；") + "），显示 " + shown + " / " + rows.length + " 行。";
    }
    input.addEventListener("input", apply);
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    apply();
    var anchor = table.closest(".md-typeset__scrollwrap") || table;
    anchor.parentNode.insertBefore(box, anchor);
    anchor.parentNode.insertBefore(note, anchor);
  }
  // A column whose cells are only links such as 查看全文 or Excel · CSV is left out of a printout
  // (on paper it is a column of words that lead nowhere) — and a column of such links headed 台账 or 下载 whose
  // every cell is a dash (a period nobody has handed in yet: 附件2's, a unit's 本期), printed a column of dashes.
  var ACTION = /^(查看\S*|下载\S*|Excel|CSV|JSON|XLSX)$/;
  var ACTION_HEAD = /^(台账|下载)$/;
  var GAPS = /[\s·|、\/]+/g;
  function markLinkColumns(table) {
    if (table.dataset.printReady || !table.tHead || !table.tBodies[0]) return;
    table.dataset.printReady = "1";
    var rows = Array.from(table.tBodies[0].rows), heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) {
      var links = 0, only = rows.every(function (r) {
        var c = r.cells[i];
        if (!c || !c.textContent.replace(GAPS, "").replace(/^[—–-]$/, "")) return true;  // (empty, or a dash)
        var as = Array.from(c.querySelectorAll("a"));
        var ok = as.length > 0 && as.every(function (a) { return ACTION.test(a.textContent.trim()); }) &&
          as.map(function (a) { return a.textContent; }).join("").replace(GAPS, "") === c.textContent.replace(GAPS, "");
        if (ok) links++;
        return ok;
      });
      if (only && (links || ACTION_HEAD.test(heads[i].textContent.trim()))) {
        heads[i].classList.add("print-omit");
        rows.forEach(function (r) { if (r.cells[i]) r.cells[i].classList.add("print-omit"); });
      }
    }
  }
  function init() {
    document.querySelectorAll("article table").forEach(markLinkColumns);
    document.querySelectorAll("article table:not([class]), article table.data-table").forEach(function (table) {
      if (!table.dataset.sortReady && typeof Tablesort !== "undefined" && table.tHead) {
        table.dataset.sortReady = "1";
        new Tablesort(table);
      }
    });
    document.querySelectorAll("article .table-filter").forEach(function (marker) {
      var el = marker.nextElementSibling;
      while (el && el.tagName !== "TABLE" && !el.querySelector("table")) el = el.nextElementSibling;
      var table = el && (el.tagName === "TABLE" ? el : el.querySelector("table"));
      if (table) addFilter(table, (marker.dataset.columns || "").split(",").filter(Boolean));
    });
    document.querySelectorAll("article table:not([class]), article table.data-table").forEach(function (table) {
      if (table.tBodies[0] && table.tBodies[0].rows.length > 15) addFilter(table, []);
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
