// Progressive enhancement only: every link works without JavaScript.
(function () {
  "use strict";
  var toggle = document.querySelector(".main-nav__toggle");
  var list = document.getElementById("main-nav-list");
  if (toggle && list) {
    document.documentElement.classList.add("js");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      list.classList.toggle("is-open", !open);
    });
  }
  document.querySelectorAll(".main-nav__expand").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      document.querySelectorAll(".main-nav__expand[aria-expanded='true']").forEach(function (other) {
        if (other !== button) {
          other.setAttribute("aria-expanded", "false");
        }
      });
      button.setAttribute("aria-expanded", String(!open));
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll(".main-nav__expand[aria-expanded='true']").forEach(function (button) {
        button.setAttribute("aria-expanded", "false");
        button.focus();
      });
    }
  });
})();
