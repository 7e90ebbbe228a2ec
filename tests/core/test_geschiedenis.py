"""The record of changes cannot be rewritten: a trigger refuses UPDATE and DELETE
on every event table, except inside the one erasure path; every event records the address
the change came from."""

import re

import pytest
from django.apps import apps
from django.db import DatabaseError, transaction
from django.urls import reverse
from pghistory.models import Events

from core import geschiedenis
from opgaven.models import Opgave
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _event_modellen():
    return [m for m in apps.get_models() if hasattr(m, "pgh_tracked_model")]


def test_every_event_table_refuses_update_and_delete(users, opgave):
    Opgave.objects.filter(pk=opgave.pk).update(titel="Gewijzigd")
    OpgaveEvent = apps.get_model("opgaven", "OpgaveEvent")
    assert OpgaveEvent.objects.exists()
    for poging in (
        lambda: OpgaveEvent.objects.update(titel="Vervalst"),
        lambda: OpgaveEvent.objects.all().delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            poging()
    # Each table has the trigger (a new tracked model cannot forget it).
    namen = {m._meta.db_table for m in _event_modellen()}
    with transaction.atomic():
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE 'pgtrigger_append_only%%'"
            )
            beschermd = {rij[0] for rij in cursor.fetchall()}
    assert namen and namen <= beschermd, namen - beschermd


def test_only_the_erasure_path_may_rewrite_history(opgave):
    OpgaveEvent = apps.get_model("opgaven", "OpgaveEvent")
    with geschiedenis.herschrijven(OpgaveEvent):
        OpgaveEvent.objects.update(titel="Geanonimiseerd")
    assert set(OpgaveEvent.objects.values_list("titel", flat=True)) == {"Geanonimiseerd"}


def test_a_change_records_the_address_it_came_from(users, opgave, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    client = client_for(users["regisseur"])
    client.post(
        reverse("opgaven:opgave-voortgang", args=[opgave.pk]),
        {"voortgang-voortgang": "risico", "voortgang-toelichting": "Vrijwilligers haken af."},
        REMOTE_ADDR="10.0.0.5",
        headers={"X-Forwarded-For": "203.0.113.7"},
    )
    event = Events.objects.tracks(opgave).filter(pgh_label="update").latest("pgh_created_at")
    assert event.pgh_context["adres"] == "203.0.113.7"
    assert event.pgh_context["user"] == users["regisseur"].pk


def test_every_event_table_has_the_index_history_reads_by():
    """At scale: the event before an event (what changed) was found by walking the table back
    from its newest row: 11 ms per event at scale. Every event model is declared with
    core.models.gevolgd, which adds (pgh_obj, pgh_id)."""
    zonder = [
        m._meta.label
        for m in _event_modellen()
        if not any(index.fields == ["pgh_obj", "pgh_id"] for index in m._meta.indexes)
    ]
    assert not zonder


def test_the_bounded_history_lists_what_pghistory_lists(users, opgave, andere_opgave):
    """Two steps (the latest per table, then pghistory's description of only those) give
    the same events, in the same order, as pghistory's one query over the whole history."""
    from opgaven.geschiedenis import geschiedenis_van
    from tests.canvas.factories import CanvasItemFactory
    from tests.participatie.factories import BetrokkenheidFactory

    for i in range(8):
        Opgave.objects.filter(pk=opgave.pk).update(voortgang=["aandacht", "risico"][i % 2])
        CanvasItemFactory(opgave=opgave if i % 3 else andere_opgave)
        BetrokkenheidFactory(opgave=opgave)
    opgaven = [opgave, andere_opgave]
    for limit in (1, 5, 25, 200):
        verwacht = geschiedenis.beschrijf(
            Events.objects.references(opgaven).order_by("-pgh_created_at", "-pgh_id", "pgh_model")[
                :limit
            ],
            lezer=users["regisseur"],
        )
        gekregen = geschiedenis_van(opgaven, users["regisseur"], limit=limit)
        assert [(g.wat, g.actie, g.wijzigingen) for g in gekregen] == [
            (g.wat, g.actie, g.wijzigingen) for g in verwacht
        ]
    # a partner reads no positions of stakeholders (confidential)
    partner = geschiedenis_van(opgaven, users["partner"], limit=200)
    assert partner and all(g.wat != "betrokkenheid" for g in partner)


def test_the_history_runs_as_a_prepared_statement_and_nothing_else_does(users, opgave):
    """At scale: planning the UNION over the event tables took twice as long as running it; it
    is a prepared statement now (core.db.voorbereid). Its answer stays the same once
    PostgreSQL plans it generically (after five runs), and no other query is prepared."""
    from django.db import connection

    from opgaven.geschiedenis import geschiedenis_van

    for status in ("aandacht", "risico", "op_koers"):
        Opgave.objects.filter(pk=opgave.pk).update(voortgang=status)
    antwoorden = [
        [(g.wat, g.actie, g.wijzigingen) for g in geschiedenis_van([opgave], users["beheerder"])]
        for _ in range(7)
    ]
    assert len(antwoorden[0]) >= 3 and all(a == antwoorden[0] for a in antwoorden)
    client = client_for(users["regisseur"])
    for url in (reverse("home"), opgave.get_absolute_url(), reverse("opgaven:opgave-list")):
        assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        voorbereid = [rij[0] for rij in cursor.fetchall()]
    assert voorbereid and all(s.startswith("SELECT label, pgh_id FROM") for s in voorbereid)


def test_dates_and_times_read_in_dutch_local_time_not_as_stored_utc(users, opgave, settings):
    """The event keeps "2026-12-07T10:23:42.340551+00:00"; the history shows
    "7 december 2026 11:23" (Europe/Amsterdam) and a date as "31 december 2028"."""
    import datetime

    from opgaven import services
    from opgaven.geschiedenis import geschiedenis_van

    settings.TIME_ZONE = "Europe/Amsterdam"
    Opgave.objects.filter(pk=opgave.pk).update(einddatum=datetime.date(2028, 12, 31))
    opgave.refresh_from_db()
    opgave.einddatum = datetime.date(2029, 6, 30)
    opgave.save()
    services.prioriteit_voorstellen(
        opgave=opgave, prioriteit="hoog", motivering="m", user=users["regisseur"]
    )
    services.prioriteit_besluiten(
        opgave=opgave, prioriteit="hoog", motivering="m", user=users["bestuurder"]
    )
    regels = [
        (veld, oud, nieuw)
        for g in geschiedenis_van([opgave], users["regisseur"], limit=50)
        for veld, oud, nieuw in g.wijzigingen
    ]
    assert ("einddatum", "31 december 2028", "30 juni 2029") in regels
    besloten = next(nieuw for veld, _oud, nieuw in regels if veld == "besloten op")
    assert re.fullmatch(r"\d{1,2} [a-z]+ 20\d\d \d\d:\d\d", besloten), besloten
    assert "+00:00" not in str(regels) and "T" not in besloten


def test_the_history_names_each_object_includes_the_thematafels_and_filters_by_person(
    users, opgave
):
    """Each line names its object ("Begrotingsregel aangemaakt: Dorpshuis, Gemeente, 2027"),
    a change of bookkeeping only (an order) is no line, what happened at the opgave's
    thematafels is in it (a session planned, inbreng, an action point), and the page
    filters by person through the URL."""
    import datetime
    from decimal import Decimal

    import pghistory

    from canvas.models import Begrotingsregel, Blok, Financier
    from rapportages.models import Bijdrage, MomentSoort, PcMoment
    from tests.canvas.factories import CanvasItemFactory
    from tests.participatie.factories import (
        ActiepuntFactory,
        BijeenkomstFactory,
        InbrengFactory,
        ThematafelFactory,
    )

    teamlid, regisseur = users["teamlid"], users["regisseur"]
    with pghistory.context(user=teamlid.pk):
        tafel = ThematafelFactory(opgaven=[opgave], thema="Ouder worden in de kern")
        sessie = BijeenkomstFactory(
            thematafel=tafel,
            begint_op=datetime.datetime(2027, 3, 4, 19, 30, tzinfo=datetime.UTC),
        )
        InbrengFactory(bijeenkomst=sessie, tekst="Een bankje bij de bushalte")
        ActiepuntFactory(bijeenkomst=sessie, eigenaar=teamlid, omschrijving="Zaal regelen")
    with pghistory.context(user=regisseur.pk):
        activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Dorpshuis")
        financier = Financier.objects.create(opgave=opgave, naam="Provincie", soort="provincie")
        regel = Begrotingsregel.objects.create(
            opgave=opgave, jaar=2027, activiteit=activiteit, financier=financier, begroot=10
        )
        regel.begroot = Decimal("12500.5")
        regel.save()
        moment = PcMoment.objects.create(
            soort=MomentSoort.BEGROTING, jaar=2027, deadline=datetime.date(2026, 9, 15)
        )
        Bijdrage.objects.create(moment=moment, opgave=opgave)
        activiteit.volgorde += 5
        activiteit.save(update_fields=["volgorde"])
    url = reverse("opgaven:opgave-geschiedenis", args=[opgave.pk])
    client = client_for(regisseur)
    tekst = " ".join(re.sub(r"<[^>]+>", " ", client.get(url).content.decode()).split())
    for regel in (
        "Begrotingsregel aangemaakt: Dorpshuis, Provincie, 2027",
        "begroot: 10,00 → 12.500,50",  # amounts as the screens show them
        "Bijdrage aangemaakt: Begroting 2027",
        "Bijeenkomst aangemaakt: Ouder worden in de kern, 4 maart 2027 20:30",
        "Inbreng aangemaakt: Een bankje bij de bushalte",
        "Actiepunt aangemaakt: Zaal regelen",
    ):
        assert regel in tekst, regel
    assert "Canvasitem gewijzigd" not in tekst and "canvasitem gewijzigd" not in tekst
    html = client.get(url, {"door": teamlid.pk}).content.decode()
    assert "Zaal regelen" in html and "Provincie" not in html
    assert f'<option value="{teamlid.pk}" selected>' in html
    # Someone outside the team is no filter: the whole history.
    assert "Provincie" in client.get(url, {"door": users["bestuurder"].pk + 999}).content.decode()
