// The charting page's diagrams. Inline scripts are forbidden by the Content-Security-Policy,
// so the behaviour of the SVG site circles lives here; everything else is plain HTMX.
//
// Clicking a site circle (or pressing Enter or Space on it) puts the site in the chart
// form's hidden "add_site" field and submits the form, which HTMX posts to the server; the
// server adds the point to the active line, saves the draft, re-runs the safety check and
// sends back the redrawn chart.
(function () {
  "use strict";

  var lastSite = null;

  function chartForm() {
    return document.getElementById("chart-form");
  }

  function addPointAt(site) {
    var form = chartForm();
    if (!form || form.hasAttribute("aria-busy")) {
      return;
    }
    var field = form.querySelector('input[name="add_site"]');
    if (!field) {
      return;
    }
    field.value = site.getAttribute("data-site");
    lastSite = field.value;
    form.setAttribute("aria-busy", "true");
    form.requestSubmit();
  }

  function siteOf(target) {
    return target && target.closest ? target.closest("#chart-form [data-site]") : null;
  }

  document.addEventListener("click", function (event) {
    var site = siteOf(event.target);
    if (site) {
      event.preventDefault();
      addPointAt(site);
    }
  });

  document.addEventListener("keydown", function (event) {
    var site = siteOf(event.target);
    if (site && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      addPointAt(site);
    }
  });

  // The chart is redrawn after every change; give keyboard users their place back.
  document.addEventListener("htmx:afterSettle", function () {
    var form = chartForm();
    if (form) {
      form.removeAttribute("aria-busy");
    }
    if (lastSite) {
      var again = document.querySelector('#chart-form [data-site="' + lastSite + '"]');
      lastSite = null;
      if (again) {
        again.focus();
      }
    }
  });

  document.addEventListener("htmx:responseError", function () {
    var form = chartForm();
    if (form) {
      form.removeAttribute("aria-busy");
    }
  });
})();
