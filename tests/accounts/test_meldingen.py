"""Meldingen: each kind fires once for its event, to the right person with the right link;
preferences are respected; mail goes over a real SMTP server, at once or bundled, never
twice however often the jobs run."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from accounts import meldingen
from accounts.models import Frequentie, Melding, Meldingsoort, Meldingvoorkeur, Rol
from participatie import meldingen as participatie_meldingen
from participatie.models import Afspraak, Contactmoment, Signaal, Vervolgactie
from rapportages import meldingen as rapportage_meldingen
from rapportages.models import Bijdrage, BijdrageStatus, MomentSoort, PcMoment, Rapportage, Status
from tests.accounts.factories import UserFactory
from tests.conftest import beveiligingslog, client_for
from tests.participatie.factories import (
    ActiepuntFactory,
    BijeenkomstFactory,
    InbrengFactory,
    StakeholderFactory,
    ThematafelFactory,
)

VANDAAG = timezone.localdate()
LINK = re.compile(r"http://testserver/\S+")


def dag(n: int) -> datetime.date:
    return VANDAAG + datetime.timedelta(days=n)


def van(user) -> list[tuple[str, str]]:
    return list(Melding.objects.filter(ontvanger=user).values_list("soort", "link"))


def test_team_added_and_removed_tells_the_person_once_with_a_link_to_the_team(users, opgave):
    nieuw = UserFactory(username="nieuw_lid", rol=Rol.TEAMLID)
    regisseur = client_for(users["regisseur"])
    url = reverse("opgaven:opgave-team", args=[opgave.pk])
    assert regisseur.post(url, {"team-user": nieuw.pk, "team-rol": "kernteam"}).status_code == 302
    team = reverse("opgaven:opgave-team", args=[opgave.pk])
    assert van(nieuw) == [(Meldingsoort.TEAM, team)]
    [melding] = Melding.objects.filter(ontvanger=nieuw)
    assert "heeft u toegevoegd aan het team van" in melding.tekst
    assert opgave.titel[:40] in melding.tekst
    lid = opgave.teamlidmaatschap_set.get(user=nieuw)
    weg = reverse("opgaven:teamlid-delete", args=[opgave.pk, lid.pk])
    assert regisseur.post(weg).status_code == 302
    assert sorted(s for s, _l in van(nieuw)) == [Meldingsoort.TEAM, Meldingsoort.TEAM]
    assert Melding.objects.filter(ontvanger=nieuw, tekst__contains="uit het team").count() == 1
    # Adding oneself tells nobody; no one else was told anything.
    assert Melding.objects.exclude(ontvanger=nieuw).count() == 0


def test_team_changes_from_a_persons_page_tell_and_log_as_from_the_team_page(users, opgave, caplog):
    """The beheerder puts someone on a team from their page in Beheer: the same service as
    the opgave's team page (before, this path sent no melding)."""
    nieuw = UserFactory(username="via_beheer", rol=Rol.TEAMLID)
    beheerder = client_for(users["beheerder"])
    url = reverse("opgaven:persoon-team-create", args=[nieuw.pk])
    data = {"team-opgave": opgave.pk, "team-rol": "adviseur"}
    assert beheerder.post(url, data, headers={"HX-Request": "true"}).status_code == 200
    assert van(nieuw) == [(Meldingsoort.TEAM, reverse("opgaven:opgave-team", args=[opgave.pk]))]
    lid = opgave.teamlidmaatschap_set.get(user=nieuw)
    weg = reverse("opgaven:persoon-team-delete", args=[nieuw.pk, lid.pk])
    assert beheerder.post(weg, headers={"HX-Request": "true"}).status_code == 200
    assert Melding.objects.filter(ontvanger=nieuw, tekst__contains="uit het team").count() == 1
    acties = [(e["action"], e["object"], e["user"]) for e in beveiligingslog(caplog)]
    kenmerk = lid.logkenmerk
    assert ("team_toevoegen", kenmerk, "beheerder") in acties
    assert ("team_verwijderen", kenmerk, "beheerder") in acties


def test_a_signal_tells_the_regisseur_and_forwarding_tells_the_next(users, opgave, andere_opgave):
    medewerker = client_for(users["medewerker"])
    data = {"opgave": opgave.pk, "titel": "Regels botsen", "beschrijving": "In de praktijk..."}
    assert medewerker.post(reverse("participatie:signaal-create"), data).status_code == 302
    signaal = Signaal.objects.get()
    assert van(users["regisseur"]) == [(Meldingsoort.SIGNAAL, signaal.get_absolute_url())]
    assert van(users["medewerker"]) == []
    url = reverse("participatie:signaal-doorsturen", args=[signaal.pk])
    regisseur = client_for(users["regisseur"])
    assert regisseur.post(url, {"doorsturen-opgave": andere_opgave.pk}).status_code == 302
    assert van(users["regisseur2"]) == [(Meldingsoort.SIGNAAL, signaal.get_absolute_url())]


def test_a_signal_waiting_a_week_reminds_the_regisseur_once(users, opgave):
    medewerker = client_for(users["medewerker"])
    for titel in ("Oud", "Jong", "Beantwoord"):
        data = {"opgave": opgave.pk, "titel": titel, "beschrijving": "In de praktijk..."}
        assert medewerker.post(reverse("participatie:signaal-create"), data).status_code == 302
    week_geleden = timezone.now() - datetime.timedelta(days=8)
    Signaal.objects.exclude(titel="Jong").update(created_at=week_geleden)
    Signaal.objects.filter(titel="Beantwoord").update(status="beantwoord", antwoord="Opgepakt")
    Melding.objects.all().delete()  # the ones told on arrival
    participatie_meldingen.zoeken()
    participatie_meldingen.zoeken()
    oud = Signaal.objects.get(titel="Oud")
    meldingen_regisseur = Melding.objects.filter(ontvanger=users["regisseur"])
    assert [(m.soort, m.link) for m in meldingen_regisseur] == [
        (Meldingsoort.SIGNAAL, oud.get_absolute_url())
    ]
    assert "wacht al meer dan 7 dagen op antwoord: Oud" in meldingen_regisseur.get().tekst


def test_deadlines_are_told_once_before_and_once_when_late_however_often_the_search_runs(
    users, opgave
):
    eigenaar = users["teamlid"]
    stakeholder = StakeholderFactory()
    afspraak = Afspraak.objects.create(
        opgave=opgave,
        omschrijving="Ruimte beschikbaar",
        ontvanger=stakeholder,
        eigenaar=eigenaar,
        deadline=dag(3),
    )
    later = Afspraak.objects.create(
        opgave=opgave,
        omschrijving="Later",
        ontvanger=stakeholder,
        eigenaar=eigenaar,
        deadline=dag(4),
    )
    contact = Contactmoment.objects.create(
        opgave=opgave, datum=VANDAAG, soort="gesprek", samenvatting="x"
    )
    vervolg = Vervolgactie.objects.create(
        contactmoment=contact, omschrijving="Terugbellen", eigenaar=eigenaar, deadline=dag(-1)
    )
    actiepunt = ActiepuntFactory(eigenaar=users["regisseur"], deadline=dag(1))
    klaar = ActiepuntFactory(eigenaar=users["regisseur"], deadline=dag(-5), status="gereed")

    participatie_meldingen.zoeken()
    participatie_meldingen.zoeken()
    contact_url = reverse("participatie:contact", args=[opgave.pk])
    assert sorted(van(eigenaar)) == [
        (Meldingsoort.TERMIJN, f"{contact_url}#afspraken"),
        (Meldingsoort.TERMIJN, f"{contact_url}#contactmomenten"),
    ]
    tekst = Melding.objects.get(ontvanger=eigenaar, link__endswith="#contactmomenten").tekst
    assert tekst.startswith("Vervolgactie te laat (uiterlijk ")
    assert tekst.endswith(f" {dag(-1).year}): Terugbellen")
    bijeenkomst = reverse("participatie:bijeenkomst-detail", args=[actiepunt.bijeenkomst_id])
    assert van(users["regisseur"]) == [(Meldingsoort.TERMIJN, f"{bijeenkomst}#actiepunten")]
    assert klaar.pk and later.pk and vervolg.pk

    # Four days later the afspraak is late: told once more; moved deadline: told again.
    participatie_meldingen.zoeken(dag(4))
    participatie_meldingen.zoeken(dag(4))
    sleutels = set(Melding.objects.filter(ontvanger=eigenaar).values_list("sleutel", flat=True))
    assert f"afspraak:{afspraak.pk}:te-laat:{dag(3)}" in sleutels
    assert f"afspraak:{later.pk}:binnenkort:{dag(4)}" in sleutels
    Afspraak.objects.filter(pk=afspraak.pk).update(deadline=dag(6))
    participatie_meldingen.zoeken(dag(4))
    assert Melding.objects.filter(sleutel=f"afspraak:{afspraak.pk}:binnenkort:{dag(6)}").exists()
    assert Melding.objects.filter(ontvanger=eigenaar).count() == 5


def test_inbreng_waiting_14_days_tells_the_gespreksleider_once(users, opgave):
    leider = users["teamlid"]
    tafel = ThematafelFactory(opgaven=[opgave], gespreksleider=leider)
    oud = InbrengFactory(bijeenkomst__thematafel=tafel)
    vers = InbrengFactory(bijeenkomst__thematafel=ThematafelFactory(opgaven=[opgave]))
    Melding.objects.all().delete()
    participatie_meldingen.zoeken()
    assert van(leider) == []  # not yet 14 days
    type(oud).objects.filter(pk=oud.pk).update(created_at=timezone.now() - datetime.timedelta(15))
    participatie_meldingen.zoeken()
    participatie_meldingen.zoeken()
    link = reverse("participatie:bijeenkomst-detail", args=[oud.bijeenkomst_id]) + "#inbreng"
    assert van(leider) == [(Meldingsoort.TERUGKOPPELING, link)]
    # Without a gespreksleider, the regisseurs of the opgaven hear of it.
    type(vers).objects.filter(pk=vers.pk).update(created_at=timezone.now() - datetime.timedelta(20))
    participatie_meldingen.zoeken()
    assert [s for s, _l in van(users["regisseur"])] == [Meldingsoort.TERUGKOPPELING]


def test_pc_deadline_tells_the_regisseur_at_14_and_3_days_unless_approved(users, opgave):
    moment = PcMoment.objects.create(soort=MomentSoort.BEGROTING, jaar=2027, deadline=dag(14))
    PcMoment.objects.create(soort=MomentSoort.JAARREKENING, jaar=2027, deadline=dag(15))
    rapportage_meldingen.zoeken()
    rapportage_meldingen.zoeken()
    bijdrage = reverse("rapportages:bijdrage", args=[moment.pk, opgave.pk])
    assert van(users["regisseur"]) == [(Meldingsoort.PC_DEADLINE, bijdrage)]
    rapportage_meldingen.zoeken(dag(11))
    rapportage_meldingen.zoeken(dag(12))
    # Day 11: the first is 3 days ahead, the second (15 days on day 0) now within 14; day 12:
    # the second is 3 days ahead. Each once.
    drempels = Melding.objects.filter(ontvanger=users["regisseur"]).values_list(
        "sleutel", flat=True
    )
    assert sorted(k.split(":")[4] for k in drempels) == ["14", "14", "3", "3"]
    # The other opgave's regisseur heard of the same deadlines, for their own opgave.
    assert Melding.objects.filter(ontvanger=users["regisseur2"]).count() == 4
    # A bijdrage with bestuurlijk akkoord needs nobody reminded.
    derde = PcMoment.objects.create(soort=MomentSoort.VOORJAARSNOTA, jaar=2027, deadline=dag(5))
    Bijdrage.objects.create(moment=derde, opgave=opgave, status=BijdrageStatus.BESTUURLIJK_AKKOORD)
    rapportage_meldingen.zoeken()
    assert not Melding.objects.filter(
        ontvanger=users["regisseur"], sleutel__startswith=f"pc:{derde.pk}:"
    ).exists()
    assert Melding.objects.filter(
        ontvanger=users["regisseur2"], sleutel__startswith=f"pc:{derde.pk}:"
    ).exists()


def test_akkoord_needed_tells_the_regisseur_then_the_portefeuillehouder(users, opgave):
    moment = PcMoment.objects.create(soort=MomentSoort.BEGROTING, jaar=2027, deadline=dag(30))
    opgave.portefeuillehouder = users["bestuurder"]
    opgave.save()
    url = reverse("rapportages:bijdrage-opslaan", args=[moment.pk, opgave.pk])
    data = {"bijdrage-bereiken": "a", "bijdrage-doen": "b", "bijdrage-kosten": "c"}
    assert client_for(users["teamlid"]).post(url, data | {"bijdrage-versie": 0}).status_code == 302
    pagina = reverse("rapportages:bijdrage", args=[moment.pk, opgave.pk])
    assert van(users["regisseur"]) == [(Meldingsoort.AKKOORD, pagina)]
    akkoord = reverse("rapportages:bijdrage-ambtelijk-akkoord", args=[moment.pk, opgave.pk])
    assert client_for(users["regisseur"]).post(akkoord, {"versie": 1}).status_code == 302
    assert van(users["bestuurder"]) == [(Meldingsoort.AKKOORD, pagina)]
    assert "bestuurlijk akkoord" in Melding.objects.get(ontvanger=users["bestuurder"]).tekst


def test_a_report_ready_or_failed_tells_who_asked(users, opgave):
    rapportage = Rapportage.objects.create(
        opgave=opgave,
        aangevraagd_door=users["regisseur"],
        status=Status.KLAAR,
        pogingen=1,
        bestand="rapportages/x.pdf",
    )
    rapportage_meldingen.rapportage_melden(rapportage)
    rapportage_meldingen.rapportage_melden(rapportage)
    assert van(users["regisseur"]) == [(Meldingsoort.RAPPORTAGE, rapportage.get_absolute_url())]
    rapportage.status = Status.MISLUKT
    rapportage_meldingen.rapportage_melden(rapportage)
    assert (
        Melding.objects.get(tekst__startswith="Rapportage mislukt").ontvanger
        == (users["regisseur"])
    )


def test_off_means_nothing_and_the_choice_decides_how_mail_goes(users, opgave):
    regisseur = users["regisseur"]
    client = client_for(regisseur)
    url = reverse("accounts:meldingvoorkeuren")
    keuzes = {s.value: Frequentie.DIRECT for s in Meldingsoort}
    fout = client.post(url, keuzes | {Meldingsoort.SIGNAAL: "elk-uur"})
    assert fout.status_code == 422
    assert "Kies een van de mogelijkheden uit de lijst." in fout.text
    assert not Meldingvoorkeur.objects.exists()
    keuzes |= {Meldingsoort.SIGNAAL: Frequentie.UIT, Meldingsoort.TEAM: Frequentie.WEKELIJKS}
    assert client.post(url, keuzes).status_code == 302
    assert 'value="wekelijks" selected' in client.get(url).text
    meldingen.melden([regisseur], soort="signaal", sleutel="s1", tekst="Signaal", link="/")
    meldingen.melden([regisseur], soort="team", sleutel="t1", tekst="Team", link="/")
    assert list(Melding.objects.values_list("sleutel", "mail")) == [("t1", "wekelijks")]


def test_the_list_opens_a_melding_as_read_and_shows_only_ones_own(users, opgave):
    meldingen.melden(
        [users["regisseur"], users["teamlid"]],
        soort="team",
        sleutel="x",
        tekst="<b>Hoi</b>",
        link=reverse("opgaven:opgave-team", args=[opgave.pk]),
    )
    client = client_for(users["regisseur"])
    start = client.get(reverse("home"))
    assert 'class="app-teller">1<' in start.text
    lijst = client.get(reverse("accounts:meldingen"))
    assert "&lt;b&gt;Hoi&lt;/b&gt;" in lijst.text
    eigen = Melding.objects.get(ontvanger=users["regisseur"])
    ander = Melding.objects.get(ontvanger=users["teamlid"])
    assert client.get(reverse("accounts:melding-open", args=[ander.pk])).status_code == 404
    open_ = client.get(reverse("accounts:melding-open", args=[eigen.pk]))
    assert open_["Location"] == eigen.link
    assert 'class="app-teller"' not in client.get(reverse("home")).text
    assert Melding.objects.get(pk=ander.pk).gelezen_op is None
    assert client.post(reverse("accounts:meldingen-gelezen")).status_code == 302


def test_mail_goes_once_at_once_or_bundled_over_smtp(users, opgave, postbus):
    regisseur, teamlid = users["regisseur"], users["teamlid"]
    regisseur.email, teamlid.email = "regisseur@maasdal.example", "teamlid@maasdal.example"
    regisseur.save()
    teamlid.save()
    Meldingvoorkeur.objects.create(user=teamlid, soort="team", frequentie=Frequentie.DAGELIJKS)
    link = reverse("opgaven:opgave-team", args=[opgave.pk])
    for n in range(2):
        meldingen.melden(
            [regisseur, teamlid], soort="team", sleutel=f"e{n}", tekst=f"Team {n} <i>", link=link
        )
    assert meldingen.mailen() == 2
    assert meldingen.mailen() == 0
    assert meldingen.bundelen(Frequentie.DAGELIJKS) == 1
    assert meldingen.bundelen(Frequentie.DAGELIJKS) == 0
    assert meldingen.bundelen(Frequentie.WEKELIJKS) == 0
    berichten = postbus.berichten(3)
    assert len(berichten) == 3
    direct = [b for b in berichten if b["To"] == "regisseur@maasdal.example"]
    assert sorted(b["Subject"] for b in direct) == ["Team 0 <i>", "Team 1 <i>"]
    [bundel] = [b for b in berichten if b["To"] == "teamlid@maasdal.example"]
    assert bundel["Subject"] == "2 meldingen van Opgavenregie"
    tekst = bundel.get_body(("plain",)).get_content()
    assert "Uw dagelijkse overzicht" in tekst
    assert LINK.findall(tekst)[:2] == [f"http://testserver{link}"] * 2
    html = bundel.get_body(("html",)).get_content()
    assert '<html lang="nl">' in html
    assert "Team 0 &lt;i&gt;" in html
    assert f'href="http://testserver{link}"' in html


def test_the_worker_mails_a_team_melding_over_smtp(celery_worker_thread, users, opgave, postbus):
    nieuw = UserFactory(username="nieuw_lid", rol=Rol.TEAMLID, email="nieuw@maasdal.example")
    url = reverse("opgaven:opgave-team", args=[opgave.pk])
    client_for(users["regisseur"]).post(url, {"team-user": nieuw.pk, "team-rol": "kernteam"})
    [bericht] = postbus.berichten(1, timeout=20)
    assert bericht["To"] == "nieuw@maasdal.example"
    assert "heeft u toegevoegd aan het team van" in bericht["Subject"]
    assert Melding.objects.get(ontvanger=nieuw).gemaild_op is not None


def test_meldingen_older_than_half_a_year_go(users, opgave):
    meldingen.melden([users["regisseur"]], soort="team", sleutel="oud", tekst="Oud", link="/")
    meldingen.melden([users["regisseur"]], soort="team", sleutel="nieuw", tekst="Nieuw", link="/")
    oud = timezone.now() - meldingen.BEWAREN - datetime.timedelta(days=1)
    Melding.objects.filter(sleutel="oud").update(aangemaakt_op=oud)
    assert meldingen.opruimen() == 1
    assert list(Melding.objects.values_list("sleutel", flat=True)) == ["nieuw"]


def test_a_priority_proposal_tells_the_portefeuillehouder_and_the_decision_the_proposer(
    users, opgave
):
    opgave.portefeuillehouder = users["bestuurder"]
    opgave.save()
    url = reverse("opgaven:opgave-prioriteit", args=[opgave.pk])
    voorstel = {"prioriteit-prioriteit": "hoog", "prioriteit-motivering": "De bus stopt."}
    assert client_for(users["regisseur"]).post(url, voorstel).status_code == 302
    plek = f"{opgave.get_absolute_url()}#prioriteit"
    assert van(users["bestuurder"]) == [(Meldingsoort.BESLUIT, plek)]
    assert "wacht op uw besluit: hoog" in Melding.objects.get(ontvanger=users["bestuurder"]).tekst
    assert van(users["regisseur"]) == []
    besluit = {"prioriteit-prioriteit": "middel", "prioriteit-motivering": "Eerst de kernen."}
    assert client_for(users["bestuurder"]).post(url, besluit).status_code == 302
    assert van(users["regisseur"]) == [(Meldingsoort.BESLUIT, plek)]
    assert "niet overgenomen" in Melding.objects.get(ontvanger=users["regisseur"]).tekst


def test_a_proposal_without_a_portefeuillehouder_tells_every_bestuurder(users, opgave):
    tweede = UserFactory(username="wethouder2", rol=Rol.BESTUURDER)
    url = reverse("opgaven:opgave-prioriteit", args=[opgave.pk])
    voorstel = {"prioriteit-prioriteit": "laag", "prioriteit-motivering": "Klaar."}
    client_for(users["regisseur"]).post(url, voorstel)
    assert set(Melding.objects.values_list("ontvanger__username", flat=True)) == {
        "bestuurder",
        tweede.username,
    }


def test_an_action_point_given_tells_its_owner_not_who_took_it_on_themselves(users, opgave):
    tafel = ThematafelFactory(opgaven=[opgave])
    sessie = BijeenkomstFactory(thematafel=tafel)
    url = reverse("participatie:actiepunt-create", args=[sessie.pk])
    data = {"actiepunt-omschrijving": "Zaal", "actiepunt-deadline": dag(7).isoformat()}
    client_for(users["regisseur"]).post(url, data | {"actiepunt-eigenaar": users["teamlid"].pk})
    plek = reverse("participatie:bijeenkomst-detail", args=[sessie.pk]) + "#actiepunten"
    assert van(users["teamlid"]) == [(Meldingsoort.ACTIEPUNT, plek)]
    client_for(users["regisseur"]).post(url, data | {"actiepunt-eigenaar": users["regisseur"].pk})
    assert van(users["regisseur"]) == []


def test_a_report_vastgesteld_tells_who_asked_once(users, opgave):
    rapportage = Rapportage.objects.create(opgave=opgave, aangevraagd_door=users["regisseur"])
    rapportage_meldingen.vastgesteld_melden(rapportage, door=users["bestuurder"])
    rapportage_meldingen.vastgesteld_melden(rapportage, door=users["bestuurder"])
    assert van(users["regisseur"]) == [(Meldingsoort.RAPPORTAGE, rapportage.get_absolute_url())]
    assert Melding.objects.get().tekst.startswith("Vastgesteld door")
    # Through the page: tests/rapportages/test_publiceren.py.
