// Drag an opgave to another place on the beleidsagenda. The place fields with "Plaatsen
// opslaan" and the Omhoog/Omlaag buttons do the same without dragging (WCAG 2.5.7); this
// only adds the mouse gesture: the dragged row's field gets the place of the row it is
// dropped at, and the form is sent as if "Plaatsen opslaan" was chosen (with the reason
// typed above; without one the server says so and nothing moves).
(function () {
  "use strict";
  let gesleept = null;
  let plaatsen = [];

  function rijen(tabel) {
    return Array.from(tabel.querySelectorAll("tr[data-plaats-veld]"));
  }

  function veld(rij) {
    return document.getElementById(rij.dataset.plaatsVeld);
  }

  document.addEventListener("dragstart", function (event) {
    const rij = event.target.closest && event.target.closest("tr[data-plaats-veld]");
    if (!rij) return;
    gesleept = rij;
    plaatsen = rijen(rij.parentNode).map(function (r) {
      return veld(r).defaultValue;
    });
    rij.classList.add("app-agenda-rij--gesleept");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", rij.id);
  });

  document.addEventListener("dragover", function (event) {
    if (!gesleept) return;
    const doel = event.target.closest && event.target.closest("tr[data-plaats-veld]");
    if (!doel || doel === gesleept || doel.parentNode !== gesleept.parentNode) return;
    event.preventDefault();
    const vak = doel.getBoundingClientRect();
    const erna = event.clientY > vak.top + vak.height / 2;
    doel.parentNode.insertBefore(gesleept, erna ? doel.nextSibling : doel);
  });

  document.addEventListener("drop", function (event) {
    if (gesleept) event.preventDefault();
  });

  document.addEventListener("dragend", function () {
    if (!gesleept) return;
    const rij = gesleept;
    gesleept = null;
    rij.classList.remove("app-agenda-rij--gesleept");
    const nieuw = plaatsen[rijen(rij.parentNode).indexOf(rij)];
    if (nieuw === veld(rij).defaultValue) return;
    veld(rij).value = nieuw;
    const knop = document.querySelector("#herschikken button[value=plaatsen]");
    if (knop) knop.click(); // a click, so htmx sends the button's name and value too
  });
})();
