"""What is published names organisations and office-holders, never a resident without their
consent, and officials only by function (docs/privacy.md, "Who is named").

Persons from the register are put in every place they can be linked to an opgave (its
stakeholders, a contactmoment, inbreng and attendance, an afspraak, a consent withdrawn),
officials in every role (regisseur, team, canvas item owner, action point owner, ambtelijk
opdrachtgever); then the concept and the published report (PDF read back, and the reading
room), the terugkoppeling and every API list are searched for their names. Then one person
consents and only that name appears.
"""

import datetime
import re
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Koppeling, Rol, Scope
from canvas.models import Blok, Indicator, Meting, Soort, Uitvoering
from participatie import services as participatie_services
from participatie.models import Afspraak, Terugkoppeling
from rapportages import bijdragen, documenten
from rapportages import services as rapportage_services
from rapportages.models import Bijdrage, Document, MomentSoort, PcMoment, Rapportage
from tests.accounts.factories import UserFactory
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import (
    ActiepuntFactory,
    BetrokkenheidFactory,
    BijeenkomstFactory,
    InbrengFactory,
    PersoonFactory,
    StakeholderFactory,
    ThematafelFactory,
)
from tests.test_api import LIJSTEN, api

# Natural persons from the register, each linked in another way; none consented.
GEPOSITIONEERD = "Gerarda Plantinga"
IN_CONTACT = "Hendrikus Oosterwolde"
INBRENGER = "Trijntje Wassenaar"
BELOVER = "Jozef Brandsma"
ONDERNEMER = "Baukje Terpstra"
INGETROKKEN = "Sjoerdina Haringsma"
PERSONEN = [GEPOSITIONEERD, IN_CONTACT, INBRENGER, BELOVER, ONDERNEMER, INGETROKKEN]
# Officials below the portefeuillehouder.
AMBTENAREN = ["Ilse Regtmeijer", "Tomas Jansenius", "Marloes Eigenaarsma", "Kees Actiehouder"]
AMBTELIJK_OPDRACHTGEVER = "Directeur Annelies Opdrachtgeefster"
WETHOUDER = "Wethouder Van Damsteegt"
ORGANISATIE = "Stichting Dorpshuis Oosterkern"


@pytest.fixture
def overal(users, opgave):
    """Persons and officials linked to the opgave everywhere they can be."""
    regisseur = opgave.opgaveregisseur
    regisseur.first_name, regisseur.last_name = AMBTENAREN[0].split()
    regisseur.save()
    teamlid = opgave.teamleden.get(username="teamlid")
    teamlid.first_name, teamlid.last_name = AMBTENAREN[1].split()
    teamlid.save()
    eigenaar = UserFactory(rol=Rol.TEAMLID, first_name="Marloes", last_name="Eigenaarsma")
    actiehouder = UserFactory(rol=Rol.TEAMLID, first_name="Kees", last_name="Actiehouder")
    bestuurder = users["bestuurder"]
    bestuurder.first_name, bestuurder.last_name = "Wethouder", "Van Damsteegt"
    bestuurder.save()
    opgave.portefeuillehouder = bestuurder
    opgave.bestuurlijk_opdrachtgever = ""
    opgave.ambtelijk_opdrachtgever = AMBTELIJK_OPDRACHTGEVER
    opgave.save()

    personen = {naam: PersoonFactory(naam=naam) for naam in PERSONEN}
    personen[ONDERNEMER].soort = "ondernemer"
    personen[ONDERNEMER].save()
    organisatie = StakeholderFactory(naam=ORGANISATIE)
    for naam in (GEPOSITIONEERD, ONDERNEMER, INGETROKKEN, BELOVER, INBRENGER):
        BetrokkenheidFactory(opgave=opgave, stakeholder=personen[naam], invloed=5, belang=5)
    BetrokkenheidFactory(opgave=opgave, stakeholder=organisatie, invloed=4, belang=4)
    # Consent given once and withdrawn: the person is a person like any other again.
    ingetrokken = personen[INGETROKKEN]
    ingetrokken.openbaar_noemen = True
    ingetrokken.openbaar_noemen_op = datetime.date(2026, 3, 1)
    ingetrokken.openbaar_noemen_bron = "e-mail"
    ingetrokken.save()
    ingetrokken.openbaar_noemen, ingetrokken.openbaar_noemen_op = False, None
    ingetrokken.openbaar_noemen_bron = ""
    ingetrokken.save()

    participatie_services.contactmoment_vastleggen(
        opgave=opgave,
        user=regisseur,
        datum=timezone.localdate(),
        soort="gesprek",
        richting="inkomend",
        samenvatting="Gesprek over de bus",
        stakeholders=[personen[IN_CONTACT], organisatie],
        deelnemers=[teamlid],
        vervolg_omschrijving="Terugbellen",
        vervolg_eigenaar=teamlid,
        vervolg_deadline=timezone.localdate(),
    )
    Afspraak.objects.create(
        opgave=opgave,
        omschrijving="Het dorpshuis een avond per week open",
        belover=personen[BELOVER],
        ontvanger=organisatie,
        eigenaar=regisseur,
        deadline=timezone.localdate(),
    )
    Afspraak.objects.create(
        opgave=opgave,
        omschrijving="Een ruimte voor de jongeren",
        belover=organisatie,
        eigenaar=teamlid,
        deadline=timezone.localdate(),
    )
    tafel = ThematafelFactory(opgaven=[opgave])
    sessie = BijeenkomstFactory(
        thematafel=tafel,
        begint_op=timezone.now() - datetime.timedelta(days=2),
        eindigt_op=timezone.now() - datetime.timedelta(days=2, hours=-2),
    )
    sessie.uitgenodigd.add(*personen.values())
    sessie.aanwezig.add(personen[INBRENGER], personen[GEPOSITIONEERD])
    InbrengFactory(
        bijeenkomst=sessie,
        stakeholder=personen[INBRENGER],
        tekst="Een buurtbus naar de markt",
        terugkoppeling=Terugkoppeling.OVERGENOMEN,
        toelichting="Komt in het plan",
    )
    InbrengFactory(bijeenkomst=sessie, stakeholder=organisatie, tekst="Een open avond")
    ActiepuntFactory(bijeenkomst=sessie, eigenaar=actiehouder, omschrijving="Bus regelen")

    activiteit = CanvasItemFactory(
        opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Buurtbus rijdt", eigenaar=eigenaar
    )
    Uitvoering.objects.create(activiteit=activiteit, status="loopt", voortgang=40)
    effect = CanvasItemFactory(
        opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT, eigenaar=eigenaar
    )
    indicator = Indicator.objects.create(
        item=effect,
        naam="Ritten per week",
        eenheid="ritten",
        bron="eigen",
        nulmeting=Decimal(0),
        nulmeting_datum=datetime.date(2026, 1, 1),
        streefwaarde=Decimal(20),
        streefdatum=datetime.date(2027, 1, 1),
    )
    Meting.objects.create(indicator=indicator, datum=datetime.date(2026, 6, 1), waarde=8)
    # A contribution drafted from the canvas, as the form offers it.
    moment = PcMoment.objects.create(
        soort=MomentSoort.BERAP2, jaar=2026, deadline=datetime.date(2026, 10, 15)
    )
    Bijdrage.objects.create(
        moment=moment,
        opgave=opgave,
        bijgewerkt_door=regisseur,
        **vars(bijdragen.voorstel(opgave, moment)),
    )
    return personen, tafel


def _pdf_tekst(rapportage) -> str:
    rapportage.bestand.open("rb")
    with rapportage.bestand:
        data = rapportage.bestand.read()
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def _render(rapportage: Rapportage) -> Rapportage:
    rapportage_services.rapportage_render(rapportage_id=rapportage.pk)
    rapportage.refresh_from_db()
    assert rapportage.status == "klaar", rapportage.foutmelding
    return rapportage


def _gepubliceerd(opgave, users) -> dict[str, str]:
    """Every published output's text: both reports, the reading room, the terugkoppeling,
    every API list (read with a read-only token)."""
    concept = _render(
        rapportage_services.rapportage_aanvragen(opgave=opgave, user=users["regisseur"])
    )
    teksten = {"concept (PDF)": _pdf_tekst(concept), "concept": concept.html}
    definitief = Rapportage.objects.create(
        opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1
    )
    definitief = _render(definitief)
    rapportage_services.rapportage_vaststellen(rapportage=definitief, user=users["bestuurder"])
    definitief = _render(definitief)
    assert definitief.gepubliceerd_op is not None
    raadslid = client_for(users["raadslid"])
    for naam in ("rapportage-lezen", "rapportage-list", "rapportage-detail"):
        args = [definitief.pk] if naam != "rapportage-list" else []
        response = raadslid.get(reverse(f"rapportages:{naam}", args=args))
        assert response.status_code == 200, naam
        teksten[naam] = response.content.decode()
    teksten["gepubliceerd (PDF)"] = _pdf_tekst(definitief)
    document = documenten.document_aanvragen(
        user=users["regisseur"],
        soort=Document.Soort.TERUGKOPPELING,
        thematafel=opgave.thematafels.get(),
    )
    documenten.document_maken(document_id=document.pk)
    document.refresh_from_db()
    teksten["terugkoppeling"] = _pdf_tekst(document)
    _koppeling, token = Koppeling.maken(naam="Website", scope=Scope.LEZEN, door=users["beheerder"])
    for lijst in LIJSTEN:
        response = api(token).get(f"/api/v1/{lijst}/")
        assert response.status_code == 200, lijst
        teksten[f"API {lijst}"] = response.content.decode()
    # A word hyphenated at a line's end (pdftotext: "Was", U+2010, " senaar") is searched whole.
    return {waar: re.sub("\u2010 ", "", " ".join(tekst.split())) for waar, tekst in teksten.items()}


def _genoemd(teksten: dict[str, str], namen: list[str]) -> set[str]:
    return {naam for tekst in teksten.values() for naam in namen if naam in tekst}


@pytest.mark.django_db
def test_published_outputs_name_no_resident_without_consent_and_no_official(users, opgave, overal):
    teksten = _gepubliceerd(opgave, users)
    # The search can find names: the organisation and the wethouder are there.
    assert _genoemd(teksten, [ORGANISATIE, WETHOUDER]) == {ORGANISATIE, WETHOUDER}
    assert _genoemd(teksten, PERSONEN + AMBTENAREN + [AMBTELIJK_OPDRACHTGEVER]) == set()
    rapport = teksten["concept"]  # as the reading room shows it
    assert "4 inwoners en 1 ondernemer (personen), van wie 5 nauw betrokken." in rapport
    # An afspraak of a person says who in kind; one of an organisation names it.
    assert "Inwoner" in rapport.split("Het dorpshuis een avond per week open", 1)[1][:200]


@pytest.mark.django_db
def test_a_person_who_consented_is_named_without_their_position(users, opgave, overal):
    personen, _tafel = overal
    persoon = personen[INBRENGER]
    persoon.openbaar_noemen = True
    persoon.openbaar_noemen_op = datetime.date(2026, 11, 2)
    persoon.openbaar_noemen_bron = "aanmeldformulier thematafel"
    persoon.save()
    teksten = _gepubliceerd(opgave, users)
    assert _genoemd(teksten, PERSONEN + AMBTENAREN) == {INBRENGER}
    rapport = teksten["concept"]
    assert f"{INBRENGER}</span> (inwoner, partner)" in rapport
    # Not in the grid with invloed and belang: that table lists organisations only.
    tabel = rapport.split("<tbody>")
    assert not any(INBRENGER in deel.split("</tbody>")[0] for deel in tabel[1:])
    # The terugkoppeling names her with her inbreng.
    assert f"Een buurtbus naar de markt ({INBRENGER})" in teksten["terugkoppeling"]


@pytest.mark.django_db
def test_erasure_withdraws_consent(users, opgave, overal):
    personen, _tafel = overal
    persoon = personen[GEPOSITIONEERD]
    persoon.openbaar_noemen = True
    persoon.openbaar_noemen_op = datetime.date(2026, 11, 2)
    persoon.openbaar_noemen_bron = "e-mail"
    persoon.save()
    assert persoon.publieke_naam == GEPOSITIONEERD
    participatie_services.persoon_anonimiseren(stakeholder=persoon)
    persoon.refresh_from_db()
    assert (persoon.openbaar_noemen, persoon.openbaar_noemen_op, persoon.openbaar_noemen_bron) == (
        False,
        None,
        "",
    )
    assert persoon.publieke_naam == ""
