// Searchable choices (core.forms.Zoekkeuze): the WAI-ARIA 1.2 combobox pattern.
// The server fills the listbox (htmx); this moves through it with the arrow keys, picks
// with Enter or a click, fills the hidden field (or ticks a box, for several choices) and
// closes the list with Escape.
(function () {
  "use strict";

  function delen(element) {
    const kader = element.closest("[data-zoekkeuze]");
    if (!kader) return null;
    return {
      kader: kader,
      invoer: kader.querySelector("[role=combobox]"),
      waarde: kader.querySelector("[data-zoekkeuze-waarde]"),
      lijst: kader.querySelector("[role=listbox]"),
    };
  }

  function opties(d) {
    return Array.from(d.lijst.querySelectorAll("[role=option]"));
  }

  function open(d, zichtbaar) {
    d.lijst.hidden = !zichtbaar;
    d.invoer.setAttribute("aria-expanded", zichtbaar ? "true" : "false");
    if (!zichtbaar) zetActief(d, null);
  }

  function zetActief(d, optie) {
    opties(d).forEach(function (o) {
      o.setAttribute("aria-selected", o === optie ? "true" : "false");
    });
    if (optie) {
      d.invoer.setAttribute("aria-activedescendant", optie.id);
      optie.scrollIntoView({ block: "nearest" });
    } else {
      d.invoer.removeAttribute("aria-activedescendant");
    }
  }

  // Several choices (core.forms.ZoekkeuzeMeer): each one a ticked checkbox; the box empties.
  function voegToe(d, optie) {
    const naam = d.kader.dataset.zoekkeuzeMeer;
    const gekozen = d.kader.querySelector("[data-zoekkeuze-gekozen]");
    let vakje = Array.from(gekozen.querySelectorAll("input")).find(function (i) {
      return i.value === optie.dataset.waarde;
    });
    if (!vakje) {
      const label = document.createElement("label");
      label.className = "app-zoekkeuze__keuze";
      vakje = document.createElement("input");
      vakje.type = "checkbox";
      vakje.className = "utrecht-checkbox utrecht-checkbox--html-input";
      vakje.name = naam;
      vakje.value = optie.dataset.waarde;
      label.append(vakje, " " + optie.dataset.label);
      const rij = document.createElement("li");
      rij.append(label);
      gekozen.append(rij);
    }
    vakje.checked = true;
    d.invoer.value = "";
    open(d, false);
    d.invoer.focus();
    d.kader.querySelector("[role=status]").textContent =
      optie.dataset.label + " " + d.kader.dataset.toegevoegd;
  }

  function kies(d, optie) {
    if (d.kader.dataset.zoekkeuzeMeer) return voegToe(d, optie);
    d.waarde.value = optie.dataset.waarde;
    d.invoer.value = optie.dataset.label;
    open(d, false);
    d.invoer.focus();
    // A choice is a change of the form (a filter form applies it at once) ...
    d.waarde.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // ... what is typed without choosing is not: leaving the text box changes nothing.
  document.addEventListener(
    "change",
    function (event) {
      const d = delen(event.target);
      if (d && event.target === d.invoer) event.stopPropagation();
    },
    true,
  );

  document.addEventListener("htmx:afterSwap", function (event) {
    const d = delen(event.detail.target);
    if (d && event.detail.target === d.lijst) open(d, opties(d).length > 0);
  });

  document.addEventListener("input", function (event) {
    const d = delen(event.target);
    if (d && d.waarde && event.target === d.invoer) d.waarde.value = ""; // typing undoes the pick
  });

  document.addEventListener("keydown", function (event) {
    const d = delen(event.target);
    if (!d || event.target !== d.invoer) return;
    const lijst = opties(d);
    const actief = d.lijst.querySelector("[aria-selected=true]");
    const plek = lijst.indexOf(actief);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (d.lijst.hidden) {
        if (lijst.length) open(d, true);
        else htmx.trigger(d.invoer, "zoek");
        return;
      }
      const stap = event.key === "ArrowDown" ? 1 : -1;
      const volgende = lijst[(plek + stap + lijst.length) % lijst.length];
      if (volgende) zetActief(d, volgende);
    } else if (event.key === "Enter" && !d.lijst.hidden && actief) {
      event.preventDefault();
      kies(d, actief);
    } else if (event.key === "Escape" && !d.lijst.hidden) {
      event.preventDefault();
      open(d, false);
    }
  });

  document.addEventListener("click", function (event) {
    const optie = event.target.closest("[data-zoekkeuze] [role=option]");
    if (optie) {
      kies(delen(optie), optie);
      return;
    }
    document.querySelectorAll("[data-zoekkeuze]").forEach(function (kader) {
      if (!kader.contains(event.target)) open(delen(kader), false);
    });
  });
})();
