/* Kenshu default theme: glossary popovers. A classic script, so it runs from file:// too.
   Without it, a glossary link simply leads to its entry on glossary.html. With it, hovering or
   focusing the link also shows the definition in a tooltip the link names with aria-describedby;
   the tooltip stays while the pointer is over it, and Escape closes it (WCAG 1.4.13). */
(function () {
  "use strict";
  var links = document.querySelectorAll("a.glossary-link[data-definition]");
  var hideTimer = null;
  var shown = null;

  // The popover lives in <main> (all content inside a landmark), placed under its link.
  var home = document.getElementById("main") || document.body;

  function position(link, tip) {
    var box = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    var origin = tip.offsetParent ? tip.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    tip.style.width = width + "px";
    tip.style.left = (left - origin.left) + "px";
    tip.style.top = (box.bottom - origin.top + 6) + "px";
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (shown && shown !== link) hide(shown);
    var tip = document.getElementById(link.getAttribute("aria-describedby"));
    if (!tip) return;
    tip.hidden = false;
    position(link, tip);
    shown = link;
  }

  function hide(link) {
    var tip = document.getElementById(link.getAttribute("aria-describedby"));
    if (tip) tip.hidden = true;
    if (shown === link) shown = null;
  }

  function hideSoon(link) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { hide(link); }, 300);
  }

  Array.prototype.forEach.call(links, function (link, index) {
    var tip = document.createElement("span");
    tip.id = "glossary-tip-" + (index + 1);
    tip.className = "glossary-popover";
    tip.setAttribute("role", "tooltip");
    tip.textContent = link.getAttribute("data-definition");
    tip.hidden = true;
    home.appendChild(tip);
    link.setAttribute("aria-describedby", tip.id);
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", function () { hideSoon(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", function () { hide(link); });
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { hideSoon(link); });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) {
      hide(shown);
      event.stopImmediatePropagation();
    }
  }, true);
})();
