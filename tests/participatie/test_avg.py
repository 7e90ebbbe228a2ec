import datetime
import json
import logging

import pytest
from django.core.management import call_command
from django.urls import reverse
from pghistory.models import Events

from participatie.models import (
    Afspraak,
    Contactmoment,
    Stakeholder,
)
from tests.conftest import beveiligingslog, client_for
from tests.participatie.factories import (
    BetrokkenheidFactory,
    InbrengFactory,
    StakeholderFactory,
)


@pytest.fixture
def persoon(opgave):
    persoon = StakeholderFactory(
        naam="Karim Coenen",
        soort="inwoner",
        vorm="persoon",
        email="karim@voorbeeld.example",
        telefoon="06-99998888",
        grondslag="toestemming",
        doel="Thematafel",
        bewaren_tot=datetime.date.today() - datetime.timedelta(days=1),
    )
    BetrokkenheidFactory(opgave=opgave, stakeholder=persoon)
    contact = Contactmoment.objects.create(
        opgave=opgave, datum=datetime.date.today(), soort="gesprek", samenvatting="Over de bus"
    )
    contact.stakeholders.add(persoon)
    Afspraak.objects.create(
        opgave=opgave,
        omschrijving="Bankje plaatsen",
        ontvanger=persoon,
        eigenaar=opgave.opgaveregisseur,
        deadline=datetime.date.today(),
    )
    return persoon


def test_inzage_holds_everything_and_is_logged(users, persoon, caplog):
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client_for(users["beheerder"]).get(
            reverse("participatie:stakeholder-inzage", args=[persoon.pk])
        )
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert data["persoon"]["email"] == "karim@voorbeeld.example"
    assert data["contactmomenten"][0]["samenvatting"] == "Over de bus"
    assert data["afspraken"][0]["afspraak"] == "Bankje plaatsen"
    assert len(data["betrokkenheden"]) == 1
    assert "inzage_export" in [e["action"] for e in beveiligingslog(caplog)]


@pytest.mark.parametrize("rol", ["regisseur", "teamlid", "medewerker", "raadslid"])
def test_only_the_beheerder_handles_avg_requests(users, persoon, rol):
    client = client_for(users[rol])
    assert client.get(
        reverse("participatie:stakeholder-inzage", args=[persoon.pk])
    ).status_code in (403, 404)
    response = client.post(
        reverse("participatie:stakeholder-anonimiseren", args=[persoon.pk]), {"bevestig": "ja"}
    )
    assert response.status_code in (403, 404)
    persoon.refresh_from_db()
    assert persoon.naam == "Karim Coenen"


def test_anonymisation_erases_identity_keeps_relations_and_history_clean(users, persoon):
    client = client_for(users["beheerder"])
    url = reverse("participatie:stakeholder-anonimiseren", args=[persoon.pk])
    assert client.post(url).status_code == 302  # unconfirmed: nothing happens
    persoon.refresh_from_db()
    assert persoon.naam == "Karim Coenen"
    assert client.post(url, {"bevestig": "ja"}).status_code == 302
    persoon.refresh_from_db()
    assert persoon.naam == f"Geanonimiseerde persoon {persoon.pk}"
    assert (persoon.email, persoon.telefoon) == ("", "")
    assert persoon.betrokkenheden.count() == 1
    assert persoon.contactmomenten.count() == 1
    assert Afspraak.objects.filter(ontvanger=persoon).exists()
    history = json.dumps([e.pgh_data for e in Events.objects.tracks(persoon)], default=str)
    assert "Karim" not in history and "karim@voorbeeld.example" not in history
    # The register no longer lists the person.
    html = client.get(reverse("participatie:stakeholder-list")).content.decode()
    assert "Karim" not in html


def test_retention_command_lists_then_anonymises(persoon, capsys):
    call_command("bewaartermijn")
    assert "Karim Coenen" in capsys.readouterr().out
    assert Stakeholder.objects.get(pk=persoon.pk).naam == "Karim Coenen"
    call_command("bewaartermijn", anonimiseer=True)
    assert Stakeholder.objects.get(pk=persoon.pk).geanonimiseerd_op is not None
    uit = capsys.readouterr().out
    assert str(persoon.pk) in uit and "Karim" not in uit
    call_command("bewaartermijn")
    assert "0 persoon/personen" in capsys.readouterr().out


def test_the_daily_housekeeping_anonymises_only_when_switched_on(persoon, settings, caplog):
    """The beat task (participatie.tasks.bewaartermijn): counts, and anonymises only with
    BEWAARTERMIJN_ANONIMISEREN; the log names nobody."""
    from participatie.tasks import bewaartermijn

    nog_niet = StakeholderFactory(
        soort="inwoner",
        vorm="persoon",
        grondslag="toestemming",
        doel="Thematafel",
        bewaren_tot=datetime.date(2100, 1, 1),
    )
    settings.BEWAARTERMIJN_ANONIMISEREN = False
    with caplog.at_level(logging.INFO, logger="participatie.tasks"):
        bewaartermijn.apply()
    assert Stakeholder.objects.get(pk=persoon.pk).geanonimiseerd_op is None
    assert "1 persons past retention (not anonymised: off)" in caplog.text

    settings.BEWAARTERMIJN_ANONIMISEREN = True
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="participatie.tasks"):
        bewaartermijn.apply()
    assert Stakeholder.objects.get(pk=persoon.pk).geanonimiseerd_op is not None
    assert Stakeholder.objects.get(pk=nog_niet.pk).geanonimiseerd_op is None
    assert "1 persons past retention anonymised" in caplog.text and "Karim" not in caplog.text


def test_inzage_includes_what_a_person_brought_in(users, sessie):
    persoon = StakeholderFactory(
        soort="inwoner",
        vorm="persoon",
        grondslag="toestemming",
        doel="Thematafel",
        bewaren_tot=datetime.date(2030, 1, 1),
    )
    sessie.uitgenodigd.add(persoon)
    sessie.aanwezig.add(persoon)
    InbrengFactory(bijeenkomst=sessie, stakeholder=persoon, tekst="Meer bankjes")
    data = (
        client_for(users["beheerder"])
        .get(reverse("participatie:stakeholder-inzage", args=[persoon.pk]))
        .json()
    )
    assert data["inbreng"][0]["inbreng"] == "Meer bankjes"
    assert data["bijeenkomsten"][0]["aanwezig"] is True
