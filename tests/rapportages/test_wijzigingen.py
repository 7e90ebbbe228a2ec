"""A report names what changed since the previous published report."""

import subprocess
from decimal import Decimal

from django.utils import timezone

from canvas.models import Begrotingsregel, Blok, Financier, FinancierSoort
from rapportages import wijzigingen
from rapportages.models import Rapportage, Status
from rapportages.renderers import programmarapportage
from tests.canvas.factories import CanvasItemFactory
from tests.participatie.factories import BetrokkenheidFactory


def test_sentences_for_each_change():
    oud = {
        "fase": "verkennen",
        "voortgang": "op_koers",
        "begroot": "100.00",
        "realisatie": "0.00",
        "w_vragen": {"Wat willen we bereiken?": "A"},
        "stakeholders": [{"naam": "Dorpsraad"}],
    }
    nieuw = oud | {
        "fase": "concretiseren",
        "voortgang": "risico",
        "begroot": "1100.50",
        "w_vragen": {"Wat willen we bereiken?": "B"},
        "stakeholders": [{"naam": "Woonstichting"}],
    }
    assert wijzigingen.sinds(None, nieuw) == []
    assert wijzigingen.sinds(oud, oud) == []
    assert wijzigingen.sinds(oud, nieuw) == [
        "Fase: Verkennen en doorleven → Concretiseren.",
        "Voortgang: Op koers → Risico.",
        "Begroot: €\u00a0100,00 → €\u00a01.100,50.",
        "Het antwoord op 'Wat willen we bereiken?' is gewijzigd.",
        "Nieuwe stakeholders: Woonstichting.",
        "Niet meer betrokken: Dorpsraad.",
    ]


def test_stakeholders_are_followed_by_id_and_named_as_they_are_now():
    """A person erased since the published report (AVG) is not named from its snapshot."""
    oud = {"stakeholders": [{"id": 1, "naam": "Anna Coenen"}, {"id": 2, "naam": "Piet Bos"}]}
    nu = {"stakeholders": [{"id": 1, "naam": "Geanonimiseerde persoon 1"}]}
    namen = {2: "Geanonimiseerde persoon 2"}
    assert wijzigingen.sinds(oud, nu, namen.get) == [
        "Niet meer betrokken: Geanonimiseerde persoon 2."
    ]
    # Gone from the register altogether: the snapshot's name is all there is.
    assert wijzigingen.sinds(oud, nu) == ["Niet meer betrokken: Piet Bos."]


def _tekst(pdf: bytes) -> str:
    uit = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(uit.stdout.decode().split()).replace("\u00a0", " ")


def test_report_names_changes_since_the_published_one(users, opgave):
    from opgaven.models import Opgave

    eerste = programmarapportage(Opgave.objects.filter(pk=opgave.pk), titel="Voorjaar")
    # #16: a draft said "de eerste vastgestelde rapportage" while nothing was vastgesteld.
    assert "Deze opgave is nog niet eerder aan de raad gerapporteerd." in _tekst(eerste.pdf)
    Rapportage.objects.create(
        opgave=opgave,
        aangevraagd_door=users["regisseur"],
        totaal=1,
        voortgang=1,
        status=Status.KLAAR,
        bestand="rapportages/vorige.pdf",
        checksum="0" * 64,
        gegevens=eerste.gegevens,
        gepubliceerd_op=timezone.now(),
        vastgesteld_op=timezone.now(),
        vastgesteld_door=users["bestuurder"],
    )
    Opgave.objects.filter(pk=opgave.pk).update(fase="concretiseren")
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
    financier = Financier.objects.create(opgave=opgave, naam="Rijk", soort=FinancierSoort.RIJK)
    Begrotingsregel.objects.create(
        opgave=opgave, jaar=2027, activiteit=activiteit, financier=financier, begroot=Decimal(1000)
    )
    BetrokkenheidFactory(opgave=opgave, stakeholder__naam="Dorpsraad Beekdal")
    tekst = _tekst(programmarapportage(Opgave.objects.filter(pk=opgave.pk), titel="Najaar").pdf)
    assert "Sinds de vorige vastgestelde rapportage, Programmarapportage" in tekst
    assert "Fase: Verkennen en doorleven → Concretiseren." in tekst
    assert "Begroot: € 0,00 → € 1.000,00." in tekst
    assert "Nieuwe stakeholders: Dorpsraad Beekdal." in tekst
    assert "Het antwoord op 'Wat gaan we daarvoor doen?' is gewijzigd." in tekst


def test_opgaven_appear_in_beleidsagenda_order_with_their_priority(users, opgave, andere_opgave):
    """#16: the report listed opgaven alphabetically, not as the council ranked them."""
    from opgaven.models import Opgave

    Opgave.objects.filter(pk=opgave.pk).update(titel="Aaa eerst op naam", rang=2)
    Opgave.objects.filter(pk=andere_opgave.pk).update(
        titel="Zzz eerst op de agenda", rang=1, prioriteit="hoog"
    )
    tekst = _tekst(programmarapportage(Opgave.objects.all(), titel="Volgorde").pdf)
    overzicht = tekst[tekst.index("Overzicht van de opgaven") :]
    assert overzicht.index("1. Zzz eerst op de agenda") < overzicht.index("2. Aaa eerst op naam")
    assert "plaats 1, prioriteit hoog" in tekst


def test_a_new_measurement_is_named_and_an_old_snapshot_without_indicators_is_quiet():
    from rapportages import wijzigingen

    nu = {"fase": "verkennen", "indicatoren": [{"naam": "Eenzaamheid 75+", "waarde": "41 %"}]}
    vorige = {"fase": "verkennen", "indicatoren": [{"naam": "Eenzaamheid 75+", "waarde": "48 %"}]}
    assert wijzigingen.sinds(vorige, nu) == ["Indicator Eenzaamheid 75+: 48 % → 41 %."]
    assert wijzigingen.sinds({"fase": "verkennen"}, nu) == []
