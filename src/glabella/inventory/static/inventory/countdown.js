// Counts down each open vial's time to its beyond-use time, once a minute.
(function () {
  "use strict";

  function render(element) {
    var until = new Date(element.getAttribute("datetime"));
    var minutes = Math.floor((until.getTime() - Date.now()) / 60000);
    var text = minutes <= 0 ? "beyond use" : Math.floor(minutes / 60) + " h " + ("0" + (minutes % 60)).slice(-2) + " min left";
    var label = element.nextElementSibling;
    if (!label || !label.hasAttribute("data-countdown-label")) {
      label = document.createElement("span");
      label.setAttribute("data-countdown-label", "");
      element.parentNode.insertBefore(label, element.nextSibling);
    }
    label.textContent = " — " + text;
  }

  function tick() {
    document.querySelectorAll("time[data-countdown]").forEach(render);
  }

  tick();
  window.setInterval(tick, 60000);
})();
