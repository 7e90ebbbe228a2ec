import re
from decimal import Decimal

from django.db.models import Sum
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from accounts.models import Rol
from canvas.begroting import overzicht
from canvas.models import Begrotingsregel, Blok, Financier
from tests import hostile
from tests.accounts.factories import UserFactory
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries
from tests.opgaven.factories import OpgaveFactory


def _opzet(opgave):
    activiteiten = [
        CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst=f"Activiteit {i}")
        for i in range(3)
    ]
    financiers = [
        Financier.objects.create(opgave=opgave, naam=naam, soort=soort)
        for naam, soort in [
            ("Gemeente Maasdal", "gemeente"),
            (f"Woonstichting {hostile.SCRIPT}", "partner"),
            ("Provincie Limburg", "provincie"),
        ]
    ]
    return activiteiten, financiers


def _euro_tekst(bedrag: Decimal) -> str:
    geheel, cent = f"{bedrag:.2f}".split(".")
    return f"€\u00a0{int(geheel):,}".replace(",", ".") + f",{cent}"


bedragen = st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2)
regels = st.lists(
    st.tuples(st.integers(2026, 2029), st.integers(0, 2), st.integers(0, 2), bedragen, bedragen),
    max_size=25,
    unique_by=lambda r: (r[0], r[1], r[2]),
)


class BegrotingTotalen(TestCase):
    """Totals on the page equal the database's own sums, to the cent, for any lines."""

    @settings(max_examples=25, deadline=None)
    @given(lijnen=regels)
    def test_totals_are_exact_to_the_cent(self, lijnen):
        regisseur = UserFactory(rol=Rol.OPGAVEREGISSEUR)
        opgave = OpgaveFactory(opgaveregisseur=regisseur)
        activiteiten, financiers = _opzet(opgave)
        for jaar, a, f, begroot, realisatie in lijnen:
            Begrotingsregel.objects.create(
                opgave=opgave,
                jaar=jaar,
                activiteit=activiteiten[a],
                financier=financiers[f],
                begroot=begroot,
                realisatie=realisatie,
            )
        db = opgave.begrotingsregels.aggregate(b=Sum("begroot"), r=Sum("realisatie"))
        verwacht_b = db["b"] or Decimal("0")
        verwacht_r = db["r"] or Decimal("0")
        assert verwacht_b == sum((r[3] for r in lijnen), Decimal("0"))

        resultaat = overzicht(
            list(opgave.begrotingsregels.select_related("activiteit", "financier")), financiers
        )
        assert resultaat.totaal.begroot == verwacht_b
        assert resultaat.totaal.realisatie == verwacht_r
        assert sum((a.bedrag.begroot for a in resultaat.aandelen), Decimal("0")) == verwacht_b
        assert sum((j.totaal.begroot for j in resultaat.jaren), Decimal("0")) == verwacht_b
        for jaar in resultaat.jaren:
            assert sum((r.totaal.begroot for r in jaar.rijen), Decimal("0")) == jaar.totaal.begroot

        page = client_for(regisseur).get(reverse("canvas:begroting", args=[opgave.pk]))
        html = page.content.decode()
        totaal = re.search(r'data-testid="totaal-begroot">([^<]*)<', html).group(1)
        assert totaal == _euro_tekst(verwacht_b)
        assert hostile.SCRIPT not in html


def test_a_line_is_entered_the_dutch_way_and_updated_not_doubled(users, opgave):
    activiteiten, financiers = _opzet(opgave)
    client = client_for(users["teamlid"])
    url = reverse("canvas:begrotingsregel-opslaan", args=[opgave.pk])
    data = {
        "regel-jaar": 2027,
        "regel-activiteit": activiteiten[0].pk,
        "regel-financier": financiers[0].pk,
        "regel-begroot": "12.500,50",
        "regel-realisatie": "",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "regel-begroot": "13.000,00"}).status_code == 302
    regel = Begrotingsregel.objects.get()
    assert regel.begroot == Decimal("13000.00") and regel.realisatie == Decimal("0")
    page = client.get(reverse("canvas:begroting", args=[opgave.pk])).content.decode()
    assert "€\u00a013.000,00" in page


def test_bad_amounts_years_and_foreign_ids_are_explained(users, opgave, andere_opgave):
    activiteiten, financiers = _opzet(opgave)
    vreemde_activiteit = CanvasItemFactory(opgave=andere_opgave, blok=Blok.ACTIVITEITEN)
    geen_activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ROLLEN)
    client = client_for(users["regisseur"])
    url = reverse("canvas:begrotingsregel-opslaan", args=[opgave.pk])
    basis = {
        "regel-jaar": 2027,
        "regel-activiteit": activiteiten[0].pk,
        "regel-financier": financiers[0].pk,
        "regel-begroot": "100",
    }
    gevallen = [
        ({"regel-begroot": "-5"}, "Een bedrag kan niet negatief zijn."),
        ({"regel-begroot": "veel"}, "Vul een bedrag in euro"),
        ({"regel-begroot": "1,234"}, "hoogstens twee cijfers achter de komma"),
        ({"regel-jaar": 1850}, "Kies een jaar tussen 2000 en 2100."),
        ({"regel-activiteit": vreemde_activiteit.pk}, "Kies een activiteit uit het canvas"),
        ({"regel-activiteit": geen_activiteit.pk}, "Kies een activiteit uit het canvas"),
    ]
    for extra, melding in gevallen:
        response = client.post(url, {**basis, **extra})
        assert response.status_code == 422, extra
        assert melding in response.content.decode(), extra
    assert not Begrotingsregel.objects.exists()


def test_only_the_team_changes_the_budget(users, opgave):
    _opzet(opgave)
    url = reverse("canvas:begroting", args=[opgave.pk])
    assert client_for(users["medewerker"]).get(url).status_code == 200
    response = client_for(users["teamlid_ander"]).post(
        reverse("canvas:financier-create", args=[opgave.pk]),
        {"financier-naam": "x", "financier-soort": "rijk"},
    )
    assert response.status_code == 403
    assert Financier.objects.count() == 3


def test_budget_page_costs_the_same_queries_with_more_lines(users, opgave, andere_opgave):

    client = client_for(users["beheerder"])
    counts = []
    for doel, jaren in ((opgave, [2027]), (andere_opgave, [2026, 2027, 2028, 2029])):
        activiteiten, financiers = _opzet(doel)
        for jaar in jaren:
            for a in activiteiten:
                for f in financiers:
                    Begrotingsregel.objects.create(
                        opgave=doel, jaar=jaar, activiteit=a, financier=f, begroot=Decimal("1.01")
                    )
        counts.append(tel_queries(client, reverse("canvas:begroting", args=[doel.pk])))
    assert counts[0] == counts[1], counts


def test_an_activity_with_budget_lines_is_not_deleted(users, opgave):
    activiteiten, financiers = _opzet(opgave)
    Begrotingsregel.objects.create(
        opgave=opgave, jaar=2027, activiteit=activiteiten[0], financier=financiers[0], begroot=1
    )
    client = client_for(users["regisseur"])
    url = reverse("canvas:canvasitem-delete", args=[activiteiten[0].pk])
    response = client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert "heeft begrotingsregels" in response.content.decode()
    assert client.post(url).status_code == 302
    assert Begrotingsregel.objects.count() == 1
    assert opgave.canvas_items.filter(pk=activiteiten[0].pk).exists()
