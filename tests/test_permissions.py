"""Role x URL matrix (docs/security.md): who gets what, including guessed ids of other opgaven.

The matrix is complete: every named route in the URL conf has its row, and a route
without one fails the test. Each request runs in a savepoint that is rolled back, so every
role meets the same data (a removal by one role does not hide the object from the next).
"""

import copy
import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Koppeling, Melding
from canvas.models import (
    Begrotingsregel,
    Blok,
    CanvasVersie,
    Financier,
    Indicator,
    Meting,
    Mijlpaal,
    Reactie,
    Schakel,
    Soort,
)
from core.bijlagen import keur
from opgaven.models import Domein, OpgaveBijlage, OpgaveRelatie, Teamlidmaatschap
from participatie import aanmelden
from participatie.models import (
    Aanmelding,
    Afspraak,
    BijeenkomstBijlage,
    Contactmoment,
    Opgavesprint,
    Persona,
    Vervolgactie,
)
from rapportages import leeskamer
from rapportages.models import (
    Bijdrage,
    BijdrageBijlage,
    Document,
    Export,
    Motie,
    MotieBijlage,
    PcMoment,
    Rapportage,
    Status,
)
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, named_urls
from tests.opgaven.factories import GebiedFactory
from tests.participatie.factories import (
    ActiepuntFactory,
    BetrokkenheidFactory,
    BijeenkomstFactory,
    InbrengFactory,
    PersoonFactory,
    PublicatieFactory,
    SignaalFactory,
    ThematafelFactory,
)

ROLLEN = [
    "anoniem",
    "raadslid",
    "medewerker",
    "partner",
    "partner_ander",
    "teamlid",
    "teamlid_ander",
    "regisseur",
    "regisseur2",
    "bestuurder",
    "beheerder",
]
# "login": a redirect to the login page (status 302 with ?next=); numbers are statuses.
LOGIN = "login"


def rij(standaard, *, anoniem=LOGIN, **uitzonderingen) -> list:
    """What each role gets (in ROLLEN's order): ``standaard`` unless named otherwise."""
    onbekend = set(uitzonderingen) - set(ROLLEN)
    assert not onbekend, onbekend
    return [anoniem] + [uitzonderingen.get(rol, standaard) for rol in ROLLEN[1:]]


# Who cannot see the opgave gets 404 (raadsleden, partners of other opgaven); who sees it
# but may not do this gets 403.
BUITEN = {"raadslid": 404, "partner_ander": 404}
IEDEREEN = rij(200)
# Across opgaven: the municipality's own people.
LEZEN = rij(200, raadslid=403, partner=403, partner_ander=403)
LEZEN_OBJECT = rij(200, **BUITEN)
# The municipality's view of stakeholders within an opgave: not for its partners.
VERTROUWELIJK = rij(200, **BUITEN, partner=403)
BEWERKEN = rij(403, **BUITEN, teamlid=200, regisseur=200, beheerder=200)
INVOER = rij(403, **BUITEN, teamlid=422, regisseur=422, beheerder=422)
ACTIE = BEWERKEN
# The canvas and the inbreng at sessions: the team including its partners.
CANVAS = rij(403, **BUITEN, partner=200, teamlid=200, regisseur=200, beheerder=200)
CANVAS_INVOER = rij(403, **BUITEN, partner=422, teamlid=422, regisseur=422, beheerder=422)
TEAM = rij(403, **BUITEN, regisseur=200, beheerder=200)
BEHEER = rij(403, beheerder=200)
KLAAR = 200 if settings.CELERY_BROKER_URL.startswith("filesystem://") else 503
BEHEER_INVOER = rij(403, beheerder=422)
REGISTER_ROLLEN = ("teamlid", "teamlid_ander", "regisseur", "regisseur2", "beheerder")
REGISTER = rij(403, **dict.fromkeys(REGISTER_ROLLEN, 200))
REGISTER_INVOER = rij(403, **dict.fromkeys(REGISTER_ROLLEN, 422))
TOEVOEGEN_OPGAVE = rij(403, regisseur=200, regisseur2=200, beheerder=200)
# A report of an opgave, not yet published: its requester, its team, the bestuurder and the
# beheerder; not its partners (a draft lists the municipality's view of stakeholders).
EIGEN_RAPPORTAGE = rij(404, teamlid=200, regisseur=200, bestuurder=200, beheerder=200)
# A signal: its sender (the medewerker), the opgave's team and the beheerder.
SIGNAAL = rij(404, medewerker=403, teamlid=422, regisseur=422, beheerder=422)
# The stand of a motie: the municipality's people on the team of an opgave it concerns (the
# motie in the matrix concerns both opgaven, so both teams).
_TEAMS = ("teamlid", "regisseur", "teamlid_ander", "regisseur2", "beheerder")
MOTIE_TEAM = rij(403, **dict.fromkeys(_TEAMS, 200))
MOTIE_TEAM_INVOER = rij(403, **dict.fromkeys(_TEAMS, 422))
# The API answers a session (logged in or not) with 401: only a koppeling's token opens it.
API = rij(401, anoniem=401)
# An export: only the one who asked for it (the regisseur).
EIGEN_EXPORT = rij(404, regisseur=200)


def _document(model, eigenaar, door):
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n")
    return model.toevoegen(eigenaar=eigenaar, bestand=pdf, gekeurd=keur(pdf), door=door)


def _objecten(users, opgave, andere_opgave) -> SimpleNamespace:
    regisseur = users["regisseur"]
    o = SimpleNamespace(opgave=opgave, teamlid=users["teamlid"], partner=users["partner"])
    o.item = CanvasItemFactory(opgave=opgave)
    o.bijlage = _document(OpgaveBijlage, opgave, regisseur)
    o.koppeling, _token = Koppeling.maken(naam="BI", scope="lezen", door=users["beheerder"])
    o.melding = Melding.objects.create(
        ontvanger=regisseur, soort="team", sleutel="m", tekst="t", link="/", mail="direct"
    )
    o.gebied = GebiedFactory()
    opgave.gebieden.add(o.gebied)
    o.activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
    o.prestatie = CanvasItemFactory(opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN)
    o.effect = CanvasItemFactory(opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT)
    o.reactie = Reactie.objects.create(item=o.item, auteur=regisseur, tekst="r")
    o.versie = CanvasVersie.vastleggen(opgave=opgave, naam="v1", user=regisseur)
    o.schakel = Schakel.objects.create(van=o.activiteit, naar=o.effect)
    o.indicator = Indicator.objects.create(
        item=o.effect,
        naam="i",
        eenheid="%",
        bron="eigen",
        nulmeting=1,
        nulmeting_datum=datetime.date(2025, 1, 1),
        streefwaarde=2,
        streefdatum=datetime.date(2027, 1, 1),
    )
    o.meting = Meting.objects.create(
        indicator=o.indicator, datum=datetime.date(2026, 1, 1), waarde=1
    )
    o.mijlpaal = Mijlpaal.objects.create(
        activiteit=o.activiteit, naam="m", datum=datetime.date(2026, 6, 1)
    )
    financier = Financier.objects.create(opgave=opgave, naam="Gemeente", soort="gemeente")
    o.regel = Begrotingsregel.objects.create(
        opgave=opgave, jaar=2027, activiteit=o.activiteit, financier=financier, begroot=10
    )
    o.lid = Teamlidmaatschap.objects.get(opgave=opgave, user=users["teamlid"])
    o.relatie = OpgaveRelatie.objects.create(van=opgave, naar=andere_opgave, soort="raakt_aan")
    o.domein = Domein.objects.create(naam="Wonen")
    o.betrokkenheid = BetrokkenheidFactory(opgave=opgave)
    o.stakeholder = o.betrokkenheid.stakeholder
    o.persoon = PersoonFactory(
        doel="d",
    )
    contact = Contactmoment.objects.create(
        opgave=opgave, datum=datetime.date(2026, 1, 1), soort="gesprek", samenvatting="s"
    )
    o.vervolgactie = Vervolgactie.objects.create(
        contactmoment=contact, omschrijving="v", eigenaar=regisseur, deadline=timezone.localdate()
    )
    o.afspraak = Afspraak.objects.create(
        opgave=opgave,
        omschrijving="a",
        belover=o.stakeholder,
        eigenaar=regisseur,
        deadline=timezone.localdate(),
    )
    o.thematafel = ThematafelFactory(opgaven=[opgave])
    o.bijeenkomst = BijeenkomstFactory(thematafel=o.thematafel, aanmelden_open=True)
    o.publicatie = PublicatieFactory(opgave=opgave)
    o.aanmelding = Aanmelding.objects.create(
        bijeenkomst=o.bijeenkomst, publicatie=o.publicatie, naam="Inwoner", email="i@voorbeeld.nl"
    )
    o.inbreng = InbrengFactory(bijeenkomst=o.bijeenkomst)
    o.actiepunt = ActiepuntFactory(bijeenkomst=o.bijeenkomst)
    o.sprint = Opgavesprint.objects.create(
        opgave=opgave,
        nummer=1,
        startdatum=datetime.date(2026, 1, 1),
        einddatum=datetime.date(2026, 2, 1),
        doel="d",
        maatschappelijke_bedoeling="b",
        aanpak_tot_nu_toe="a",
    )
    o.persona = Persona.objects.create(opgave=opgave, naam="Riet", beschrijving="b")
    o.stap = o.persona.stap_toevoegen(omschrijving="s")
    o.signaal = SignaalFactory(opgave=opgave, ingediend_door=users["medewerker"])
    o.motie = Motie.objects.create(
        soort="motie", nummer="M1", datum=datetime.date(2026, 1, 1), titel="Meer bankjes"
    )
    o.motie.opgaven.add(opgave, andere_opgave)
    o.moment = PcMoment.objects.create(soort="begroting", jaar=2027, deadline="2026-09-15")
    o.bijdrage = Bijdrage.objects.create(moment=o.moment, opgave=opgave)
    o.bijdrage_bijlage = _document(BijdrageBijlage, o.bijdrage, regisseur)
    o.motie_bijlage = _document(MotieBijlage, o.motie, regisseur)
    o.bijeenkomst_bijlage = _document(BijeenkomstBijlage, o.bijeenkomst, regisseur)
    opgave.portefeuillehouder = users["bestuurder"]
    opgave.save()
    o.rapportage = Rapportage.objects.create(opgave=opgave, aangevraagd_door=regisseur, totaal=1)
    o.klaar = Rapportage.objects.create(
        opgave=opgave,
        aangevraagd_door=regisseur,
        totaal=1,
        voortgang=1,
        status=Status.KLAAR,
        bestand="rapportages/test-permissions.pdf",
        html=(
            '<section class="overzicht" id="overzicht"><h2>Overzicht</h2></section>'
            f'<section class="opgave" id="opgave-{opgave.pk}"><h2 class="opgave__titel">O</h2>'
            "</section>"
        ),
    )
    leeskamer.opslaan(o.klaar)
    o.export = Export.objects.create(
        soort="opgaven",
        formaat="csv",
        aangevraagd_door=regisseur,
        status=Status.KLAAR,
        bestand="exports/test-permissions.csv",
        verloopt_op=timezone.now() + datetime.timedelta(days=1),
    )
    o.canvasdocument = Document.objects.create(
        soort="canvas", opgave=opgave, versie=o.versie, inhoud_hash="0" * 64
    )
    o.terugkoppelingdocument = Document.objects.create(
        soort="terugkoppeling",
        thematafel=o.thematafel,
        inhoud_hash="0" * 64,
        status=Status.KLAAR,
        bestand="documenten/test-permissions.pdf",
    )
    for naam in (
        "rapportages/test-permissions.pdf",
        "exports/test-permissions.csv",
        "documenten/test-permissions.pdf",
    ):
        pad = Path(settings.MEDIA_ROOT) / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(b"%PDF-1.7 test")
    return o


# name: (the URL's arguments, [(method, data, expected per role), ...]).
# "hx-post" posts with HX-Request: success answers with the section (200).
MATRIX = {
    "home": (lambda o: [], [("get", {}, rij(200, raadslid=302))]),
    "accounts:login": (lambda o: [], [("get", {}, rij(302, anoniem=200))]),
    "accounts:logout": (lambda o: [], [("post", {}, rij(302, anoniem=302))]),
    "set_language": (lambda o: [], [("post", {"language": "nl"}, rij(302, anoniem=302))]),
    "huisstijl": (lambda o: [], [("get", {}, BEHEER)]),
    # accounts: password self-service
    "accounts:wachtwoord-wijzigen": (
        lambda o: [],
        [("get", {}, rij(200)), ("post", {}, rij(422))],
    ),
    "accounts:wachtwoord-gewijzigd": (lambda o: [], [("get", {}, rij(200))]),
    "accounts:wachtwoord-vergeten": (
        lambda o: [],
        [("get", {}, rij(200, anoniem=200)), ("post", {}, rij(422, anoniem=422))],
    ),
    "accounts:wachtwoord-verstuurd": (lambda o: [], [("get", {}, rij(200, anoniem=200))]),
    # a link that is not (or no longer) valid: a page that says so
    "accounts:wachtwoord-instellen": (
        lambda o: ["MQ", "geen-token"],
        [("get", {}, rij(200, anoniem=200))],
    ),
    "accounts:wachtwoord-ingesteld": (lambda o: [], [("get", {}, rij(200, anoniem=200))]),
    # accounts: Beheer > Gebruikers
    "accounts:gebruiker-list": (lambda o: [], [("get", {}, BEHEER)]),
    "accounts:gebruiker-uitnodigen": (
        lambda o: [],
        [("get", {}, BEHEER), ("post", {}, BEHEER_INVOER)],
    ),
    "accounts:gebruiker-detail": (lambda o: [o.teamlid.pk], [("get", {}, BEHEER)]),
    "accounts:gebruiker-rol": (
        lambda o: [o.teamlid.pk],
        [("hx-post", {"rol": "medewerker"}, BEHEER), ("hx-post", {"rol": "koning"}, BEHEER_INVOER)],
    ),
    "accounts:gebruiker-actief": (
        lambda o: [o.teamlid.pk],
        [("hx-post", {"actief": "nee"}, BEHEER)],
    ),
    # the teamlid has a password already: nothing to send
    "accounts:gebruiker-uitnodiging": (lambda o: [o.teamlid.pk], [("hx-post", {}, BEHEER_INVOER)]),
    "accounts:gebruiker-ontgrendelen": (lambda o: [o.teamlid.pk], [("hx-post", {}, BEHEER)]),
    "accounts:sessie-verlengen": (lambda o: [], [("hx-post", {}, rij(204))]),
    # accounts: everyone's own meldingen (someone else's: 404)
    "accounts:meldingen": (lambda o: [], [("get", {}, IEDEREEN)]),
    "accounts:melding-open": (lambda o: [o.melding.pk], [("get", {}, rij(404, regisseur=302))]),
    "accounts:meldingen-gelezen": (lambda o: [], [("post", {}, rij(302, anoniem=LOGIN))]),
    # accounts: my calendar feed (the feed itself: only with a valid secret, else 404)
    "accounts:agendafeed": (lambda o: [], [("get", {}, IEDEREEN), ("post", {}, IEDEREEN)]),
    "accounts:agendafeed-intrekken": (lambda o: [], [("post", {}, rij(302))]),
    "accounts:agendafeed-ics": (lambda o: ["geraden" * 4], [("get", {}, rij(404, anoniem=404))]),
    # accounts: Beheer > Koppelingen (the API's integrations)
    "accounts:beveiligingslog": (lambda o: [], [("get", {}, BEHEER)]),
    "accounts:koppeling-list": (lambda o: [], [("get", {}, BEHEER), ("post", {}, BEHEER_INVOER)]),
    "accounts:koppeling-intrekken": (
        lambda o: [o.koppeling.pk],
        [("post", {}, rij(403, beheerder=302))],
    ),
    # The API: a token, never a session (tests/test_api.py has its scopes); its schema is open.
    "api:schema": (lambda o: [], [("get", {}, rij(200, anoniem=200))]),
    **{
        f"api:{naam}-list": (lambda o: [], [("get", {}, API)])
        for naam in ("opgave", "indicator", "meting", "begrotingsregel", "bijdrage", "rapportage")
    },
    "api:opgave-detail": (lambda o: [o.opgave.pk], [("get", {}, API)]),
    "api:indicator-detail": (lambda o: [o.indicator.pk], [("get", {}, API)]),
    "api:meting-detail": (lambda o: [o.meting.pk], [("get", {}, API)]),
    "api:begrotingsregel-detail": (lambda o: [o.regel.pk], [("get", {}, API)]),
    "api:bijdrage-detail": (lambda o: [1], [("get", {}, API)]),
    "api:rapportage-detail": (lambda o: [1], [("get", {}, API)]),
    "api:rapportage-pdf": (lambda o: [1], [("get", {}, API)]),
    "accounts:meldingvoorkeuren": (
        lambda o: [],
        [("get", {}, IEDEREEN), ("post", {}, rij(422))],
    ),
    # without an identity provider configured (tests/e2e/test_oidc.py has one)
    "accounts:oidc-inloggen": (lambda o: [], [("get", {}, rij(404, anoniem=404))]),
    "accounts:oidc-terug": (lambda o: [], [("get", {}, rij(404, anoniem=404))]),
    "accounts:gebruiker-tweede-stap-resetten": (
        lambda o: [o.teamlid.pk],
        [("hx-post", {}, BEHEER)],
    ),
    # without a second step set up, the check sends everyone to setting one up
    "accounts:tweede-stap": (lambda o: [], [("get", {}, rij(302))]),
    "accounts:tweede-stap-instellen": (lambda o: [], [("get", {}, rij(200))]),
    "opgaven:persoon-team-create": (lambda o: [o.teamlid.pk], [("hx-post", {}, BEHEER_INVOER)]),
    # (no organisation chosen: the link is removed)
    "participatie:partner-organisatie": (lambda o: [o.partner.pk], [("hx-post", {}, BEHEER)]),
    "opgaven:persoon-team-delete": (
        lambda o: [o.teamlid.pk, o.lid.pk],
        [("hx-post", {}, BEHEER)],
    ),
    "logo": (lambda o: [], [("get", {}, rij(404, anoniem=404))]),
    # the accessibility statement: public
    "toegankelijkheid": (lambda o: [], [("get", {}, rij(200, anoniem=200))]),
    # liveness for the orchestrator: no login, nothing to hide
    "gezondheid-live": (lambda o: [], [("get", {}, rij(200, anoniem=200))]),
    # readiness: the same for everyone; here no worker runs, so 503 (with the queue on disk
    # of a machine without Redis the worker check is skipped: 200)
    "gezondheid-klaar": (lambda o: [], [("get", {}, rij(KLAAR, anoniem=KLAAR))]),
    # opgaven
    "opgaven:opgave-list": (lambda o: [], [("get", {}, LEZEN)]),
    "opgaven:opgave-zoeken": (lambda o: [], [("get", {"samenhang-naar_zoek": "a"}, LEZEN)]),
    "opgaven:persoon-zoeken": (lambda o: [], [("get", {"team-user_zoek": "a"}, LEZEN)]),
    "opgaven:agenda-verplaatsen": (
        lambda o: [],
        [
            (
                "hx-post",
                lambda o: {"verplaats": f"{o.opgave.pk}:omhoog", "reden": ""},
                rij(403, bestuurder=422),
            )
        ],
    ),
    "opgaven:opgave-create": (
        lambda o: [],
        [
            ("get", {}, TOEVOEGEN_OPGAVE),
            ("post", {}, rij(403, regisseur=422, regisseur2=422, beheerder=422)),
        ],
    ),
    "opgaven:opgave-detail": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "opgaven:opgave-geschiedenis": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "opgaven:opgave-kop": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "opgaven:opgave-update": (
        lambda o: [o.opgave.pk],
        [("get", {}, BEWERKEN), ("post", {}, INVOER)],
    ),
    "opgaven:opgave-fase": (lambda o: [o.opgave.pk], [("hx-post", {}, INVOER)]),
    "opgaven:opgave-voortgang": (lambda o: [o.opgave.pk], [("hx-post", {}, INVOER)]),
    # the bestuurder decides the priority, the opgave's regisseur proposes one
    "opgaven:opgave-prioriteit": (
        lambda o: [o.opgave.pk],
        [("hx-post", {}, rij(403, **BUITEN, regisseur=422, bestuurder=422))],
    ),
    # Documents: read with the opgave, added by who may change it (an empty POST: 422).
    "opgaven:opgave-documenten": (
        lambda o: [o.opgave.pk],
        [("get", {}, LEZEN_OBJECT), ("post", {}, INVOER)],
    ),
    "opgaven:opgave-document-download": (
        lambda o: [o.opgave.pk, o.bijlage.pk],
        [("get", {}, LEZEN_OBJECT)],
    ),
    # Removing a version asks first (200, a page) for who may add; the rest 403/404.
    "opgaven:opgave-document-verwijderen": (
        lambda o: [o.opgave.pk, o.bijlage.pk],
        [("post", {}, BEWERKEN)],
    ),
    "opgaven:opgave-team": (
        lambda o: [o.opgave.pk],
        [
            ("get", {}, LEZEN_OBJECT),
            ("hx-post", {}, rij(403, **BUITEN, regisseur=422, beheerder=422)),
        ],
    ),
    "opgaven:teamlid-rol": (
        lambda o: [o.opgave.pk, o.lid.pk],
        [("hx-post", {"rol": "adviseur"}, TEAM)],
    ),
    "opgaven:teamlid-delete": (lambda o: [o.opgave.pk, o.lid.pk], [("hx-post", {}, TEAM)]),
    "opgaven:relatie-create": (lambda o: [o.opgave.pk], [("hx-post", {}, INVOER)]),
    "opgaven:relatie-delete": (
        lambda o: [o.opgave.pk, o.relatie.pk],
        [("hx-post", {}, ACTIE)],
    ),
    "opgaven:samenhang": (lambda o: [], [("get", {}, LEZEN)]),
    "opgaven:gebied-detail": (lambda o: [o.gebied.pk], [("get", {}, LEZEN)]),
    "opgaven:wie-werkt-waaraan": (lambda o: [], [("get", {}, LEZEN)]),
    "opgaven:referentielijsten": (lambda o: [], [("get", {}, BEHEER)]),
    "opgaven:domein-create": (lambda o: [], [("hx-post", {}, BEHEER_INVOER)]),
    "opgaven:domein-actief": (lambda o: [o.domein.pk], [("hx-post", {}, BEHEER)]),
    "opgaven:gebied-create": (lambda o: [], [("hx-post", {}, BEHEER_INVOER)]),
    # participatie: register
    "participatie:stakeholder-list": (lambda o: [], [("get", {}, LEZEN)]),
    "participatie:stakeholder-create": (
        lambda o: [],
        [("get", {}, REGISTER), ("post", {}, REGISTER_INVOER)],
    ),
    "participatie:gedeelde-stakeholders": (lambda o: [], [("get", {}, LEZEN)]),
    "participatie:stakeholder-import": (
        lambda o: [],
        [("get", {}, REGISTER), ("post", {}, REGISTER_INVOER)],
    ),
    "participatie:stakeholder-import-bevestigen": (
        lambda o: [],
        [("post", {}, rij(403, **dict.fromkeys(REGISTER_ROLLEN, 302)))],
    ),
    "participatie:stakeholder-detail": (lambda o: [o.stakeholder.pk], [("get", {}, LEZEN)]),
    "participatie:stakeholder-update": (lambda o: [o.stakeholder.pk], [("get", {}, REGISTER)]),
    "participatie:stakeholder-inzage": (lambda o: [o.persoon.pk], [("get", {}, BEHEER)]),
    "participatie:stakeholder-anonimiseren": (
        lambda o: [o.persoon.pk],
        [("post", {}, rij(403, beheerder=302))],
    ),
    # participatie: positie
    "participatie:positie": (lambda o: [o.opgave.pk], [("get", {}, VERTROUWELIJK)]),
    "participatie:stakeholder-zoeken": (
        lambda o: [],
        [("get", {"stakeholder_zoek": "a"}, LEZEN)],  # as the register itself
    ),
    "participatie:betrokkenheid-create": (
        lambda o: [o.opgave.pk],
        [("get", {}, BEWERKEN), ("hx-post", {}, INVOER)],
    ),
    "participatie:betrokkenheid-acties": (
        lambda o: [o.betrokkenheid.pk],
        [("hx-post", {}, INVOER)],
    ),
    "participatie:betrokkenheid-beoordelen": (
        lambda o: [o.betrokkenheid.pk],
        [("get", {}, BEWERKEN), ("post", {}, INVOER)],
    ),
    "participatie:betrokkenheid-delete": (
        lambda o: [o.betrokkenheid.pk],
        [("hx-post", {}, ACTIE)],
    ),
    # participatie: contact
    "participatie:contact": (lambda o: [o.opgave.pk], [("get", {}, VERTROUWELIJK)]),
    "participatie:contactmoment-create": (lambda o: [o.opgave.pk], [("hx-post", {}, INVOER)]),
    "participatie:vervolgactie-afronden": (
        lambda o: [o.opgave.pk, o.vervolgactie.pk],
        [("hx-post", {}, ACTIE)],
    ),
    "participatie:afspraak-create": (lambda o: [o.opgave.pk], [("hx-post", {}, INVOER)]),
    "participatie:afspraak-status": (
        lambda o: [o.opgave.pk, o.afspraak.pk],
        [("hx-post", {"status": "nagekomen"}, ACTIE)],
    ),
    # participatie: thematafels and bijeenkomsten
    "participatie:thematafel-create": (lambda o: [o.opgave.pk], [("get", {}, BEWERKEN)]),
    "participatie:thematafel-detail": (lambda o: [o.thematafel.pk], [("get", {}, LEZEN_OBJECT)]),
    "participatie:thematafel-update": (lambda o: [o.thematafel.pk], [("get", {}, BEWERKEN)]),
    "participatie:thematafel-ics": (lambda o: [o.thematafel.pk], [("get", {}, LEZEN_OBJECT)]),
    "participatie:bijeenkomst-create": (lambda o: [o.thematafel.pk], [("get", {}, BEWERKEN)]),
    "participatie:bijeenkomst-update": (lambda o: [o.bijeenkomst.pk], [("get", {}, BEWERKEN)]),
    "participatie:bijeenkomst-ics": (lambda o: [o.bijeenkomst.pk], [("get", {}, LEZEN_OBJECT)]),
    "participatie:bijeenkomst-detail": (
        lambda o: [o.bijeenkomst.pk],
        [("get", {}, LEZEN_OBJECT)],
    ),
    # Documents of a session: read with it, added by who may change the thematafel.
    "participatie:bijeenkomst-documenten": (lambda o: [o.bijeenkomst.pk], [("post", {}, INVOER)]),
    "participatie:bijeenkomst-document-download": (
        lambda o: [o.bijeenkomst.pk, o.bijeenkomst_bijlage.pk],
        [("get", {}, LEZEN_OBJECT)],
    ),
    "participatie:bijeenkomst-document-verwijderen": (
        lambda o: [o.bijeenkomst.pk, o.bijeenkomst_bijlage.pk],
        [("post", {}, BEWERKEN)],
    ),
    "participatie:bijeenkomst-aanwezigheid": (
        lambda o: [o.bijeenkomst.pk],
        [("hx-post", {}, INVOER)],
    ),
    "participatie:bijeenkomst-verslag": (lambda o: [o.bijeenkomst.pk], [("hx-post", {}, ACTIE)]),
    "participatie:inbreng-create": (lambda o: [o.bijeenkomst.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "participatie:inbreng-verwerken": (
        lambda o: [o.bijeenkomst.pk, o.inbreng.pk],
        [("hx-get", {}, BEWERKEN)],
    ),
    "participatie:inbreng-stemmen": (
        lambda o: [o.bijeenkomst.pk, o.inbreng.pk],
        [("hx-post", {}, INVOER)],
    ),
    "participatie:inbreng-terugkoppeling": (
        lambda o: [o.bijeenkomst.pk, o.inbreng.pk],
        [("hx-post", {}, INVOER)],
    ),
    "participatie:inbreng-overnemen": (
        lambda o: [o.bijeenkomst.pk, o.inbreng.pk],
        [("hx-post", {}, INVOER)],
    ),
    "participatie:inbreng-delete": (
        lambda o: [o.bijeenkomst.pk, o.inbreng.pk],
        [("hx-post", {}, ACTIE)],
    ),
    "participatie:actiepunt-create": (
        lambda o: [o.bijeenkomst.pk],
        [("hx-post", {}, CANVAS_INVOER)],
    ),
    "participatie:actiepunt-eigenaar-zoeken": (
        lambda o: [o.bijeenkomst.pk],
        [("get", {"actiepunt-eigenaar_zoek": "a"}, CANVAS)],  # who may add action points
    ),
    "participatie:actiepunt-status": (
        lambda o: [o.bijeenkomst.pk, o.actiepunt.pk],
        [("hx-post", {"status": "gereed"}, CANVAS)],
    ),
    "participatie:actiepunt-delete": (
        lambda o: [o.bijeenkomst.pk, o.actiepunt.pk],
        [("hx-post", {}, ACTIE)],
    ),
    # participatie: sprints, beleving, signalen, overzicht
    "participatie:sprint-create": (lambda o: [o.opgave.pk], [("get", {}, BEWERKEN)]),
    "participatie:sprint-detail": (lambda o: [o.sprint.pk], [("get", {}, LEZEN_OBJECT)]),
    "participatie:sprint-update": (lambda o: [o.sprint.pk], [("hx-post", {}, INVOER)]),
    "participatie:persona-create": (lambda o: [o.opgave.pk], [("get", {}, BEWERKEN)]),
    "participatie:persona-detail": (lambda o: [o.persona.pk], [("get", {}, LEZEN_OBJECT)]),
    "participatie:persona-update": (lambda o: [o.persona.pk], [("hx-post", {}, INVOER)]),
    "participatie:reisstap-create": (lambda o: [o.persona.pk], [("hx-post", {}, INVOER)]),
    "participatie:reisstap-delete": (
        lambda o: [o.persona.pk, o.stap.pk],
        [("hx-post", {}, ACTIE)],
    ),
    "participatie:signaal-list": (lambda o: [], [("get", {}, LEZEN)]),
    "participatie:signaal-create": (lambda o: [], [("get", {}, LEZEN)]),
    "participatie:signaal-detail": (
        lambda o: [o.signaal.pk],
        [("get", {}, rij(404, medewerker=200, teamlid=200, regisseur=200, beheerder=200))],
    ),
    "participatie:signaal-beantwoorden": (lambda o: [o.signaal.pk], [("hx-post", {}, SIGNAAL)]),
    "participatie:signaal-doorsturen": (lambda o: [o.signaal.pk], [("hx-post", {}, SIGNAAL)]),
    "participatie:overzicht": (lambda o: [], [("get", {}, LEZEN)]),
    "participatie:opgave-participatie": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    # the team writes the page for residents; the public site needs no account
    "participatie:publicatie": (
        lambda o: [o.opgave.pk],
        [("get", {}, BEWERKEN), ("post", {}, INVOER)],
    ),
    "participatie:meedoen": (lambda o: [], [("get", {}, rij(200, anoniem=200))]),
    "participatie:meedoen-opgave": (
        lambda o: [o.publicatie.slug],
        [("get", {}, rij(200, anoniem=200))],
    ),
    "participatie:meedoen-aanmelden": (
        lambda o: [o.publicatie.slug, o.bijeenkomst.pk],
        [("get", {}, rij(200, anoniem=200)), ("post", {}, rij(422, anoniem=422))],
    ),
    "participatie:meedoen-verstuurd": (
        lambda o: [o.publicatie.slug],
        [("get", {}, rij(200, anoniem=200))],
    ),
    # the link in the resident's mails: whoever holds it
    "participatie:meedoen-aanmelding": (
        lambda o: [aanmelden.link(o.aanmelding).rsplit("/", 2)[-2]],
        [("get", {}, rij(200, anoniem=200))],
    ),
    "participatie:meedoen-bijeenkomst-ics": (
        lambda o: [o.publicatie.slug, o.bijeenkomst.pk],
        [("get", {}, rij(200, anoniem=200))],
    ),
    "rapportages:opgave-rapportages": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    # canvas: items
    "canvas:canvas-detail": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "canvas:workshop": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    # the live stream's address under WSGI: "no stream here" for whoever may read the canvas
    "canvas:live": (lambda o: [o.opgave.pk], [("get", {}, rij(204, **BUITEN))]),
    # which block one edits: only through a stream of one's own (none here, so not found)
    "canvas:live-bewerkt": (lambda o: [o.opgave.pk], [("post", {}, rij(404))]),
    # one block, read or edited (htmx); whoever cannot change the canvas only reads it
    "canvas:canvas-blok": (
        lambda o: [o.opgave.pk, "doelgroepen"],
        [("hx-get", {"bewerken": "1"}, LEZEN_OBJECT)],
    ),
    "canvas:canvasitem-detail": (lambda o: [o.item.pk], [("get", {}, LEZEN_OBJECT)]),
    "canvas:canvasitem-update": (
        lambda o: [o.item.pk],
        [("get", {}, CANVAS), ("hx-post", {}, CANVAS_INVOER)],
    ),
    "canvas:canvasitem-verplaatsen": (
        lambda o: [o.item.pk],
        [
            (
                "hx-post",
                {"richting": "zijwaarts"},
                rij(403, **BUITEN, partner=404, teamlid=404, regisseur=404, beheerder=404),
            )
        ],
    ),
    "canvas:canvasitem-naar-blok": (lambda o: [o.item.pk], [("hx-post", {}, CANVAS_INVOER)]),
    # undo a delete: an item that was not deleted is not found
    "canvas:canvasitem-terugzetten": (
        lambda o: [o.opgave.pk, o.item.pk],
        [
            (
                "hx-post",
                {},
                rij(403, **BUITEN, partner=404, teamlid=404, regisseur=404, beheerder=404),
            )
        ],
    ),
    "canvas:canvasitem-delete": (lambda o: [o.item.pk], [("hx-post", {}, CANVAS)]),
    "canvas:canvasitem-eigenschappen": (lambda o: [o.item.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:reactie-create": (lambda o: [o.item.pk], [("hx-post", {}, CANVAS_INVOER)]),
    # only the author (the regisseur) takes a comment back
    "canvas:reactie-delete": (
        lambda o: [o.item.pk, o.reactie.pk],
        [
            (
                "hx-post",
                {},
                rij(403, **BUITEN, partner=404, teamlid=404, regisseur=200, beheerder=404),
            )
        ],
    ),
    "canvas:canvasitem-create": (
        lambda o: [o.opgave.pk, Blok.DOELGROEPEN],
        [("hx-post", {}, CANVAS_INVOER)],
    ),
    "canvas:blok-volgorde": (
        lambda o: [o.opgave.pk, o.item.blok],
        [
            (
                "hx-post",
                {"item": "niet-een-id"},
                rij(403, **BUITEN, partner=409, teamlid=409, regisseur=409, beheerder=409),
            )
        ],
    ),
    # canvas: versies and print
    "canvas:versies": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "canvas:versie-create": (lambda o: [o.opgave.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:versies-vergelijken": (
        lambda o: [o.opgave.pk],
        [("get", lambda o: {"a": o.versie.pk, "b": "huidig"}, LEZEN_OBJECT)],
    ),
    # canvas: effectketen
    "canvas:effectketen": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "canvas:schakel-create": (lambda o: [o.opgave.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:schakel-delete": (lambda o: [o.opgave.pk, o.schakel.pk], [("hx-post", {}, CANVAS)]),
    "canvas:canvasitem-soort": (
        lambda o: [o.opgave.pk, o.prestatie.pk],
        [("hx-post", {"soort": "effect"}, CANVAS)],
    ),
    # canvas: indicatoren
    "canvas:indicatoren": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "canvas:indicator-create": (lambda o: [o.opgave.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:meting-create": (lambda o: [o.opgave.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:metingen-import": (lambda o: [o.opgave.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:meting-delete": (lambda o: [o.opgave.pk, o.meting.pk], [("hx-post", {}, CANVAS)]),
    "canvas:indicator-delete": (
        lambda o: [o.opgave.pk, o.indicator.pk],
        [("hx-post", {}, CANVAS)],
    ),
    # canvas: realisatieplan
    "canvas:realisatieplan": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "canvas:planning": (lambda o: [o.activiteit.pk], [("get", {}, CANVAS)]),
    "canvas:uitvoering-opslaan": (lambda o: [o.activiteit.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:mijlpaal-create": (lambda o: [o.activiteit.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:mijlpaal-behaald": (
        lambda o: [o.activiteit.pk, o.mijlpaal.pk],
        [("hx-post", {"behaald": "ja"}, CANVAS)],
    ),
    "canvas:mijlpaal-delete": (
        lambda o: [o.activiteit.pk, o.mijlpaal.pk],
        [("hx-post", {}, CANVAS)],
    ),
    # canvas: begroting
    "canvas:begroting": (lambda o: [o.opgave.pk], [("get", {}, LEZEN_OBJECT)]),
    "canvas:financier-create": (lambda o: [o.opgave.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:begrotingsregel-opslaan": (lambda o: [o.opgave.pk], [("hx-post", {}, CANVAS_INVOER)]),
    "canvas:begrotingsregel-delete": (
        lambda o: [o.opgave.pk, o.regel.pk],
        [("hx-post", {}, CANVAS)],
    ),
    # rapportages
    "rapportages:rapportage-list": (lambda o: [], [("get", {}, IEDEREEN)]),
    "rapportages:rapportage-create": (
        lambda o: [],
        [
            (
                "post",
                lambda o: {"opgave": o.opgave.pk},
                rij(403, **BUITEN, teamlid=302, regisseur=302, beheerder=302),
            ),
            ("post", {"opgave": "alle"}, rij(403, regisseur=302, regisseur2=302, beheerder=302)),
        ],
    ),
    "rapportages:rapportage-detail": (lambda o: [o.rapportage.pk], [("get", {}, EIGEN_RAPPORTAGE)]),
    "rapportages:rapportage-download": (lambda o: [o.klaar.pk], [("get", {}, EIGEN_RAPPORTAGE)]),
    "rapportages:rapportage-lezen": (lambda o: [o.klaar.pk], [("get", {}, EIGEN_RAPPORTAGE)]),
    "rapportages:rapportage-lezen-deel": (
        lambda o: [o.klaar.pk, f"opgave-{o.opgave.pk}"],
        [("get", {}, EIGEN_RAPPORTAGE)],
    ),
    # vaststellen: the portefeuillehouder of the opgave (here refused on the checksum)
    "rapportages:rapportage-vaststellen": (
        lambda o: [o.klaar.pk],
        [
            # First what she is about to fix, then the decision.
            ("get", {}, rij(404, teamlid=403, regisseur=403, beheerder=403, bestuurder=200)),
            ("post", {}, rij(404, teamlid=403, regisseur=403, beheerder=403, bestuurder=302)),
        ],
    ),
    "rapportages:kalender": (lambda o: [], [("get", {}, LEZEN)]),
    "rapportages:pcmoment-create": (lambda o: [], [("hx-post", {}, BEHEER_INVOER)]),
    "rapportages:moment-detail": (lambda o: [o.moment.pk], [("get", {}, LEZEN)]),
    "rapportages:bijdrage": (lambda o: [o.moment.pk, o.opgave.pk], [("get", {}, LEZEN)]),
    "rapportages:bijdrage-opslaan": (
        lambda o: [o.moment.pk, o.opgave.pk],
        [("post", {}, rij(403, teamlid=422, regisseur=422, beheerder=422))],
    ),
    "rapportages:bijdrage-documenten": (
        lambda o: [o.moment.pk, o.opgave.pk],
        [("post", {}, rij(403, teamlid=422, regisseur=422, beheerder=422))],
    ),
    "rapportages:bijdrage-document-download": (
        lambda o: [o.moment.pk, o.opgave.pk, o.bijdrage_bijlage.pk],
        [("get", {}, LEZEN)],
    ),
    "rapportages:bijdrage-document-verwijderen": (
        lambda o: [o.moment.pk, o.opgave.pk, o.bijdrage_bijlage.pk],
        [("post", {}, rij(403, teamlid=200, regisseur=200, beheerder=200))],
    ),
    # the bijdrage is a concept: the regisseur approves it; for the bestuurder it is too
    # early (409), and a concept has nothing to reopen (422)
    "rapportages:bijdrage-ambtelijk-akkoord": (
        lambda o: [o.moment.pk, o.opgave.pk],
        [("post", {"versie": 1}, rij(403, **BUITEN, regisseur=302))],
    ),
    "rapportages:bijdrage-bestuurlijk-akkoord": (
        lambda o: [o.moment.pk, o.opgave.pk],
        [("post", {"versie": 1}, rij(403, **BUITEN, bestuurder=409))],
    ),
    "rapportages:bijdrage-heropenen": (
        lambda o: [o.moment.pk, o.opgave.pk],
        [("post", {"heropenen-reden": "r"}, rij(403, **BUITEN, bestuurder=422, beheerder=422))],
    ),
    "rapportages:export-create": (
        lambda o: [],
        [
            (
                "post",
                {"soort": "opgaven", "formaat": "csv"},
                rij(302, raadslid=403, partner=403, partner_ander=403),
            )
        ],
    ),
    "rapportages:export-detail": (lambda o: [o.export.pk], [("get", {}, EIGEN_EXPORT)]),
    "rapportages:export-download": (lambda o: [o.export.pk], [("get", {}, EIGEN_EXPORT)]),
    # documents: whoever may read the page they come from
    "rapportages:document-canvas": (
        lambda o: [o.opgave.pk],
        [
            ("post", {}, rij(302, **BUITEN)),
            ("post", lambda o: {"versie": o.versie.pk}, rij(302, **BUITEN)),
        ],
    ),
    "rapportages:document-terugkoppeling": (
        lambda o: [o.thematafel.pk],
        [("post", {}, rij(302, **BUITEN))],
    ),
    "rapportages:document-detail": (lambda o: [o.canvasdocument.pk], [("get", {}, LEZEN_OBJECT)]),
    "rapportages:document-download": (
        lambda o: [o.terugkoppelingdocument.pk],
        [("get", {}, LEZEN_OBJECT)],
    ),
    # moties en toezeggingen: public council business, read by everyone who logs in; the
    # beheerder registers them, the team of an opgave they concern reports the stand.
    "rapportages:motie-list": (lambda o: [], [("get", {}, IEDEREEN)]),
    "rapportages:motie-detail": (lambda o: [o.motie.pk], [("get", {}, IEDEREEN)]),
    "rapportages:motie-create": (lambda o: [], [("get", {}, BEHEER), ("post", {}, BEHEER_INVOER)]),
    "rapportages:motie-update": (
        lambda o: [o.motie.pk],
        [("get", {}, BEHEER), ("post", {}, BEHEER_INVOER)],
    ),
    "rapportages:motie-documenten": (lambda o: [o.motie.pk], [("post", {}, MOTIE_TEAM_INVOER)]),
    "rapportages:motie-document-download": (
        lambda o: [o.motie.pk, o.motie_bijlage.pk],
        [("get", {}, IEDEREEN)],
    ),
    "rapportages:motie-document-verwijderen": (
        lambda o: [o.motie.pk, o.motie_bijlage.pk],
        [("post", {}, MOTIE_TEAM)],
    ),
    "rapportages:moties-import": (lambda o: [], [("post", {}, BEHEER_INVOER)]),
    "rapportages:motie-stand": (
        lambda o: [o.motie.pk],
        [
            ("hx-post", {"stand-status": "afgedaan"}, MOTIE_TEAM_INVOER),
            ("hx-post", {"stand-status": "in_behandeling"}, MOTIE_TEAM),
        ],
    ),
}


def test_the_matrix_knows_every_route():
    routes = {name for name, _pattern in named_urls()}
    assert sorted(routes - set(MATRIX)) == [], "routes without a row in the matrix"
    assert sorted(set(MATRIX) - routes) == [], "rows for routes that do not exist"


def _vraag(client, methode: str, url: str, data: dict):
    """One request, undone afterwards (data and cookies): every role meets the same state."""
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        if methode in ("hx-post", "hx-get"):
            stuur = client.post if methode == "hx-post" else client.get
            response = stuur(url, data, headers={"HX-Request": "true"})
        else:
            response = getattr(client, methode)(url, data)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def _klopt(response, verwacht) -> bool:
    if verwacht == LOGIN:
        login = reverse(settings.LOGIN_URL)
        return response.status_code == 302 and response["Location"].startswith(f"{login}?next=")
    return response.status_code == verwacht


# The matrix in four parts of about the same size (a minute in all): parallel test
# processes share it.
DELEN = {
    "participatie": {"participatie"},
    "rapportages": {"rapportages"},
    "accounts, api en site": {"accounts", "api", ""},
    "opgaven en canvas": {"opgaven", "canvas"},
}


def _app(naam: str) -> str:
    return naam.rpartition(":")[0]


def test_the_parts_of_the_matrix_hold_every_route():
    assert {_app(naam) for naam in MATRIX} == set().union(*DELEN.values())


@pytest.mark.parametrize("deel", DELEN)
def test_role_url_matrix(users, opgave, andere_opgave, deel):
    objecten = _objecten(users, opgave, andere_opgave)
    clients = {rol: client_for(None if rol == "anoniem" else users[rol]) for rol in ROLLEN}
    failures = []
    for naam, (args, gevallen) in MATRIX.items():
        if _app(naam) not in DELEN[deel]:
            continue
        url = reverse(naam, args=args(objecten))
        for methode, data, verwacht in gevallen:
            data = data(objecten) if callable(data) else data
            for rol, status in zip(ROLLEN, verwacht, strict=True):
                response = _vraag(clients[rol], methode, url, data)
                if not _klopt(response, status):
                    failures.append(
                        f"{rol} {methode} {naam}: {response.status_code}, verwacht {status}"
                    )
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("rol", ["raadslid", "medewerker", "teamlid_ander", "regisseur2"])
def test_no_one_outside_the_team_can_change_anything(users, opgave, rol):
    item = CanvasItemFactory(opgave=opgave, tekst="Oorspronkelijk")
    client = client_for(users[rol])
    posts = [
        (reverse("opgaven:opgave-update", args=[opgave.pk]), {"titel": "Gekaapt"}),
        (
            reverse("canvas:canvasitem-update", args=[item.pk]),
            {f"item-{item.pk}-tekst": "x", f"item-{item.pk}-versie": 1},
        ),
        (reverse("canvas:canvasitem-delete", args=[item.pk]), {}),
        (reverse("participatie:betrokkenheid-create", args=[opgave.pk]), {"nieuwe_naam": "x"}),
        (reverse("rapportages:rapportage-create"), {"opgave": opgave.pk}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (403, 404), url
    opgave.refresh_from_db()
    item.refresh_from_db()
    assert opgave.titel != "Gekaapt"
    assert item.tekst == "Oorspronkelijk"
    assert not Rapportage.objects.exists()


def test_teamlid_of_another_opgave_sees_no_edit_controls(users, opgave):
    CanvasItemFactory(opgave=opgave)
    client = client_for(users["teamlid_ander"])
    hub = client.get(reverse("opgaven:opgave-detail", args=[opgave.pk])).content.decode()
    assert "Opgave bewerken" not in hub
    assert "Stakeholder toevoegen" not in hub
    assert "Rapportage maken" not in hub
    canvas = client.get(reverse("canvas:canvas-detail", args=[opgave.pk])).content.decode()
    assert "Bewerken" not in canvas
    assert "Toevoegen" not in canvas


def test_raadslid_cannot_make_a_report_of_all_opgaven(users):
    response = client_for(users["raadslid"]).post(
        reverse("rapportages:rapportage-create"), {"opgave": "alle"}
    )
    assert response.status_code == 403
    assert not Rapportage.objects.exists()


def test_every_rule_says_why_it_refuses():
    from rules.permissions import permissions

    from core.http import reden_van

    eigen = [p for p in permissions if p.split(".")[0] in settings.INSTALLED_APPS]
    assert len(eigen) > 30
    assert [p for p in eigen if not reden_van(p)] == [], "rules without a reason"


def test_a_refusal_says_why_in_dutch(users, opgave):
    item = CanvasItemFactory(opgave=opgave)
    response = client_for(users["medewerker"]).get(
        reverse("canvas:canvasitem-update", args=[item.pk])
    )
    assert response.status_code == 403
    assert "Alleen het opgaveteam (met de partners daarin) bewerkt het canvas" in response.text
