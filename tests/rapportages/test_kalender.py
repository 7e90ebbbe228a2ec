"""P&C calendar: moments, contributions per opgave (prefilled, two writers, vaststellen),
and the programme report for a moment."""

import datetime
import logging
import subprocess
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.urls import reverse
from django.utils.html import escape

from canvas.models import Begrotingsregel, Blok, Financier, FinancierSoort
from opgaven.models import Opgave
from rapportages import bijdragen
from rapportages.models import Bijdrage, BijdrageStatus, MomentSoort, PcMoment
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import beveiligingslog, client_for, tel_queries
from tests.opgaven.factories import OpgaveFactory

D = datetime.date
LOG = "opgavenregie.security"


def _stappen_in_log(caplog) -> list[str]:
    acties = [e["action"] for e in beveiligingslog(caplog)]
    return [a for a in acties if a in ("ambtelijk_akkoord", "bestuurlijk_akkoord", "heropenen")]


@pytest.fixture
def moment(db):
    return PcMoment.objects.create(soort=MomentSoort.BEGROTING, jaar=2027, deadline=D(2026, 9, 15))


def _url(moment, opgave):
    return reverse("rapportages:bijdrage", args=[moment.pk, opgave.pk])


def _post(client, moment, opgave, versie, **velden):
    data = {
        "bijdrage-bereiken": "Elke kern een ontmoetingsplek.",
        "bijdrage-doen": "Opgavesprints per kern.",
        "bijdrage-kosten": "€ 300.000",
        "bijdrage-versie": versie,
    } | {f"bijdrage-{k}": v for k, v in velden.items()}
    return client.post(reverse("rapportages:bijdrage-opslaan", args=[moment.pk, opgave.pk]), data)


def test_draft_comes_from_canvas_indicators_and_budget(opgave, moment):
    CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN, tekst="Elke kern een plek")
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Sprints")
    gemeente = Financier.objects.create(
        opgave=opgave, naam="Gemeente", soort=FinancierSoort.GEMEENTE
    )
    rijk = Financier.objects.create(opgave=opgave, naam="Rijk", soort=FinancierSoort.RIJK)
    for financier, bedrag, jaar in [
        (gemeente, "1234.56", 2027),
        (rijk, "1000", 2027),
        (rijk, "5", 2028),
    ]:
        Begrotingsregel.objects.create(
            opgave=opgave,
            jaar=jaar,
            activiteit=activiteit,
            financier=financier,
            begroot=Decimal(bedrag),
        )
    voorstel = bijdragen.voorstel(opgave, moment)
    assert "- Elke kern een plek" in voorstel.bereiken
    assert "- Sprints" in voorstel.doen
    som = Begrotingsregel.objects.filter(opgave=opgave, jaar=2027).aggregate(s=Sum("begroot"))["s"]
    assert som == Decimal("2234.56")
    assert "Begroot 2027: €\u00a02.234,56" in voorstel.kosten
    assert "Gemeente: €\u00a01.234,56 (55,2\u00a0%)" in voorstel.kosten
    leeg = bijdragen.voorstel(OpgaveFactory(), moment)
    assert leeg.kosten == "Voor 2027 staan nog geen begrotingsregels in het canvas."


def test_write_then_a_stale_save_is_shown_not_lost(users, opgave, moment):
    regisseur, teamlid = client_for(users["regisseur"]), client_for(users["teamlid"])
    pagina = regisseur.get(_url(moment, opgave))
    assert pagina.status_code == 200
    assert "Dit is een voorstel uit het canvas" in pagina.content.decode()
    assert (
        _post(regisseur, moment, opgave, 0, bereiken="Versie van de regisseur").status_code == 302
    )
    assert _post(teamlid, moment, opgave, 1, doen="Doen volgens het teamlid").status_code == 302
    # The regisseur still had version 1 open.
    response = _post(regisseur, moment, opgave, 1, doen="<b>Doen</b> volgens de regisseur")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft deze bijdrage intussen opgeslagen." in html
    assert "Doen volgens het teamlid" in html
    assert escape("<b>Doen</b> volgens de regisseur") in html
    assert 'value="2"' in html
    bijdrage = Bijdrage.objects.get()
    assert (bijdrage.doen, bijdrage.versie) == ("Doen volgens het teamlid", 2)
    # Two people creating it at once: the second is a conflict too, never a second row.
    ander = OpgaveFactory(opgaveregisseur=users["regisseur"])
    assert _post(regisseur, moment, ander, 0).status_code == 302
    assert _post(regisseur, moment, ander, 0).status_code == 409
    assert Bijdrage.objects.filter(opgave=ander).count() == 1


def _stap(client, moment, opgave, stap, **data):
    url = reverse(f"rapportages:bijdrage-{stap}", args=[moment.pk, opgave.pk])
    return client.post(url, data)


def test_regisseur_then_portefeuillehouder_give_akkoord_and_then_it_is_locked(
    users, opgave, moment, caplog
):
    from accounts.models import User

    caplog.set_level(logging.INFO, logger=LOG)
    regisseur, bestuurder = client_for(users["regisseur"]), client_for(users["bestuurder"])
    teamlid, beheerder = client_for(users["teamlid"]), client_for(users["beheerder"])
    opgave.portefeuillehouder = users["bestuurder"]
    opgave.save()
    assert _post(teamlid, moment, opgave, 0).status_code == 302
    # Not the team, not the beheerder, not the bestuurder before the regisseur.
    assert _stap(teamlid, moment, opgave, "ambtelijk-akkoord", versie=1).status_code == 403
    assert _stap(beheerder, moment, opgave, "ambtelijk-akkoord", versie=1).status_code == 403
    te_vroeg = _stap(bestuurder, moment, opgave, "bestuurlijk-akkoord", versie=1)
    assert te_vroeg.status_code == 409
    # An akkoord on a version that is no longer the one saved: refused, nothing changes.
    assert _stap(regisseur, moment, opgave, "ambtelijk-akkoord", versie=7).status_code == 409
    assert Bijdrage.objects.get().status == BijdrageStatus.CONCEPT
    assert _stap(regisseur, moment, opgave, "ambtelijk-akkoord", versie=1).status_code == 302
    bijdrage = Bijdrage.objects.get()
    assert (bijdrage.status, bijdrage.ambtelijk_akkoord_door) == (
        "ambtelijk_akkoord",
        users["regisseur"],
    )
    # Another bestuurder (not this portefeuille, not "alle") may not.
    ander = User.objects.create(username="wethouder2", rol="bestuurder")
    assert (
        _stap(client_for(ander), moment, opgave, "bestuurlijk-akkoord", versie=1).status_code == 403
    )
    assert _stap(bestuurder, moment, opgave, "bestuurlijk-akkoord", versie=1).status_code == 302
    bijdrage.refresh_from_db()
    assert bijdrage.status == BijdrageStatus.BESTUURLIJK_AKKOORD
    assert bijdrage.bestuurlijk_akkoord_door == users["bestuurder"]
    # Locked: the team's save changes nothing.
    assert _post(regisseur, moment, opgave, 1, bereiken="Toch iets anders").status_code == 302
    bijdrage.refresh_from_db()
    assert bijdrage.bereiken == "Elke kern een ontmoetingsplek."
    pagina = regisseur.get(_url(moment, opgave)).text
    assert "verandert niet meer" in pagina and "<textarea" not in pagina
    assert "gegeven door" in pagina
    # Reopening needs a reason; then it is a concept without approvals, reason kept.
    assert (
        _stap(beheerder, moment, opgave, "heropenen", **{"heropenen-reden": ""}).status_code == 422
    )
    reden = "De raad vroeg om een nieuwe raming."
    assert (
        _stap(beheerder, moment, opgave, "heropenen", **{"heropenen-reden": reden}).status_code
        == 302
    )
    bijdrage.refresh_from_db()
    assert (bijdrage.status, bijdrage.heropend_om) == ("concept", reden)
    assert bijdrage.bestuurlijk_akkoord_door is None
    assert _stappen_in_log(caplog) == ["ambtelijk_akkoord", "bestuurlijk_akkoord", "heropenen"]


def test_new_texts_after_ambtelijk_akkoord_make_it_a_concept_again(users, opgave, moment):
    regisseur = client_for(users["regisseur"])
    _post(regisseur, moment, opgave, 0)
    _stap(regisseur, moment, opgave, "ambtelijk-akkoord", versie=1)
    _post(regisseur, moment, opgave, 1, bereiken="Beter geformuleerd")
    bijdrage = Bijdrage.objects.get()
    assert (bijdrage.status, bijdrage.versie) == (BijdrageStatus.CONCEPT, 2)
    assert bijdrage.ambtelijk_akkoord_door is None


def test_calendar_moments_are_added_by_the_beheerder_once(users, moment):
    url = reverse("rapportages:kalender")
    nieuw = reverse("rapportages:pcmoment-create")
    data = {"moment-soort": "begroting", "moment-jaar": "2027", "moment-deadline": "2026-09-15"}
    assert client_for(users["regisseur"]).post(nieuw, data).status_code == 403
    assert client_for(users["raadslid"]).get(url).status_code == 403
    beheerder = client_for(users["beheerder"])
    response = beheerder.post(nieuw, data)
    assert response.status_code == 422
    assert "Dit moment staat al in de kalender." in response.content.decode()
    response = beheerder.post(nieuw, data | {"moment-soort": "berap1", "moment-jaar": "2026"})
    assert response.status_code == 302
    pagina = beheerder.get(url).content.decode()
    assert "Eerste bestuursrapportage 2026" in pagina and "Begroting 2027" in pagina


def test_moment_page_queries_do_not_grow(users, moment):
    client = client_for(users["medewerker"])
    url = reverse("rapportages:moment-detail", args=[moment.pk])

    def vul(n):
        for _ in range(n):
            o = OpgaveFactory()
            Bijdrage.objects.create(moment=moment, opgave=o, bijgewerkt_door=users["regisseur"])

    vul(2)
    weinig = tel_queries(client, url)
    vul(20)
    assert tel_queries(client, url) == weinig
    # Unfiltered, the stand reuses the page's count of the opgaven: one count fewer.
    assert tel_queries(client, f"{url}?status=concept") == weinig + 1


def test_the_moment_page_shows_the_stand_and_fifty_opgaven_a_page(users, moment):
    """At scale: the page listed every opgave (3,014 rows, 1.3 MB at scale). Now the stand per
    status, a filter on it, and fifty a page."""
    for i in range(51):
        OpgaveFactory(titel=f"Opgave {i:02d}", rang=i + 1)
    klaar = OpgaveFactory(titel="Klaar", rang=0)
    Bijdrage.objects.create(moment=moment, opgave=klaar, status=BijdrageStatus.AMBTELIJK_AKKOORD)
    client = client_for(users["medewerker"])
    url = reverse("rapportages:moment-detail", args=[moment.pk])

    pagina = client.get(url).text
    assert pagina.count('<tr class="utrecht-table__row" id="opgave-') == 50
    alle = Opgave.objects.count()  # 52 and those of the users fixture
    assert f"Alle opgaven: {alle}" in pagina and f"Nog niet geschreven: {alle - 1}" in pagina
    assert "Ambtelijk akkoord: 1" in pagina and "Concept: 0" in pagina
    tweede = client.get(url, {"pagina": 2}).text
    assert tweede.count('id="opgave-') == alle - 50 and "Opgave 00" not in tweede
    akkoord = client.get(url, {"status": "ambtelijk_akkoord"}).text
    assert f'id="opgave-{klaar.pk}"' in akkoord and akkoord.count('id="opgave-') == 1
    assert '<strong aria-current="true">Ambtelijk akkoord: 1</strong>' in akkoord
    geen = client.get(url, {"status": "geen", "pagina": 2}).text
    assert geen.count('id="opgave-') == alle - 51 and "status=geen&amp;pagina=1" in geen
    assert f'id="opgave-{klaar.pk}"' not in client.get(url, {"status": "geen"}).text
    for vreemd in ({"status": "<script>"}, {"pagina": "abc"}, {"status": "concept"}):
        response = client.get(url, vreemd)
        assert response.status_code == 200 and "<script>" not in response.text


def _pdftekst(pad) -> str:
    return subprocess.run(
        ["pdftotext", str(pad), "-"], capture_output=True, check=True
    ).stdout.decode()


def test_report_for_a_moment_uses_the_contributions(users, opgave, andere_opgave, moment, tmp_path):
    Bijdrage.objects.create(
        moment=moment,
        opgave=opgave,
        bereiken="Een plek in elke kern",
        doen="Acht dorpshuizen",
        kosten="Begroot 2027: € 300.000,00",
        status=BijdrageStatus.BESTUURLIJK_AKKOORD,
    )
    CanvasItemFactory(opgave=andere_opgave, tekst="Doel zonder bijdrage")
    uit = tmp_path / "begroting.pdf"
    call_command("rapportage", opgave="alle", output=str(uit), moment="begroting-2027")
    tekst = " ".join(_pdftekst(uit).split())
    assert "Programmarapportage Begroting 2027 · alle opgaven" in tekst
    assert "Bijdrage aan Begroting 2027: bestuurlijk akkoord." in tekst
    assert "Een plek in elke kern" in tekst and "Acht dorpshuizen" in tekst
    assert "Nog geen bijdrage aan Begroting 2027" in tekst
    assert "Doel zonder bijdrage" in tekst


@pytest.mark.parametrize("waarde", ["begroting-1999", "zomernota-2027", "999999", "x"])
def test_command_explains_an_unknown_moment(moment, tmp_path, waarde):
    with pytest.raises(CommandError, match=r"Geen P&C-moment .* Bekend: begroting-2027"):
        call_command("rapportage", opgave="alle", output=str(tmp_path / "x.pdf"), moment=waarde)


@pytest.mark.parametrize("waarde", ["abc", "99999999999999999999", "-1"])
def test_report_request_with_a_bad_moment_is_404(users, waarde):
    response = client_for(users["beheerder"]).post(
        reverse("rapportages:rapportage-create"), {"opgave": "alle", "moment": waarde}
    )
    assert response.status_code == 404


def test_a_week_before_the_deadline_the_report_is_drafted_once(
    users, moment, django_capture_on_commit_callbacks
):
    from rapportages import services
    from rapportages.models import Rapportage

    later = PcMoment.objects.create(soort="berap2", jaar=2026, deadline=D(2026, 10, 15))
    with django_capture_on_commit_callbacks(execute=False):
        assert services.concept_rapportages_klaarzetten(D(2026, 9, 7)) == 0  # 8 days before
        assert services.concept_rapportages_klaarzetten(D(2026, 9, 8)) == 1
        assert services.concept_rapportages_klaarzetten(D(2026, 9, 10)) == 0  # already drafted
        assert services.concept_rapportages_klaarzetten(D(2026, 9, 16)) == 0  # deadline passed
    (concept,) = Rapportage.objects.all()
    assert (concept.moment, concept.opgave, concept.aangevraagd_door) == (
        moment,
        None,
        users["beheerder"],
    )
    assert concept.titel == "Programmarapportage Begroting 2027 · alle opgaven"
    # Without an active beheerder nothing is drafted; with one, the next moment is.
    users["beheerder"].is_active = False
    users["beheerder"].save()
    with django_capture_on_commit_callbacks(execute=False):
        assert services.concept_rapportages_klaarzetten(D(2026, 10, 10)) == 0
        users["beheerder"].is_active = True
        users["beheerder"].save()
        assert services.concept_rapportages_klaarzetten(D(2026, 10, 10)) == 1
    assert Rapportage.objects.filter(moment=later).count() == 1
