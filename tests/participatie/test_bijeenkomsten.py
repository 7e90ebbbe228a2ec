"""One session: attendance, verslag, inbreng with votes and terugkoppeling, actiepunten."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from canvas.models import Blok, CanvasItem
from participatie.models import (
    Actiepunt,
    Bijeenkomst,
    Inbreng,
    Terugkoppeling,
)
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import (
    ActiepuntFactory,
    BetrokkenheidFactory,
    InbrengFactory,
)

NU = timezone.localtime()


def _post(client, actie, data, *args):
    """POST to one of a session's actions (``participatie:<actie>``) without JavaScript."""
    return client.post(reverse(f"participatie:{actie}", args=list(args)), data)


def test_attendance_from_another_opgave_is_refused_and_keeps_what_was_saved(
    users, sessie, opgave, andere_opgave
):
    eigen = BetrokkenheidFactory(opgave=opgave).stakeholder
    vreemd = BetrokkenheidFactory(opgave=andere_opgave).stakeholder
    client = client_for(users["regisseur"])
    data = {"aanwezig-aantal_niet_geregistreerd": 4}
    actie = "bijeenkomst-aanwezigheid"
    goed = {**data, "aanwezig-aanwezig": [eigen.pk]}
    assert _post(client, actie, goed, sessie.pk).status_code == 302
    fout = {**data, "aanwezig-aanwezig": [eigen.pk, vreemd.pk]}
    response = _post(client, actie, fout, sessie.pk)
    assert response.status_code == 422
    assert "niet betrokken bij de opgave(n) van deze thematafel" in response.content.decode()
    sessie.refresh_from_db()
    assert list(sessie.aanwezig.all()) == [eigen]
    assert sessie.aantal_niet_geregistreerd == 4


def test_the_attendance_form_lists_the_invited_first_and_marks_them(users, sessie, opgave):
    """The list to tick off at the door: who was invited first, marked; the others after."""
    from participatie.forms.thematafels import AanwezigheidForm
    from tests.participatie.factories import StakeholderFactory

    aan = BetrokkenheidFactory(opgave=opgave, stakeholder=StakeholderFactory(naam="Aa")).stakeholder
    zo = BetrokkenheidFactory(opgave=opgave, stakeholder=StakeholderFactory(naam="Zz")).stakeholder
    sessie.uitgenodigd.add(zo)
    keuzes = [
        (int(str(w)), str(label))
        for w, label in AanwezigheidForm(instance=sessie).fields["aanwezig"].choices
    ]
    assert keuzes == [(zo.pk, "Zz (uitgenodigd)"), (aan.pk, "Aa")]
    html = client_for(users["regisseur"]).get(sessie.get_absolute_url()).content.decode()
    assert "Zz (uitgenodigd)" in html


def test_a_negative_number_of_residents_is_refused(users, sessie):
    response = _post(
        client_for(users["regisseur"]),
        "bijeenkomst-aanwezigheid",
        {"aanwezig-aantal_niet_geregistreerd": -2},
        sessie.pk,
    )
    assert response.status_code == 422
    assert "kan niet negatief zijn" in response.content.decode()


def test_verslag_is_markdown_and_loses_everything_that_runs(users, sessie):
    """Written as plain text with Markdown, kept as typed, shown as cleaned HTML; raw HTML
    and javascript links in it never run."""
    verslag = (
        "Goed gesprek, **veel** ideeën.\n\n- een bankje\n- een moestuin\n\n"
        f"[klik](javascript:alert(1)) [site](https://maasdal.example) {hostile.SCRIPT}\n\n"
        f'{hostile.IMG}<p style="color:red" onclick="x()">x</p>'
    )
    response = _post(
        client_for(users["regisseur"]),
        "bijeenkomst-verslag",
        {"verslag-verslag": verslag},
        sessie.pk,
    )
    assert response.status_code == 302
    sessie.refresh_from_db()
    assert sessie.verslag == verslag  # as typed
    page = client_for(users["medewerker"]).get(sessie.get_absolute_url()).content.decode()
    getoond = page.split('class="app-verslag">', 1)[1].split("</div>", 1)[0]
    assert "<strong>veel</strong>" in getoond
    assert "<li>een bankje</li>" in getoond
    assert 'href="https://maasdal.example"' in getoond and "noopener" in getoond
    for gevaarlijk in ("<script", "onerror", "javascript:", "onclick", "style=", "<img"):
        assert gevaarlijk not in getoond


def test_an_html_verslag_from_before_markdown_still_renders(users, sessie):
    Bijeenkomst.objects.filter(pk=sessie.pk).update(verslag="<p>Oud <em>verslag</em></p>")
    page = client_for(users["medewerker"]).get(sessie.get_absolute_url()).content.decode()
    assert '<div class="app-verslag"><p>Oud <em>verslag</em></p></div>' in page


def test_the_preview_shows_the_verslag_without_saving_it(users, sessie):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:bijeenkomst-verslag", args=[sessie.pk]),
        {"verslag-verslag": "Een **voorbeeld**", "voorbeeld": "1"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld (nog niet opgeslagen)" in html and "<strong>voorbeeld</strong>" in html
    assert "Een **voorbeeld**</textarea>" in html  # what was typed stays in the box
    sessie.refresh_from_db()
    assert sessie.verslag == ""


def _begonnen(sessie):
    sessie.begint_op = timezone.now() - datetime.timedelta(hours=1)
    sessie.eindigt_op = sessie.begint_op + datetime.timedelta(hours=2)
    sessie.save()
    return sessie


def test_inbreng_is_recorded_with_blocks_and_votes(users, sessie, opgave):
    _begonnen(sessie)
    spreker = BetrokkenheidFactory(opgave=opgave).stakeholder
    response = _post(
        client_for(users["teamlid"]),
        "inbreng-create",
        {
            "inbreng-soort": "zorg",
            "inbreng-tekst": hostile.text("Zorg"),
            "inbreng-stakeholder": spreker.pk,
            "inbreng-blokken": [Blok.DOELGROEPEN, Blok.PARTICIPATIE],
            "inbreng-stemmen": 7,
        },
        sessie.pk,
    )
    inbreng = Inbreng.objects.get()
    assert response.status_code == 302
    assert response.url.endswith(f"#inbreng-{inbreng.pk}")
    assert inbreng.blokken == [Blok.DOELGROEPEN, Blok.PARTICIPATIE]
    assert inbreng.stemmen == 7
    assert inbreng.stakeholder == spreker
    assert inbreng.terugkoppeling == Terugkoppeling.OPEN


def test_inbreng_on_a_session_that_has_not_started_is_refused(users, sessie):
    """Found in use: inbreng on a session dated ahead was accepted and then counted nowhere."""
    response = _post(
        client_for(users["teamlid"]),
        "inbreng-create",
        {"inbreng-soort": "idee", "inbreng-tekst": "Een bankje", "inbreng-stemmen": 0},
        sessie.pk,
    )
    assert response.status_code == 422
    assert "inbreng legt u vast vanaf de start" in response.content.decode()
    assert not Inbreng.objects.exists()
    _begonnen(sessie)
    response = _post(
        client_for(users["teamlid"]),
        "inbreng-create",
        {"inbreng-soort": "idee", "inbreng-tekst": "Een bankje", "inbreng-stemmen": 0},
        sessie.pk,
    )
    assert response.status_code == 302 and Inbreng.objects.count() == 1


def test_a_vote_count_below_zero_is_refused(users, sessie):
    client = client_for(users["regisseur"])
    response = _post(
        client,
        "inbreng-create",
        {
            "inbreng-soort": "idee",
            "inbreng-tekst": "x",
            "inbreng-stemmen": -1,
        },
        sessie.pk,
    )
    assert response.status_code == 422
    assert "Het aantal stemmen kan niet negatief zijn." in response.content.decode()
    assert not Inbreng.objects.exists()
    inbreng = InbrengFactory(bijeenkomst=sessie, stemmen=3)
    response = _post(
        client,
        "inbreng-stemmen",
        {f"stemmen-{inbreng.pk}-stemmen": -5},
        sessie.pk,
        inbreng.pk,
    )
    assert response.status_code == 422
    assert "Het aantal stemmen kan niet negatief zijn." in response.content.decode()
    inbreng.refresh_from_db()
    assert inbreng.stemmen == 3


def test_inbreng_from_another_sessions_id_is_not_found(users, sessie):
    ander = InbrengFactory()
    response = _post(
        client_for(users["regisseur"]),
        "inbreng-stemmen",
        {f"stemmen-{ander.pk}-stemmen": 1},
        sessie.pk,
        ander.pk,
    )
    assert response.status_code == 404


def test_not_taking_inbreng_over_needs_a_reason(users, sessie):
    inbreng = InbrengFactory(bijeenkomst=sessie)
    client = client_for(users["regisseur"])
    prefix = f"terugkoppeling-{inbreng.pk}"
    actie, args = "inbreng-terugkoppeling", (sessie.pk, inbreng.pk)
    response = _post(client, actie, {f"{prefix}-terugkoppeling": "niet_overgenomen"}, *args)
    assert response.status_code == 422
    assert "waarom hun inbreng niet is overgenomen" in response.content.decode()
    inbreng.refresh_from_db()
    assert inbreng.terugkoppeling == Terugkoppeling.OPEN
    response = _post(
        client,
        actie,
        {
            f"{prefix}-terugkoppeling": "niet_overgenomen",
            f"{prefix}-toelichting": "Valt buiten wat de gemeente kan doen.",
        },
        *args,
    )
    assert response.status_code == 302
    inbreng.refresh_from_db()
    assert inbreng.terugkoppeling == Terugkoppeling.NIET_OVERGENOMEN
    assert inbreng.teruggekoppeld_door == users["regisseur"]


def test_taking_inbreng_over_puts_it_in_the_canvas_with_links_both_ways(users, sessie, opgave):
    inbreng = InbrengFactory(bijeenkomst=sessie, blokken=[Blok.ACTIVITEITEN])
    client = client_for(users["teamlid"])
    prefix = f"overnemen-{inbreng.pk}"
    data = {f"{prefix}-blok": Blok.ACTIVITEITEN, f"{prefix}-opgave": opgave.pk}
    args = ("inbreng-overnemen", data, sessie.pk, inbreng.pk)
    assert _post(client, *args).status_code == 302
    # a second click (another tab) does not create a second item
    assert _post(client, *args).status_code == 302
    item = CanvasItem.objects.get()
    inbreng.refresh_from_db()
    assert item.opgave == opgave and item.blok == Blok.ACTIVITEITEN
    assert item.tekst == inbreng.tekst
    assert inbreng.canvas_item == item
    assert inbreng.terugkoppeling == Terugkoppeling.OVERGENOMEN
    canvas = client.get(reverse("canvas:canvas-detail", args=[opgave.pk])).content.decode()
    assert inbreng.get_absolute_url() in canvas
    sessie_page = client.get(sessie.get_absolute_url()).content.decode()
    assert f"#item-{item.pk}" in sessie_page


def test_taking_over_proposes_the_canvas_of_the_persons_own_opgave(
    users, sessie, opgave, andere_opgave
):
    """A thematafel for two opgaven: each regisseur is offered their own canvas first,
    whichever title comes first in the alphabet."""
    opgave.titel, andere_opgave.titel = "Zorg in de kernen", "Armoede"
    type(opgave).objects.bulk_update([opgave, andere_opgave], ["titel"])
    sessie.thematafel.opgaven.add(andere_opgave)
    inbreng = InbrengFactory(bijeenkomst=sessie)
    url = reverse("participatie:inbreng-verwerken", args=[sessie.pk, inbreng.pk])
    for wie, eigen in (("regisseur", opgave), ("regisseur2", andere_opgave)):
        html = client_for(users[wie]).get(url, headers={"HX-Request": "true"}).content.decode()
        keuze = re.search(r'<select name="overnemen-\d+-opgave".*?</select>', html, re.S)[0]
        gekozen = re.findall(r'<option value="(\d+)"[^>]*selected', keuze)
        assert gekozen == [str(eigen.pk)], (wie, keuze)


def test_taking_over_into_an_opgave_outside_the_thematafel_is_refused(users, sessie, andere_opgave):
    inbreng = InbrengFactory(bijeenkomst=sessie)
    prefix = f"overnemen-{inbreng.pk}"
    response = _post(
        client_for(users["beheerder"]),
        "inbreng-overnemen",
        {f"{prefix}-blok": Blok.ACTIVITEITEN, f"{prefix}-opgave": andere_opgave.pk},
        sessie.pk,
        inbreng.pk,
    )
    assert response.status_code == 422
    assert "Kies een opgave van deze thematafel." in response.content.decode()
    assert not CanvasItem.objects.exists()


def test_action_points_are_added_and_closed(users, sessie):
    client = client_for(users["regisseur"])
    deadline = (NU + datetime.timedelta(days=14)).date().isoformat()
    response = _post(
        client,
        "actiepunt-create",
        {
            "actiepunt-omschrijving": "Ruimte in het dorpshuis regelen",
            "actiepunt-eigenaar": users["teamlid"].pk,
            "actiepunt-deadline": deadline,
        },
        sessie.pk,
    )
    assert response.status_code == 302
    punt = Actiepunt.objects.get()
    assert punt.eigenaar == users["teamlid"]
    _post(client, "actiepunt-status", {"status": "gereed"}, sessie.pk, punt.pk)
    punt.refresh_from_db()
    assert punt.status == "gereed"


def test_an_action_points_status_reads_only_its_section(users, sessie):
    """At scale: the answer to a new status (htmx) read the whole page's inbreng, attendance and
    documents, none of which it shows."""
    InbrengFactory(bijeenkomst=sessie)
    punt = ActiepuntFactory(bijeenkomst=sessie)
    url = reverse("participatie:actiepunt-status", args=[sessie.pk, punt.pk])
    with CaptureQueriesContext(connection) as ctx:
        response = client_for(users["regisseur"]).post(
            url, {"status": "bezig"}, HTTP_HX_REQUEST="true"
        )
    assert response.status_code == 200 and 'id="actiepunten"' in response.content.decode()
    gelezen = " ".join(q["sql"] for q in ctx.captured_queries)
    for tabel in ("participatie_inbreng", "bijeenkomst_aanwezig", "bijeenkomstbijlage"):
        assert f'FROM "{tabel}' not in gelezen and f'FROM "participatie_{tabel}' not in gelezen


def test_the_owner_of_an_action_point_is_searched_not_listed(users, sessie):
    """At scale: the session page sent every colleague (358 at scale, 17 kB) as options of the
    owner's select. Now a search box; a name typed in full without JavaScript is found."""
    client = client_for(users["regisseur"])
    pagina = client.get(sessie.get_absolute_url()).content.decode()
    assert 'name="actiepunt-eigenaar_zoek"' in pagina and 'role="combobox"' in pagina
    assert '<select name="actiepunt-eigenaar"' not in pagina
    zoeken = reverse("participatie:actiepunt-eigenaar-zoeken", args=[sessie.pk])
    assert zoeken in pagina
    teamlid = users["teamlid"]
    gevonden = client.get(
        zoeken, {"actiepunt-eigenaar_zoek": f"{teamlid.first_name} {teamlid.last_name}"}
    ).content.decode()
    assert gevonden.count('role="option"') == 1 and f'data-waarde="{teamlid.pk}"' in gevonden
    raadslid = client.get(zoeken, {"actiepunt-eigenaar_zoek": users["raadslid"].username})
    assert 'role="option"' not in raadslid.content.decode()  # raadsleden own no work

    response = _post(
        client,
        "actiepunt-create",
        {
            "actiepunt-omschrijving": "Zaal regelen",
            "actiepunt-eigenaar_zoek": teamlid.username.upper(),
            "actiepunt-deadline": (NU + datetime.timedelta(days=7)).date().isoformat(),
        },
        sessie.pk,
    )
    assert response.status_code == 302
    assert Actiepunt.objects.get().eigenaar == teamlid
    # Without JavaScript a full name finds the person too, as the list does while typing.
    op_naam = _post(
        client,
        "actiepunt-create",
        {
            "actiepunt-omschrijving": "Stoelen regelen",
            "actiepunt-eigenaar_zoek": f"{teamlid.first_name} {teamlid.last_name}",
            "actiepunt-deadline": (NU + datetime.timedelta(days=7)).date().isoformat(),
        },
        sessie.pk,
    )
    assert op_naam.status_code == 302
    assert Actiepunt.objects.get(omschrijving="Stoelen regelen").eigenaar == teamlid
    onbekend = _post(
        client,
        "actiepunt-create",
        {"actiepunt-omschrijving": "X", "actiepunt-eigenaar_zoek": "<script>niemand"},
        sessie.pk,
    )
    assert onbekend.status_code == 422
    html = onbekend.content.decode()
    assert "Niets gevonden met deze naam" in html and "<script>niemand" not in html


def test_medewerker_reads_a_session_but_cannot_change_it(users, sessie):
    client = client_for(users["medewerker"])
    page = client.get(sessie.get_absolute_url())
    assert page.status_code == 200
    assert "Inbreng toevoegen" not in page.content.decode()
    response = _post(
        client,
        "inbreng-create",
        {
            "inbreng-soort": "idee",
            "inbreng-tekst": "x",
            "inbreng-stemmen": 0,
        },
        sessie.pk,
    )
    assert response.status_code == 403
    assert not Inbreng.objects.exists()


def test_removing_inbreng_keeps_the_canvas_item_it_became(users, sessie, opgave):
    item = CanvasItemFactory(opgave=opgave)
    inbreng = InbrengFactory(bijeenkomst=sessie, canvas_item=item)
    punt = ActiepuntFactory(bijeenkomst=sessie)
    client = client_for(users["regisseur"])
    assert _post(client, "inbreng-delete", {}, sessie.pk, inbreng.pk).status_code == 302
    assert _post(client, "actiepunt-delete", {}, sessie.pk, punt.pk).status_code == 302
    assert not Inbreng.objects.exists() and not Actiepunt.objects.exists()
    assert CanvasItem.objects.filter(pk=item.pk).exists()
    # someone outside the team cannot remove anything
    other = InbrengFactory(bijeenkomst=sessie)
    assert (
        _post(
            client_for(users["teamlid_ander"]), "inbreng-delete", {}, sessie.pk, other.pk
        ).status_code
        == 403
    )
    assert Inbreng.objects.filter(pk=other.pk).exists()


def test_a_rows_forms_open_on_demand_and_a_refused_row_stays_open(users, sessie):
    """The page renders no row forms (a hundred pieces of inbreng would be three hundred
    forms); a row opens its own, through htmx or ``?verwerken=`` without JavaScript."""
    rijen = [InbrengFactory(bijeenkomst=sessie, stemmen=n) for n in range(3)]
    regisseur = client_for(users["regisseur"])
    pagina = regisseur.get(sessie.get_absolute_url()).content.decode()
    assert pagina.count('class="app-details app-inbreng__verwerken"') == 3
    assert "stemmen-" not in pagina and "Terugkoppeling opslaan" not in pagina
    url = reverse("participatie:inbreng-verwerken", args=[sessie.pk, rijen[1].pk])
    formulieren = regisseur.get(url, headers={"HX-Request": "true"}).content.decode()
    assert f'name="stemmen-{rijen[1].pk}-stemmen"' in formulieren
    assert "Terugkoppeling opslaan" in formulieren and "<html" not in formulieren
    zonder_js = regisseur.get(f"{sessie.get_absolute_url()}?verwerken={rijen[2].pk}")
    html = zonder_js.content.decode()
    assert f'name="stemmen-{rijen[2].pk}-stemmen"' in html
    assert f'name="stemmen-{rijen[0].pk}-stemmen"' not in html
    # A refused row comes back open with its error; the others stay closed.
    fout = _post(
        regisseur,
        "inbreng-stemmen",
        {f"stemmen-{rijen[0].pk}-stemmen": -1},
        sessie.pk,
        rijen[0].pk,
    ).content.decode()
    assert fout.count('app-inbreng__verwerken" open') == 1
    assert f'name="stemmen-{rijen[0].pk}-stemmen"' in fout
    # Whoever may only bring inbreng (a partner at the table) gets no forms.
    assert client_for(users["partner"]).get(url).status_code == 403


def test_when_all_inbreng_has_terugkoppeling_the_pages_say_so_not_zero(users, sessie, opgave):
    InbrengFactory(bijeenkomst=sessie, terugkoppeling="in_onderzoek", toelichting="We kijken.")
    client = client_for(users["regisseur"])
    pagina = client.get(reverse("participatie:bijeenkomst-detail", args=[sessie.pk])).content
    assert "Alle inbreng heeft terugkoppeling gekregen." in pagina.decode()
    assert "0 keer inbreng" not in pagina.decode()
    hub = client.get(opgave.get_absolute_url()).content.decode()
    assert "geen inbreng wacht op terugkoppeling" in hub and "0 keer inbreng" not in hub


def test_the_attendance_list_marks_who_was_invited_and_who_came(users, sessie, opgave):
    kwam, bleef_weg, onverwacht = (
        BetrokkenheidFactory(opgave=opgave, stakeholder__naam=naam).stakeholder
        for naam in ("Dorpsraad Kwam", "Dorpsraad Weg", "Dorpsraad Onverwacht")
    )
    sessie.uitgenodigd.set([kwam, bleef_weg])
    sessie.aanwezig.set([kwam, onverwacht])
    html = client_for(users["regisseur"]).get(sessie.get_absolute_url()).content.decode()
    lijst = html.split('aria-label="Uitgenodigd en aanwezig"', 1)[1].split("</ul>", 1)[0]
    assert re.search(r"Dorpsraad Kwam</a> — uitgenodigd, aanwezig<", lijst)
    assert re.search(r"Dorpsraad Weg</a> — uitgenodigd, niet \(geregistreerd\) aanwezig<", lijst)
    assert re.search(r"Dorpsraad Onverwacht</a> — aanwezig, niet uitgenodigd<", lijst)
