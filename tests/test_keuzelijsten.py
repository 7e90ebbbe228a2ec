"""No page sends a whole table: a select of every colleague, organisation or opgave
grows with the municipality (at scale 358, 10,000 and 3,014 of them: forms of 0.2 to
3.8 MB), as does a table of every opgave (the P&C moment page: 1.4 MB). With more of each
than a list may hold, every page of the role matrix, and every form a page opens on demand
(``?formulier=``), has no select and no group of checkboxes longer than that (a searchable
choice instead, core.forms.Zoekkeuze), and no more table rows or list items than a page
of a list shows (the rest on further pages)."""

import re

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.opgaven.factories import OpgaveFactory
from tests.participatie.factories import StakeholderFactory
from tests.test_permissions import MATRIX, _objecten

GRENS = 60  # options a list may hold: more than fits a screen, fewer than any table at scale
PAGINA = 100  # rows of a table or items of a list a page shows at most

SELECT = re.compile(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', re.S)
VINKJE = re.compile(r'type="checkbox"[^>]*name="([^"]+)"')
OP_VERZOEK = re.compile(r'hx-get="\?formulier=([\w-]+)"')
TABEL = re.compile(r"<table.*?</table>", re.S)
LIJST = re.compile(r"<(ul|ol)\b.*?</\1>", re.S)


def _te_lang(html: str) -> list[tuple[str, int]]:
    lijsten = [(naam, opties.count("<option")) for naam, opties in SELECT.findall(html)]
    vinkjes = VINKJE.findall(html)
    lijsten += [(naam, vinkjes.count(naam)) for naam in set(vinkjes)]
    te_lang = [(naam, n) for naam, n in lijsten if n > GRENS]
    regels = [("tabel", tabel.count("<tr")) for tabel in TABEL.findall(html)]
    regels += [("lijst", lijst.group(0).count("<li")) for lijst in LIJST.finditer(html)]
    return te_lang + [(naam, n) for naam, n in regels if n > PAGINA]


@pytest.mark.parametrize("rol", ["beheerder", "regisseur"])
def test_no_page_lists_a_whole_table_as_choices(users, opgave, andere_opgave, rol):
    objecten = _objecten(users, opgave, andere_opgave)
    # More opgaven (each with a regisseur of its own: colleagues) and organisations than
    # a list may hold, and more opgaven than a page shows; the regisseur directs some.
    OpgaveFactory.create_batch(GRENS + 1, opgaveregisseur=users["regisseur"])
    OpgaveFactory.create_batch(PAGINA + 1)
    StakeholderFactory.create_batch(GRENS + 1, vorm="organisatie")
    client = client_for(users[rol])
    gezien, fouten = 0, []
    for naam, (args, gevallen) in MATRIX.items():
        if not any(methode == "get" for methode, *_ in gevallen):
            continue
        url = reverse(naam, args=args(objecten))
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        paginas = {url: html} | {
            f"{url}?formulier={f}": client.get(url, {"formulier": f}).content.decode()
            for f in set(OP_VERZOEK.findall(html))
        }
        for adres, inhoud in paginas.items():
            gezien += 1
            fouten += [f"{adres}: {veld} van {n}" for veld, n in _te_lang(inhoud)]
    assert gezien > 60, gezien  # the matrix's pages, not an empty run
    assert fouten == [], "\n".join(fouten)
