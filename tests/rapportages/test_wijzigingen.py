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
        "stakeholders": [{"id": 1, "naam": "Dorpsraad", "vorm": "organisatie"}],
        "personen": 3,
    }
    nieuw = oud | {
        "fase": "concretiseren",
        "voortgang": "risico",
        "begroot": "1100.50",
        "w_vragen": {"Wat willen we bereiken?": "B"},
        "stakeholders": [{"id": 2, "naam": "Woonstichting", "vorm": "organisatie"}],
        "personen": 5,
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
        "Betrokken personen: 3 → 5.",
    ]


def test_stakeholders_are_followed_by_id_and_named_only_as_they_may_be_published_now():
    """A person in an older snapshot (from before only public names were kept, or one who
    withdrew consent) is never named from it; an organisation gone from the register is."""
    oud = {
        "stakeholders": [
            {"id": 1, "naam": "Anna Coenen"},  # an older snapshot: no form kept
            {"id": 2, "naam": "Piet Bos", "vorm": "persoon"},
            {"id": 3, "naam": "Dorpsraad Oost", "vorm": "organisatie"},
            {"id": 4, "naam": "Buurtkamer", "vorm": "organisatie"},
        ]
    }
    nu = {"stakeholders": []}
    # Who may be named now: the Buurtkamer under its new name, and nobody else.
    assert wijzigingen.sinds(oud, nu, {4: "Buurtkamer Oost"}.get) == [
        "Niet meer betrokken: Buurtkamer Oost, Dorpsraad Oost."
    ]
    # A snapshot from before ids were kept is not compared at all.
    assert wijzigingen.sinds({"stakeholders": [{"naam": "Anna Coenen"}]}, nu) == []


def _tekst(pdf: bytes) -> str:
    uit = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(uit.stdout.decode().split()).replace("\u00a0", " ")


def test_report_names_changes_since_the_published_one(users, opgave):
    from opgaven.models import Opgave

    eerste = programmarapportage(Opgave.objects.filter(pk=opgave.pk), titel="Voorjaar")
    # Found in use: a draft said "de eerste vastgestelde rapportage" while nothing was vastgesteld.
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
    """Found in use: the report listed opgaven alphabetically, not as the council ranked them."""
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
