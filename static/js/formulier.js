// After a refused save the error summary (components/form.html) takes the focus, on a
// page load and after htmx swapped a section; its links move the focus to their field.
// An htmx request that failed (refused, gone, a server error, no connection) swaps
// nothing: a message next to what the user did says so, until a request from there works.
(function () {
  "use strict";

  function plekVan(elt) {
    return elt.closest("form") || elt;
  }

  function mislukt(elt, soort) {
    var plek = plekVan(elt);
    var melding = plek.nextElementSibling;
    if (!melding || !melding.hasAttribute("data-htmx-fout")) {
      melding = document.createElement("div");
      melding.className = "utrecht-alert utrecht-alert--error";
      melding.setAttribute("role", "alert");
      melding.setAttribute("data-htmx-fout", "");
      melding.append(document.createElement("p"));
      melding.firstChild.className = "utrecht-paragraph";
      plek.after(melding);
    }
    // The texts are on <body> (templates/base.html), translated like the rest of the page.
    melding.firstChild.textContent = document.body.dataset[soort];
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    var soort = "foutOngeldig";
    if (status === 403) soort = "foutGeweigerd";
    else if (status === 404) soort = "foutWeg";
    else if (status >= 500) soort = "foutServer";
    mislukt(event.detail.elt, soort);
  });
  document.addEventListener("htmx:sendError", function (event) {
    mislukt(event.detail.elt, "foutVerbinding");
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    if (!event.detail.successful || !elt.isConnected) return;
    var melding = plekVan(elt).nextElementSibling;
    if (melding && melding.hasAttribute("data-htmx-fout")) melding.remove();
  });

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
