// Behaviour for every page. Inline scripts are forbidden by the Content-Security-Policy,
// so anything a page needs beyond HTMX attributes lives here.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // HTMX requests carry Django's CSRF token as a header, read from the page's meta tag.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-CSRFToken"] = token;
    }
  });
})();
