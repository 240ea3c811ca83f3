// The charting page's diagrams. Inline scripts are forbidden by the Content-Security-Policy,
// so the behaviour of the SVG site circles lives here; everything else is plain HTMX.
//
// Clicking a site circle (or pressing Enter or Space on it) puts the site in the chart
// form's hidden "add_site" field and submits the form, which HTMX posts to the server; the
// server adds the point to the active line, saves the draft, re-runs the safety check and
// sends back the redrawn chart.
//
// A charted point can be moved: drag it (mouse, pen or touch), or focus it and nudge it with
// the arrow keys, then press Enter or leave it to save (Escape puts it back). Its new place is
// written, as 0-1 of the diagram's width and height, into the point's hidden x and y fields,
// and a change event on the form lets HTMX save and redraw the chart.
(function () {
  "use strict";

  var lastSite = null;
  var lastPoint = null;
  var drag = null;
  var nudged = null;
  var STEP = 0.01;
  var DRAG_SLOP = 3;

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
    if (markerOf(event.target)) {
      event.preventDefault(); // handled on pointerup: a tap adds a point, a drag moves one
      return;
    }
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

  // Moving points ------------------------------------------------------------------------

  function markerOf(target) {
    return target && target.closest ? target.closest("#chart-form [data-point]") : null;
  }

  function siteBelow(x, y) {
    var below = document.elementsFromPoint(x, y);
    for (var i = 0; i < below.length; i++) {
      var site = siteOf(below[i]);
      if (site) {
        return site;
      }
    }
    return null;
  }

  function pointField(marker, axis) {
    var form = chartForm();
    var name = "points-" + marker.getAttribute("data-point") + "-" + axis;
    return form ? form.querySelector('input[name="' + name + '"]') : null;
  }

  function box(marker) {
    var svg = marker.ownerSVGElement;
    var view = svg.viewBox.baseVal;
    return { svg: svg, width: view.width, height: view.height };
  }

  function clamp(value) {
    return Math.min(1, Math.max(0, value));
  }

  // Where the marker is now, as 0-1 of the diagram's width and height.
  function placeOf(marker) {
    var size = box(marker);
    var circle = marker.querySelector("circle");
    return {
      x: circle.cx.baseVal.value / size.width,
      y: circle.cy.baseVal.value / size.height,
    };
  }

  // Draw the marker (dot and dose label) at a 0-1 position, clamped to the diagram.
  function placeAt(marker, x, y) {
    var size = box(marker);
    var cx = clamp(x) * size.width;
    var cy = clamp(y) * size.height;
    var circle = marker.querySelector("circle");
    var label = marker.querySelector("text");
    circle.setAttribute("cx", cx.toFixed(1));
    circle.setAttribute("cy", cy.toFixed(1));
    if (label) {
      label.setAttribute("x", cx.toFixed(1));
      label.setAttribute("y", (cy - 10).toFixed(1));
    }
  }

  // Copy the marker's position into the point's hidden fields; false if there are none.
  function record(marker) {
    var fieldX = pointField(marker, "x");
    var fieldY = pointField(marker, "y");
    if (!fieldX || !fieldY) {
      return false;
    }
    var place = placeOf(marker);
    fieldX.value = clamp(place.x).toFixed(4);
    fieldY.value = clamp(place.y).toFixed(4);
    return true;
  }

  function save(marker, refocus) {
    var form = chartForm();
    if (!form || !record(marker)) {
      return;
    }
    lastPoint = refocus ? marker.getAttribute("data-point") : null;
    form.setAttribute("aria-busy", "true");
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function svgPoint(svg, event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  document.addEventListener("pointerdown", function (event) {
    var marker = markerOf(event.target);
    var form = chartForm();
    if (!marker || !form || form.hasAttribute("aria-busy") || event.button !== 0) {
      return;
    }
    drag = {
      marker: marker,
      id: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      start: placeOf(marker),
      moved: false,
    };
    marker.setPointerCapture(event.pointerId);
  });

  document.addEventListener("pointermove", function (event) {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    if (!drag.moved && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < DRAG_SLOP) {
      return;
    }
    drag.moved = true;
    event.preventDefault();
    var size = box(drag.marker);
    var at = svgPoint(size.svg, event);
    placeAt(drag.marker, at.x / size.width, at.y / size.height);
  });

  function endDrag(event, keep) {
    if (!drag || event.pointerId !== drag.id) {
      return;
    }
    var ended = drag;
    drag = null;
    if (!ended.moved) {
      // A tap on a point adds another at the site below it, as taps on sites do.
      var site = keep ? siteBelow(event.clientX, event.clientY) : null;
      if (site) {
        addPointAt(site);
      }
    } else if (keep) {
      save(ended.marker, false);
    } else {
      placeAt(ended.marker, ended.start.x, ended.start.y);
    }
  }

  document.addEventListener("pointerup", function (event) {
    endDrag(event, true);
  });

  document.addEventListener("pointercancel", function (event) {
    endDrag(event, false);
  });

  // Touch would scroll the page instead of moving the point; the listener must be active
  // (not passive) for preventDefault to hold the page still.
  document.addEventListener(
    "touchstart",
    function (event) {
      if (markerOf(event.target)) {
        event.preventDefault();
      }
    },
    { passive: false }
  );

  document.addEventListener("keydown", function (event) {
    var marker = markerOf(event.target);
    if (!marker) {
      return;
    }
    var moves = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    };
    var move = moves[event.key];
    if (move) {
      event.preventDefault();
      var form = chartForm();
      if (form && form.hasAttribute("aria-busy")) {
        return;
      }
      if (!nudged || nudged.marker !== marker) {
        var fieldX = pointField(marker, "x");
        var fieldY = pointField(marker, "y");
        nudged = {
          marker: marker,
          start: placeOf(marker),
          x: fieldX ? fieldX.value : "",
          y: fieldY ? fieldY.value : "",
        };
      }
      var place = placeOf(marker);
      placeAt(marker, place.x + move[0], place.y + move[1]);
      record(marker);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (nudged && nudged.marker === marker) {
        nudged = null;
        save(marker, true);
      }
    } else if (event.key === "Escape" && nudged && nudged.marker === marker) {
      event.preventDefault();
      var back = nudged;
      nudged = null;
      placeAt(marker, back.start.x, back.start.y);
      var oldX = pointField(marker, "x");
      var oldY = pointField(marker, "y");
      if (oldX && oldY) {
        oldX.value = back.x;
        oldY.value = back.y;
      }
    }
  });

  // Leaving a nudged point saves it where it was left.
  document.addEventListener("focusout", function (event) {
    var marker = markerOf(event.target);
    if (marker && nudged && nudged.marker === marker) {
      nudged = null;
      save(marker, false);
    }
  });

  // The chart is redrawn after every change; give keyboard users their place back.
  document.addEventListener("htmx:afterSettle", function () {
    var form = chartForm();
    if (form) {
      form.removeAttribute("aria-busy");
    }
    drag = null;
    nudged = null;
    if (lastPoint !== null) {
      var moved = document.querySelector('#chart-form [data-point="' + lastPoint + '"]');
      lastPoint = null;
      if (moved) {
        moved.focus();
      }
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
