/* Search results without U+200B.  jieba's word boundaries (U+200B) stay in the search index,
 * titles included — they are what makes each Chinese word a token — but the titles and text
 * shown in the result list, and copied from it, must not carry invisible characters. */
(function () {
  "use strict";
  function clean(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.indexOf("\u200b") >= 0) node.nodeValue = node.nodeValue.replace(/\u200b/g, "");
    }
  }
  function watch() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || list.dataset.cleanWatch) return;
    list.dataset.cleanWatch = "1";
    clean(list);
    new MutationObserver(function () { clean(list); }).observe(list, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
