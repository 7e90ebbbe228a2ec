// Workshop mode: a button for the whole screen (a projector), where the browser allows it.
(function () {
  "use strict";
  const knop = document.querySelector("[data-volledig-scherm]");
  if (!knop || !document.fullscreenEnabled) return;
  knop.hidden = false;
  knop.addEventListener("click", function () {
    document.querySelector(".app-workshop").requestFullscreen();
  });
})();
