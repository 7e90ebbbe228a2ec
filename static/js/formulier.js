// After a refused save the error summary (components/form.html) takes the focus, on a
// page load and after htmx swapped a section; its links move the focus to their field.
(function () {
  "use strict";

  function focusSummary(root) {
    var summary = root.querySelector("[data-foutoverzicht]");
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusSummary(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    focusSummary(event.detail.elt);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-foutoverzicht] a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      var details = field.closest("details");
      if (details) {
        details.open = true;
      }
      var group = field.closest(".utrecht-form-field, .utrecht-form-fieldset") || field;
      group.scrollIntoView();
      field.focus();
    }
  });
})();
