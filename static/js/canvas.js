// Drag canvas items to reorder them within a block or to move them to another block that is
// open for editing. The "Omhoog"/"Omlaag" buttons and the "Naar een ander blok" menu do the
// same without dragging (WCAG 2.5.7); this only adds the mouse gesture on top.
(function () {
  "use strict";
  let gesleept = null;
  let herkomst = null; // the block the item was dragged from
  let voorheen = "";
  let leegDoel = null; // an open block without items that the item was dropped on

  function volgorde(lijst) {
    return Array.from(lijst.querySelectorAll(":scope > li[data-item]"), (li) => li.dataset.item);
  }

  function blokVan(el) {
    return el.closest("section[data-blok-code]");
  }

  document.addEventListener("dragstart", function (event) {
    const item = event.target.closest && event.target.closest("li[data-item]");
    if (!item) return;
    gesleept = item;
    herkomst = blokVan(item);
    leegDoel = null;
    voorheen = volgorde(item.parentNode).join(",");
    item.classList.add("app-canvas-item--gesleept");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.dataset.item);
  });

  document.addEventListener("dragover", function (event) {
    if (!gesleept || !event.target.closest) return;
    const doel = event.target.closest("li[data-item]");
    if (doel && doel !== gesleept && doel.parentNode.dataset.volgordeUrl) {
      event.preventDefault();
      const vak = doel.getBoundingClientRect();
      const erna = event.clientY > vak.top + vak.height / 2;
      doel.parentNode.insertBefore(gesleept, erna ? doel.nextSibling : doel);
      return;
    }
    const blok = event.target.closest("section.app-canvas-blok--bewerken[data-blok-code]");
    if (blok && !blok.contains(gesleept)) {
      event.preventDefault(); // a drop here moves the item to the end of this block
      const lijst = blok.querySelector("ul[data-volgorde-url]");
      if (lijst) lijst.appendChild(gesleept);
      else leegDoel = blok;
    }
  });

  document.addEventListener("drop", function (event) {
    if (gesleept) event.preventDefault();
  });

  document.addEventListener("dragend", function () {
    if (!gesleept) return;
    const item = gesleept;
    const lijst = item.parentNode;
    item.classList.remove("app-canvas-item--gesleept");
    gesleept = null;
    const doel = leegDoel || blokVan(item);
    if (doel !== herkomst) {
      window.htmx.ajax("POST", item.dataset.naarUrl, {
        source: herkomst,
        target: "#" + herkomst.id,
        swap: "outerHTML",
        values: { blok: doel.dataset.blokCode, item: leegDoel ? [] : volgorde(lijst) },
      });
      return;
    }
    const ids = volgorde(lijst);
    if (ids.join(",") === voorheen) return;
    window.htmx.ajax("POST", lijst.dataset.volgordeUrl, {
      source: lijst,
      target: lijst.dataset.blok,
      swap: "outerHTML",
      values: { item: ids },
    });
  });
})();
