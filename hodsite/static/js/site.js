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
  // The visit beacon (eservices/visits/beacon.py): pages may come from nginx's cache, so the page itself
  // tells the site it was viewed, once per load, after it has loaded. No cookie, no identifier.
  var beacon = document.body && document.body.getAttribute("data-visit-beacon");
  if (beacon) {
    var sendVisit = function () {
      var data = new URLSearchParams({ p: window.location.pathname });
      if (!(navigator.sendBeacon && navigator.sendBeacon(beacon, data))) {
        fetch(beacon, { method: "POST", body: data, credentials: "same-origin", keepalive: true }).catch(function () {});
      }
    };
    if (document.readyState === "complete") {
      sendVisit();
    } else {
      window.addEventListener("load", sendVisit, { once: true });
    }
  }
})();
