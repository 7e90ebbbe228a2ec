// Drag canvas items within a block to reorder them. The "Omhoog"/"Omlaag" buttons do the
// same without dragging (WCAG 2.5.7); this only adds the mouse gesture on top.
(function () {
  "use strict";
  let gesleept = null;
  let voorheen = "";

  function volgorde(lijst) {
    return Array.from(lijst.querySelectorAll(":scope > li[data-item]"), (li) => li.dataset.item);
  }

  document.addEventListener("dragstart", function (event) {
    const item = event.target.closest && event.target.closest("li[data-item]");
    if (!item) return;
    gesleept = item;
    voorheen = volgorde(item.parentNode).join(",");
    item.classList.add("app-canvas-item--gesleept");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.dataset.item);
  });

  document.addEventListener("dragover", function (event) {
    if (!gesleept) return;
    const doel = event.target.closest && event.target.closest("li[data-item]");
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
    const lijst = gesleept.parentNode;
    gesleept.classList.remove("app-canvas-item--gesleept");
    gesleept = null;
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
