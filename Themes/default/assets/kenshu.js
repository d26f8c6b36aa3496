/* Kenshu default theme: a classic script (no modules), so it runs from file:// too. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // print.html offers a print button once there is a script to press it.
  var printButton = document.querySelector(".print-button");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  // A page past its review date says so, on the reader's own day: a site is read long after it was built.
  var overdue = document.querySelector(".review-overdue[data-review-by]");
  if (overdue) {
    var now = new Date();
    var today = now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
    overdue.hidden = !(overdue.getAttribute("data-review-by") < today);
  }

  // Large courses list only the current module in each page; toc.js lists them all.
  var list = document.querySelector(".nav-modules[data-toc-root]");
  if (list && window.KENSHU_TOC && window.KENSHU_TOC.modules) {
    var root = list.getAttribute("data-toc-root");
    var current = list.querySelector(".nav-module.is-open");
    var currentHref = current ? current.querySelector("a").getAttribute("href") : null;
    var here = current ? new URL(currentHref, location.href).href : null;
    var fragment = document.createDocumentFragment();
    window.KENSHU_TOC.modules.forEach(function (module) {
      var href = root + module.href;
      if (here && new URL(href, location.href).href === here) { fragment.appendChild(current); return; }
      var item = document.createElement("li");
      item.className = "nav-module";
      var link = document.createElement("a");
      link.href = href;
      link.textContent = module.title;
      item.appendChild(link);
      fragment.appendChild(item);
    });
    list.textContent = "";
    list.appendChild(fragment);
  }

  // On narrow screens the course contents fold behind a menu button.
  var nav = document.getElementById("site-nav");
  var toggle = document.querySelector(".nav-toggle");
  if (!nav || !toggle) return;
  var narrow = window.matchMedia("(max-width: 59.99em)");

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) nav.removeAttribute("data-collapsed"); else nav.setAttribute("data-collapsed", "");
  }
  function update() {
    toggle.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  }
  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
  if (narrow.addEventListener) narrow.addEventListener("change", update); else narrow.addListener(update);
  update();

  // A folded callout (> [!note]- …) is opened on paper, and folded again after printing.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.callout:not([open])"), function (folded) {
      folded.setAttribute("data-kenshu-printed", "");
      folded.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-kenshu-printed]"), function (folded) {
      folded.removeAttribute("data-kenshu-printed");
      folded.open = false;
    });
  });
})();
