"""Every page reflows (WCAG 2.2 SC 1.4.10): on a phone 320 CSS px wide, and at 1280 px with
400 % zoom, no page scrolls sideways. Wide content (tables, the effect chain, the timeline)
scrolls in its own region; everything else wraps or stacks. Every target is at least
24 x 24 px or far enough from the next (SC 2.5.8, axe's target-size rule).

The pages come from the role x route matrix (tests/test_permissions.py), which knows every
named route: each page a role may open is visited as the role that sees the most on it
(the start page as every role). A new route has to reflow before this test passes.
"""

import re
import subprocess

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from tests.conftest import AXE, client_for
from tests.test_permissions import DELEN, MATRIX, ROLLEN, _app, _objecten

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Who sees the most of a page (edit controls, the full grid), in that order.
VOORKEUR = ["regisseur", "beheerder", "teamlid", "bestuurder", "partner", "medewerker"]
VOORKEUR += [rol for rol in ROLLEN if rol not in VOORKEUR]

# Wider than the window, or its right edge past it, outside a region that scrolls itself.
TE_BREED = """() => {
    const breedte = window.innerWidth;
    if (document.documentElement.scrollWidth <= breedte) return null;
    const schuift = (el) => {
        for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
            const o = getComputedStyle(e).overflowX;
            if (o === 'auto' || o === 'scroll') return true;
        }
        return false;
    };
    const uit = (el) => el.getBoundingClientRect().right > breedte + 1;
    const boosdoeners = [...document.body.querySelectorAll('*')]
        .filter((el) => uit(el) && !schuift(el))
        .filter((el) => ![...el.children].some(uit));
    return {
        breedte: document.documentElement.scrollWidth,
        waar: boosdoeners.slice(0, 4).map((el) =>
            el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') +
            ' (' + Math.round(el.getBoundingClientRect().right) + ' px)'),
    };
}"""

DOELGROOTTE = """async () => {
    const r = await axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}});
    return r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
}"""


def _paginas(objecten) -> list[tuple[str, str, str]]:
    """(part, role, url) of every page: a GET that some role opens as an HTML page."""
    paginas = []
    for naam, (args, gevallen) in MATRIX.items():
        url = reverse(naam, args=args(objecten))
        for methode, _data, verwacht in gevallen:
            if methode != "get":
                continue
            mogen = [rol for rol, status in zip(ROLLEN, verwacht, strict=True) if status == 200]
            rollen = mogen if naam == "home" else sorted(mogen, key=VOORKEUR.index)[:1]
            paginas += [(_app(naam), rol, url) for rol in rollen]
    return paginas


def _is_pagina(users, rol: str, url: str) -> bool:
    """An HTML page, not a file, a feed or a redirect (asked without leaving a trace)."""
    client = client_for(None if rol == "anoniem" else users[rol])
    with transaction.atomic():
        response = client.get(url)
        transaction.set_rollback(True)
    return (
        response.status_code == 200
        and response["Content-Type"].startswith("text/html")
        and "attachment" not in response.get("Content-Disposition", "")
    )


def _ingelogd(context, live_server, user) -> None:
    """The browser context carries ``user``'s session (no login form to fill each time)."""
    sessie = client_for(user).cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}]
    )


def _als(browser, live_server, users, rol, **context_args):
    context = browser.new_context(locale="nl-NL", **context_args)
    if rol != "anoniem":
        _ingelogd(context, live_server, users[rol])
    return context


def _bekijk(context, url: str, *, doelen: bool) -> list[str]:
    pagina = context.new_page()
    try:
        pagina.goto(url)
        fouten = []
        te_breed = pagina.evaluate(TE_BREED)
        if te_breed:
            fouten.append(f"{te_breed['breedte']} px breed: {', '.join(te_breed['waar'])}")
        if doelen:
            pagina.evaluate(AXE)
            klein = pagina.evaluate(DOELGROOTTE)
            if klein:
                fouten.append(f"doelen kleiner dan 24 px: {klein[:4]}")
        return fouten
    finally:
        pagina.close()


@pytest.mark.parametrize("deel", DELEN)
def test_every_page_reflows_at_320_px(browser, live_server, users, opgave, andere_opgave, deel):
    objecten = _objecten(users, opgave, andere_opgave)
    paginas = [
        (rol, url)
        for app, rol, url in _paginas(objecten)
        if app in DELEN[deel] and _is_pagina(users, rol, url)
    ]
    assert len(paginas) >= 10, paginas  # the part is really looked at
    fouten = []
    for rol in {rol for rol, _url in paginas}:
        context = _als(browser, live_server, users, rol, viewport={"width": 320, "height": 800})
        for _rol, url in (p for p in paginas if p[0] == rol):
            fouten += [
                f"{rol} {url}: {f}" for f in _bekijk(context, live_server.url + url, doelen=True)
            ]
        context.close()
    assert fouten == [], "\n".join(fouten)


# 1280 x 1024 at 400 %: 320 x 256 CSS px, each drawn four times as large.
ZOOM = [
    "home",
    "opgaven:opgave-list",
    "opgaven:opgave-detail",
    "canvas:canvas-detail",
    "participatie:bijeenkomst-detail",
    "participatie:stakeholder-list",
    "rapportages:rapportage-list",
    "rapportages:motie-list",
    "opgaven:opgave-create",
    "toegankelijkheid",
]


def test_ten_pages_reflow_at_1280_px_zoomed_to_400_percent(
    browser, live_server, users, opgave, andere_opgave
):
    objecten = _objecten(users, opgave, andere_opgave)
    context = _als(
        browser,
        live_server,
        users,
        "regisseur",
        viewport={"width": 320, "height": 256},
        device_scale_factor=4,
    )
    fouten = []
    for naam in ZOOM:
        url = reverse(naam, args=MATRIX[naam][0](objecten))
        fouten += [f"{url}: {f}" for f in _bekijk(context, live_server.url + url, doelen=False)]
    context.close()
    assert fouten == [], "\n".join(fouten)


# WCAG 1.4.12: line height 1.5, paragraphs 2 apart, letters 0.12 and words 0.16 em apart.
TEKSTAFSTAND = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Text cut off: a box that hides what overflows it and has more than it shows.
AFGEKAPT = """() => [...document.body.querySelectorAll('*')].filter((el) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;  // visually hidden on purpose
    if (!el.textContent.trim() || el.getClientRects().length === 0) return false;
    const verstopt = (o) => o === 'hidden' || o === 'clip';
    return (verstopt(s.overflowY) && el.scrollHeight > el.clientHeight + 1)
        || (verstopt(s.overflowX) && el.scrollWidth > el.clientWidth + 1);
}).slice(0, 4).map((el) => el.tagName.toLowerCase() + '.' + el.className)"""


def test_ten_pages_keep_their_text_with_wcag_text_spacing_and_200_percent_text(
    browser, live_server, users, opgave, andere_opgave
):
    objecten = _objecten(users, opgave, andere_opgave)
    # The overrides are a user's own style sheet: the page's CSP does not apply to them.
    context = _als(
        browser,
        live_server,
        users,
        "regisseur",
        bypass_csp=True,
        viewport={"width": 640, "height": 800},
    )
    pagina = context.new_page()
    fouten = []
    for naam in ZOOM:
        url = reverse(naam, args=MATRIX[naam][0](objecten))
        pagina.goto(live_server.url + url)
        # 200 % text: the root font size doubled (a 640 px window is 320 at 200 %).
        pagina.add_style_tag(content=TEKSTAFSTAND + "html { font-size: 200% !important; }")
        te_breed = pagina.evaluate(TE_BREED)
        if te_breed:
            fouten.append(f"{url}: {te_breed['breedte']} px breed: {te_breed['waar']}")
        if afgekapt := pagina.evaluate(AFGEKAPT):
            fouten.append(f"{url}: afgekapt: {afgekapt}")
    context.close()
    assert fouten == [], "\n".join(fouten)


# What people print, and what must not be on the paper.
AFDRUK = [
    "opgaven:opgave-list",
    "opgaven:opgave-detail",
    "participatie:bijeenkomst-detail",
    "canvas:canvas-detail",
]
NIET_OP_PAPIER = [
    "Uitloggen",
    "Wachtwoord",
    "Meldingen",
    "Direct naar de inhoud",
    "Taal / Language",
    "Opslaan",
    "Toevoegen",
    "Opgave bewerken",
    "Bijeenkomst bewerken",
    "In uw agenda",
]


def test_the_printed_pages_hold_the_content_without_menus_or_buttons(
    page, live_server, users, opgave, andere_opgave, tmp_path
):
    objecten = _objecten(users, opgave, andere_opgave)
    _ingelogd(page.context, live_server, users["regisseur"])
    page.emulate_media(media="print")
    for naam in AFDRUK:
        page.goto(live_server.url + reverse(naam, args=MATRIX[naam][0](objecten)))
        kop = page.get_by_role("heading", level=1).inner_text()
        pdf = tmp_path / f"{naam.replace(':', '-')}.pdf"
        pdf.write_bytes(page.pdf(format="A4"))
        tekst = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert " ".join(kop.split())[:30] in " ".join(tekst.split()), naam
        regels = [r for r in tekst.splitlines() for w in NIET_OP_PAPIER if w in r]
        assert regels == [], naam
    # The canvas is one picture, on a landscape page.
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    formaten = [tuple(map(float, m)) for m in re.findall(r"size:\s+([\d.]+) x ([\d.]+)", info)]
    assert any(breed > hoog for breed, hoog in formaten), formaten
