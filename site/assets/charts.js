/* A chart (inline SVG, generator/site/charts.py) saved as a PNG for a report: an inline SVG has no 图片另存为 in the
 * browser's menu.  Under each chart a link draws its desktop-and-paper version on a canvas, twice its size, black on
 * white, and downloads it as <the page's title> <the chart's title>.png — in the page, offline.  The link is neither copied nor printed. */
(function () {
  "use strict";
  function save(svg) {
    var copy = svg.cloneNode(true);
    // (its words are currentColor: black on the picture's white; in the page's type, not the image's default serif)
    copy.setAttribute("style", "color: #000; font-family: " + getComputedStyle(svg).fontFamily.replace(/"/g, "'"));
    var box = svg.viewBox.baseVal, scale = 2, img = new Image();
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = box.width * scale;
      canvas.height = box.height * scale;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        var page = document.querySelector("article h1");  // (工作总结：2026年上半年: which period's chart)
        a.download = (page ? page.textContent.trim() + " " : "") + svg.querySelector("title").textContent + ".png";
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 0);
      }, "image/png");
    };
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(copy));
  }
  function init() {
    document.querySelectorAll("article svg.chart.chart-wide").forEach(function (svg) {
      if (svg.dataset.saveReady) return;
      svg.dataset.saveReady = "1";
      var link = document.createElement("a");
      link.href = "#";
      link.className = "chart-save print-omit";
      link.textContent = "保存图表为图片（PNG）";
      link.addEventListener("click", function (e) { e.preventDefault(); save(svg); });
      var after = svg.nextElementSibling && svg.nextElementSibling.matches("svg.chart-narrow") ? svg.nextElementSibling : svg;
      after.insertAdjacentElement("afterend", link);  // (after the pair: the phone's chart is drawn next to it)
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
