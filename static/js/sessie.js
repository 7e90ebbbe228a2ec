// Before a session ends for lack of activity the page asks "Blijft u ingelogd?" (WCAG 2.2.1:
// time limits can be extended). Every request the page makes counts as activity; staying
// signed in is one request. When the time is up the page reloads and the server sends it
// to the login page, which says the session expired.
(function () {
  "use strict";
  const dialoog = document.getElementById("sessie-dialoog");
  if (!dialoog || typeof dialoog.showModal !== "function") return;
  const idle = Number(dialoog.dataset.idle) * 1000;
  const waarschuwing = Number(dialoog.dataset.waarschuwing) * 1000;
  const token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
  let vragen = null;
  let verlopen = null;

  function plan() {
    clearTimeout(vragen);
    clearTimeout(verlopen);
    vragen = setTimeout(function () {
      if (!dialoog.open) dialoog.showModal();
    }, idle - waarschuwing);
    verlopen = setTimeout(function () {
      window.location.reload();
    }, idle + 1000);
  }

  dialoog.querySelector("[data-blijf]").addEventListener("click", function () {
    fetch(dialoog.dataset.verlengen, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token },
    }).then(function (antwoord) {
      if (!antwoord.ok || antwoord.redirected) {
        window.location.reload(); // already ended: the login page says so
        return;
      }
      dialoog.close();
      plan();
    }).catch(function () {
      // No connection: say so (the text is on <body>); the button can be pressed again.
      dialoog.querySelector("[data-sessie-fout]").textContent = document.body.dataset.foutVerbinding;
    });
  });
  document.addEventListener("htmx:afterRequest", plan);
  plan();
})();
