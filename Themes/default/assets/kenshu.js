/* Kenshu default theme: a classic script (no modules), so it runs from file:// too. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

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
})();
