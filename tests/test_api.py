"""The open API (config.api): tokens and scopes, no personal data in any answer, a schema
that documents every endpoint and field, changed-since sync, ETags, the rate limit, and a
measurement written through it that the web and the next report show."""

import datetime
import hashlib
import json
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pghistory.models import Events

from accounts.models import Koppeling, Scope
from canvas.models import Begrotingsregel, Blok, Financier, FinancierSoort, Indicator, Meting, Soort
from opgaven.models import Opgave
from rapportages.models import Bijdrage, MomentSoort, PcMoment, Rapportage, Status
from rapportages.renderers import programmarapportage
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import BetrokkenheidFactory

LIJSTEN = ["opgaven", "indicatoren", "metingen", "begrotingsregels", "bijdragen", "rapportages"]


@pytest.fixture
def koppelingen(users):
    lezen, token_lezen = Koppeling.maken(
        naam="Power BI", scope=Scope.LEZEN, door=users["beheerder"]
    )
    schrijven, token_schrijven = Koppeling.maken(
        naam="Financieel systeem", scope=Scope.LEZEN_SCHRIJVEN, door=users["beheerder"]
    )
    for k in (lezen, schrijven):
        caches["api"].delete(f"throttle_koppeling_{k.pk}")
    return {"lezen": token_lezen, "schrijven": token_schrijven}


def api(token: str | None) -> Client:
    headers = {"Authorization": f"Token {token}"} if token else {}
    return Client(headers=headers)


def url(naam: str, *args) -> str:
    return reverse(f"api:{naam}", args=args)


@pytest.fixture
def cijfers(opgave):
    effect = CanvasItemFactory(opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT)
    indicator = Indicator.objects.create(
        item=effect,
        naam="Ervaren eenzaamheid",
        eenheid="%",
        bron="ggd",
        nulmeting=Decimal("48"),
        nulmeting_datum=datetime.date(2024, 1, 1),
        streefwaarde=Decimal("40"),
        streefdatum=datetime.date(2028, 1, 1),
    )
    Meting.objects.create(indicator=indicator, datum=datetime.date(2025, 1, 1), waarde=47)
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Huisbezoeken")
    financier = Financier.objects.create(
        opgave=opgave, naam="Gemeente", soort=FinancierSoort.GEMEENTE
    )
    regel = Begrotingsregel.objects.create(
        opgave=opgave, jaar=2027, activiteit=activiteit, financier=financier, begroot=1000
    )
    return {"indicator": indicator, "regel": regel}


def test_without_a_valid_token_nothing_is_served(users, koppelingen):
    assert api(None).get(url("opgave-list")).status_code == 401
    assert api("geraden" * 5).get(url("opgave-list")).status_code == 401
    # A logged-in person's session is no key to the API.
    assert client_for(users["beheerder"]).get(url("opgave-list")).status_code == 401
    antwoord = api("kort").get(url("opgave-list"))
    assert antwoord.status_code == 401
    assert antwoord.json() == {"detail": "Deze token is onbekend of ingetrokken."}
    Koppeling.objects.get(naam="Power BI").intrekken()
    assert api(koppelingen["lezen"]).get(url("opgave-list")).status_code == 401
    assert api(koppelingen["schrijven"]).get(url("opgave-list")).status_code == 200


def test_a_read_token_reads_but_never_writes(users, koppelingen, cijfers):
    lezen = api(koppelingen["lezen"])
    for lijst in LIJSTEN:
        assert lezen.get(f"/api/v1/{lijst}/").status_code == 200, lijst
    meting = {"indicator": cijfers["indicator"].pk, "datum": "2026-01-01", "waarde": 44}
    antwoord = lezen.post(url("meting-list"), meting, content_type="application/json")
    assert antwoord.status_code == 403
    assert antwoord.json() == {"detail": "Deze koppeling mag alleen lezen."}
    regel = url("begrotingsregel-detail", cijfers["regel"].pk)
    assert lezen.patch(regel, {"realisatie": 5}, content_type="application/json").status_code == 403
    assert Meting.objects.count() == 1
    # Nothing can be deleted or replaced through the API, whatever the token.
    schrijven = api(koppelingen["schrijven"])
    assert schrijven.delete(regel).status_code == 405
    assert (
        schrijven.put(regel, {"realisatie": 5}, content_type="application/json").status_code == 405
    )
    assert schrijven.delete(url("opgave-detail", cijfers["regel"].opgave_id)).status_code == 405


def test_a_reference_that_is_no_id_is_a_400_not_a_500(users, koppelingen, cijfers):
    """Found by a probe: ``"indicator": 1e999`` (infinity in JSON) overflowed the database
    lookup (a 500)."""
    schrijven = api(koppelingen["schrijven"])
    for waarde in ("1e999", "true", '"abc"', '"²"', "-1", "1.5", "99999999999999999999"):
        body = f'{{"indicator": {waarde}, "datum": "2026-01-01", "waarde": 44}}'
        antwoord = schrijven.post(url("meting-list"), body, content_type="application/json")
        assert antwoord.status_code == 400, (waarde, antwoord.status_code)
        assert antwoord.json()["indicator"] == ["Geef een id: een geheel getal."], waarde
    body = '{"indicator": 987654, "datum": "2026-01-01", "waarde": 44}'
    antwoord = schrijven.post(url("meting-list"), body, content_type="application/json")
    assert antwoord.json()["indicator"] == ["Er is geen rij met id 987654."]
    assert Meting.objects.count() == 1


def test_personal_data_never_appears_in_any_answer(users, opgave, koppelingen, cijfers):
    opgave.portefeuillehouder = users["bestuurder"]
    opgave.bestuurlijk_opdrachtgever = "Wethouder Geheimnaam"
    opgave.save()
    for user in users.values():
        user.first_name, user.email = f"Persoon{user.pk}", f"persoon{user.pk}@maasdal.example"
        user.save()
    BetrokkenheidFactory(opgave=opgave, stakeholder__naam="Bewoner Verborgen")
    moment = PcMoment.objects.create(
        soort=MomentSoort.BEGROTING, jaar=2027, deadline=timezone.localdate()
    )
    Bijdrage.opslaan(moment=moment, opgave=opgave, versie=0, user=users["regisseur"], bereiken="x")
    verboden = ["Geheimnaam", "Verborgen", "maasdal.example"]
    verboden += [f"Persoon{u.pk}" for u in users.values()] + [u.username for u in users.values()]
    lezen = api(koppelingen["lezen"])
    for lijst in LIJSTEN:
        tekst = lezen.get(f"/api/v1/{lijst}/").content.decode()
        eerste = json.loads(tekst)["results"]
        if eerste:
            tekst += lezen.get(f"/api/v1/{lijst}/{eerste[0]['id']}/").content.decode()
        for woord in verboden:
            assert woord not in tekst, (lijst, woord)


def test_a_contribution_comes_as_typed_as_html_or_as_plain_text(users, opgave, koppelingen):
    """The same Markdown the report renders, by choice; never executed markup."""
    moment = PcMoment.objects.create(
        soort=MomentSoort.BEGROTING, jaar=2027, deadline=timezone.localdate()
    )
    getypt = "Beleidsdoelen\n- Elke kern een **plek**\n- <script>alert(1)</script>"
    Bijdrage.opslaan(
        moment=moment, opgave=opgave, versie=0, user=users["regisseur"], bereiken=getypt
    )
    lezen = api(koppelingen["lezen"])

    def bereiken(opmaak: str):
        antwoord = lezen.get("/api/v1/bijdragen/", {"opmaak": opmaak} if opmaak else {})
        assert antwoord.status_code == 200, antwoord.content
        return antwoord.json()["results"][0]["bereiken"]

    assert bereiken("") == bereiken("markdown") == getypt
    html = bereiken("html")
    assert "<ul>" in html and "<strong>plek</strong>" in html and "<script" not in html
    assert bereiken("tekst") == "Beleidsdoelen\n• Elke kern een plek"
    fout = lezen.get("/api/v1/bijdragen/", {"opmaak": "pdf"})
    assert fout.status_code == 400 and fout.json() == {"opmaak": ["Kies markdown, html of tekst."]}


def test_the_schema_documents_every_endpoint_and_every_field(users, koppelingen, cijfers, opgave):
    schema = api(None).get(url("schema"), {"format": "json"})
    assert schema.status_code == 200
    spec = json.loads(schema.content)
    assert spec["openapi"].startswith("3.")
    lezen = api(koppelingen["lezen"])
    Bijdrage.opslaan(
        moment=PcMoment.objects.create(
            soort=MomentSoort.BEGROTING, jaar=2027, deadline=timezone.localdate()
        ),
        opgave=opgave,
        versie=0,
        user=users["regisseur"],
        bereiken="x",
    )
    componenten = spec["components"]["schemas"]
    for lijst in LIJSTEN:
        pad = f"/api/v1/{lijst}/"
        assert pad in spec["paths"], pad
        assert f"/api/v1/{lijst}/{{id}}/" in spec["paths"], lijst
        antwoord = spec["paths"][pad]["get"]["responses"]["200"]["content"]["application/json"]
        pagina = componenten[antwoord["schema"]["$ref"].rsplit("/", 1)[1]]
        rij = componenten[pagina["properties"]["results"]["items"]["$ref"].rsplit("/", 1)[1]]
        gedocumenteerd = set(rij["properties"])
        for item in lezen.get(pad).json()["results"]:
            assert set(item) == gedocumenteerd, (lijst, set(item) ^ gedocumenteerd)
    # Every route the API answers is in the schema (no hidden endpoint).
    from config.api import router

    for prefix, _viewset, _basename in router.registry:
        assert f"/api/v1/{prefix}/" in spec["paths"]


def test_changed_since_returns_only_what_changed(users, opgave, andere_opgave, koppelingen):
    lezen = api(koppelingen["lezen"])
    alle = lezen.get(url("opgave-list")).json()
    assert alle["count"] == 2
    grens = timezone.now()
    andere_opgave.fase = "formuleren"
    andere_opgave.save()
    gewijzigd = lezen.get(url("opgave-list"), {"gewijzigd_sinds": grens.isoformat()}).json()
    assert [o["id"] for o in gewijzigd["results"]] == [andere_opgave.pk]
    assert gewijzigd["results"][0]["fase"] == "formuleren"
    fout = lezen.get(url("opgave-list"), {"gewijzigd_sinds": "gisteren"})
    assert fout.status_code == 400
    assert fout.json() == {
        "gewijzigd_sinds": ["Geef een datum of moment, zoals 2026-11-01T00:00:00Z."]
    }
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert lezen.get(url("opgave-list"), {"gewijzigd_sinds": morgen}).json()["count"] == 0


def test_an_unchanged_page_answers_304_by_its_etag(users, opgave, koppelingen):
    lezen = api(koppelingen["lezen"])
    eerste = lezen.get(url("opgave-detail", opgave.pk))
    etag = eerste["ETag"]
    assert etag.startswith('"')
    niets = lezen.get(url("opgave-detail", opgave.pk), headers={"If-None-Match": etag})
    assert niets.status_code == 304
    assert niets.content == b""
    opgave.titel = "Nieuwe titel"
    opgave.save()
    weer = lezen.get(url("opgave-detail", opgave.pk), headers={"If-None-Match": etag})
    assert weer.status_code == 200
    assert weer["ETag"] != etag


def test_pages_of_a_hundred_and_no_page_past_the_end(users, koppelingen, cijfers):
    indicator = cijfers["indicator"]
    Meting.objects.bulk_create(
        Meting(
            indicator=indicator,
            datum=datetime.date(2000, 1, 1) + datetime.timedelta(days=n),
            waarde=n,
        )
        for n in range(150)
    )
    lezen = api(koppelingen["lezen"])
    eerste = lezen.get(url("meting-list"), {"indicator": indicator.pk}).json()
    assert (eerste["count"], len(eerste["results"])) == (151, 100)
    assert "pagina=2" in eerste["next"]
    tweede = lezen.get(eerste["next"]).json()
    assert len(tweede["results"]) == 51
    assert lezen.get(url("meting-list"), {"pagina": 9}).status_code == 404
    assert lezen.get(url("meting-list"), {"indicator": "x"}).json()["count"] == 0


def test_the_rate_limit_answers_429_per_integration(users, koppelingen, settings):
    settings.API_VERZOEKEN_PER_MINUUT = 3
    lezen, schrijven = api(koppelingen["lezen"]), api(koppelingen["schrijven"])
    assert [lezen.get(url("opgave-list")).status_code for _ in range(3)] == [200] * 3
    te_veel = lezen.get(url("opgave-list"))
    assert te_veel.status_code == 429
    assert int(te_veel["Retry-After"]) > 0
    assert schrijven.get(url("opgave-list")).status_code == 200


def test_a_measurement_written_through_the_api_is_in_history_page_and_report(
    users, opgave, koppelingen, cijfers
):
    indicator, schrijven = cijfers["indicator"], api(koppelingen["schrijven"])
    data = {"indicator": indicator.pk, "datum": "2026-06-30", "waarde": 43.5, "toelichting": "GGD"}
    nieuw = schrijven.post(url("meting-list"), data, content_type="application/json")
    assert nieuw.status_code == 201, nieuw.content
    assert nieuw.json()["waarde"] == 43.5
    nogmaals = schrijven.post(
        url("meting-list"), data | {"waarde": 42}, content_type="application/json"
    )
    assert nogmaals.status_code == 200
    assert Meting.objects.get(datum=datetime.date(2026, 6, 30)).waarde == Decimal("42")
    fout = schrijven.post(
        url("meting-list"),
        data | {"waarde": "veel", "indicator": 0},
        content_type="application/json",
    )
    assert fout.status_code == 400
    assert set(fout.json()) == {"waarde", "indicator"}
    regel = url("begrotingsregel-detail", cijfers["regel"].pk)
    assert (
        schrijven.patch(regel, {"realisatie": 250.5}, content_type="application/json").status_code
        == 200
    )
    assert (
        schrijven.patch(regel, {"realisatie": -1}, content_type="application/json").status_code
        == 400
    )
    assert (
        schrijven.patch(regel, {"begroot": 1}, content_type="application/json").json()["begroot"]
        == 1000
    )

    # The history names the integration.
    bronnen = {
        (e.pgh_context or {}).get("bron")
        for e in Events.objects.filter(
            pgh_model__in=["canvas.MetingEvent", "canvas.BegrotingsregelEvent"],
            pgh_label__in=["insert", "update"],
        )
    }
    assert "API: Financieel systeem" in bronnen
    # The indicators page (its chart and table) shows it, and so does the next report.
    pagina = client_for(users["regisseur"]).get(reverse("canvas:indicatoren", args=[opgave.pk]))
    html = " ".join(pagina.content.decode().split())
    assert '30 juni 2026</td> <td class="utrecht-table__cell app-getal">42</td>' in html
    assert '<td class="utrecht-table__cell">GGD</td>' in html
    rapport = programmarapportage(Opgave.objects.filter(pk=opgave.pk), titel="Volgende rapportage")
    [gegevens] = rapport.gegevens["opgaven"]
    assert gegevens["indicatoren"][0]["waarde"] == "42\u00a0%"
    assert gegevens["realisatie"] == "250.50"


def test_with_redis_down_the_api_still_answers(users, koppelingen, monkeypatch):
    """The rate limit counts in Redis; when it does not answer, requests are served."""
    from django.core.cache.backends.redis import RedisCache

    from accounts.api import PerKoppeling

    dicht = RedisCache("redis://127.0.0.1:9/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    monkeypatch.setattr(PerKoppeling, "cache", dicht)
    assert api(koppelingen["lezen"]).get(url("opgave-list")).status_code == 200


def test_a_published_report_is_served_as_the_council_got_it(users, opgave, koppelingen):
    inhoud = b"%PDF-1.7\n% rapportage voor de raad\n%%EOF\n"

    def rapport(gepubliceerd: bool) -> Rapportage:
        return Rapportage.objects.create(
            opgave=opgave,
            aangevraagd_door=users["regisseur"],
            totaal=1,
            status=Status.KLAAR,
            bestand=ContentFile(inhoud, name="rapport.pdf"),
            checksum=hashlib.sha256(inhoud).hexdigest(),
            gepubliceerd_op=timezone.now() if gepubliceerd else None,
            vastgesteld_op=timezone.now() if gepubliceerd else None,
            vastgesteld_door=users["bestuurder"] if gepubliceerd else None,
        )

    gepubliceerd, concept = rapport(True), rapport(False)
    lezen = api(koppelingen["lezen"])
    pdf = lezen.get(url("rapportage-pdf", gepubliceerd.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert b"".join(pdf.streaming_content) == inhoud
    assert pdf.get("ETag") == f'"{gepubliceerd.checksum}"'
    opnieuw = lezen.get(
        url("rapportage-pdf", gepubliceerd.pk), headers={"If-None-Match": pdf["ETag"]}
    )
    assert opnieuw.status_code == 304
    # A concept is not the council's; without a token nothing.
    assert lezen.get(url("rapportage-pdf", concept.pk)).status_code == 404
    assert api(None).get(url("rapportage-pdf", gepubliceerd.pk)).status_code == 401
    # A file changed after publication is refused, in Dutch.
    with gepubliceerd.bestand.open("wb") as bestand:
        bestand.write(inhoud + b"% veranderd\n")
    fout = lezen.get(url("rapportage-pdf", gepubliceerd.pk))
    assert fout.status_code == 409
    assert "klopt niet meer" in fout.json()["detail"]
