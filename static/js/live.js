// The canvas as a live board (canvas/live.py): the blocks another person changed are read
// again, unless this person is busy in that block (then once they are done); who else has
// the canvas open, and which block they edit, is shown above it. Without this script, or
// where the server holds no streams, the canvas is a page that is read anew.
(function () {
  "use strict";
  const live = document.querySelector("[data-live-url]");
  if (!live || !live.dataset.liveUrl || !window.EventSource || !window.htmx) return;
  const tekst = live.dataset;
  let verbinding = "";
  let bewerktNu = "";
  const wachtend = new Set();
  const bron = new EventSource(live.dataset.liveUrl);

  // Every request of this page names its stream, so its own change is not sent back.
  document.body.addEventListener("htmx:configRequest", function (e) {
    if (verbinding) e.detail.headers["X-Live-Verbinding"] = verbinding;
  });

  bron.addEventListener("hallo", function (e) {
    verbinding = JSON.parse(e.data).verbinding;
    if (bewerktNu) stuur();  // a new stream after a break: tell it again
  });
  // Workshop mode: the whole board, read again as one.
  function bord() {
    if (!live.dataset.liveBord) return false;
    htmx.trigger(document.querySelector(live.dataset.liveBord), "live");
    return true;
  }
  bron.addEventListener("blok", function (e) {
    if (!bord()) JSON.parse(e.data).blokken.forEach(bijwerken);
  });
  bron.addEventListener("vernieuwen", function () {
    if (bord()) return;
    document.querySelectorAll("[data-blok-code]").forEach(function (b) {
      bijwerken(b.dataset.blokCode);
    });
  });
  bron.addEventListener("aanwezig", function (e) {
    toonAanwezig(JSON.parse(e.data).mensen);
  });
  bron.addEventListener("einde", function () {
    bron.close();
    live.querySelectorAll("[data-live-einde]").forEach(function (el) { el.hidden = false; });
    live.querySelectorAll("[data-aanwezig]").forEach(function (el) { el.hidden = true; });
  });

  function blok(code) {
    return document.getElementById("blok-" + code);
  }

  // Busy: the focus is in the block, an item's text is open, or a new item is half typed.
  function bezig(sectie) {
    if (sectie.contains(document.activeElement)) return true;
    if (sectie.querySelector(".app-canvas-item--edit, details[open]")) return true;
    return Array.from(sectie.querySelectorAll("textarea")).some(function (t) {
      return t.value.trim() !== "";
    });
  }

  const gepland = {};
  function bijwerken(code) {
    // Changes that come together (a move is two blocks, a drag two writes) read a block once.
    clearTimeout(gepland[code]);
    gepland[code] = setTimeout(function () { lees(code); }, 150);
  }

  function lees(code) {
    const sectie = blok(code);
    if (!sectie) return;
    if (bezig(sectie)) {
      wachtend.add(code);
      if (!sectie.querySelector("[data-live-wacht]")) {
        const p = document.createElement("p");
        p.className = "utrecht-paragraph app-meta app-live-wacht";
        p.dataset.liveWacht = "";
        p.setAttribute("role", "status");
        p.textContent = tekst.tekstWacht;
        // Where the person is at work: above the new item's form, else under the heading.
        const formulier = sectie.querySelector(".app-canvas-add");
        if (formulier) formulier.before(p);
        else sectie.querySelector(".app-canvas-blok__kop").after(p);
      }
      return;
    }
    wachtend.delete(code);
    const open = sectie.classList.contains("app-canvas-blok--bewerken");
    htmx.ajax("GET", sectie.dataset.blokUrl + (open ? "?bewerken=1" : ""), {
      target: "#blok-" + code,
      swap: "outerHTML",
    });
  }

  // Done in a block that waits: read it now.
  function nakijken() {
    setTimeout(function () {
      wachtend.forEach(function (code) {
        const sectie = blok(code);
        if (sectie && !bezig(sectie)) lees(code);
      });
    }, 300);
  }
  document.addEventListener("focusout", function () {
    nakijken();
    setTimeout(function () {
      if (!document.activeElement || !document.activeElement.closest("[data-blok-code]")) meld("");
    }, 300);
  });
  document.body.addEventListener("htmx:afterSettle", function () {
    nakijken();
    toonAanwezig(laatsteMensen);
  });

  // Which block this person edits: told to the others when it changes.
  document.addEventListener("focusin", function (e) {
    const sectie = e.target.closest("[data-blok-code]");
    const veld = e.target.matches("textarea, input:not([type=hidden]), select");
    const open = sectie && sectie.querySelector(".app-canvas-item--edit");
    meld(sectie && (veld || open) ? sectie.dataset.blokCode : "");
  });
  function meld(code) {
    if (code === bewerktNu) return;
    bewerktNu = code;
    stuur();
  }
  function stuur() {
    if (!verbinding || !live.dataset.bewerktUrl) return;
    const code = bewerktNu;
    const gegevens = new FormData();
    gegevens.append("verbinding", verbinding);
    gegevens.append("blok", code);
    const csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
    fetch(live.dataset.bewerktUrl, {
      method: "POST",
      body: gegevens,
      headers: {"X-CSRFToken": csrf},
      credentials: "same-origin",
    }).catch(function () {});
  }

  let laatsteMensen = [];
  function toonAanwezig(mensen) {
    laatsteMensen = mensen;
    const regel = live.querySelector("[data-aanwezig]");
    if (!regel) return;
    regel.hidden = mensen.length === 0;
    regel.textContent = mensen.length ? tekst.tekstOok + " " + mensen.map(function (m) {
      return m.blok ? m.naam + " (" + tekst.tekstBewerkt.replace("%s", label(m.blok)) + ")" : m.naam;
    }).join(", ") + "." : "";
    document.querySelectorAll("[data-live-wie]").forEach(function (el) { el.remove(); });
    mensen.forEach(function (m) {
      const sectie = m.blok && blok(m.blok);
      if (!sectie) return;
      // On a line of its own under the heading: beside it, a narrow block left it one letter wide.
      const wie = document.createElement("p");
      wie.className = "app-live-wie";
      wie.dataset.liveWie = "";
      wie.textContent = tekst.tekstBewerktDoor.replace("%s", m.naam);
      sectie.querySelector(".app-canvas-blok__kop").after(wie);
    });
  }

  function label(code) {
    const kop = document.getElementById("blok-" + code + "-kop");
    return kop ? kop.textContent.trim() : code;
  }
})();
