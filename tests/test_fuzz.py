"""Random input to every form in the URL conf never gives a 500 ("every bad value gets a
Dutch message"). Hypothesis picks a route that takes a POST (from the permission matrix,
which knows every route and how to build its arguments), a user who may post there, and
values for the field names of every form in the app: strings, numbers, dates (also far
outside any sensible range), hostile text and files. Every page's address parameters get
the same treatment, the NUL character too."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import BaseForm, FileField
from django.test import Client
from django.urls import get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import hostile
from tests.conftest import beveiligingslog, client_for
from tests.test_permissions import MATRIX, _objecten

pytestmark = pytest.mark.django_db


def _formulieren(klasse=BaseForm):
    for sub in klasse.__subclasses__():
        yield sub
        yield from _formulieren(sub)


def _veldnamen() -> tuple[list[str], set[str]]:
    """Every field name our forms post (with their prefix), and which take a file."""
    get_resolver().url_patterns  # noqa: B018  (imports every view, so every form)
    namen, bestanden = set(), set()
    for form in _formulieren():
        if form.__module__.split(".")[0] not in {
            "accounts",
            "canvas",
            "core",
            "opgaven",
            "participatie",
            "rapportages",
        }:
            continue
        prefix = getattr(form, "prefix", None)
        for naam, veld in form.base_fields.items():
            volledig = f"{prefix}-{naam}" if prefix else naam
            (bestanden if isinstance(veld, FileField) else namen).add(volledig)
    # Names the views read from the POST themselves.
    namen |= {"versie", "verplaats", "reden", "actief", "rol", "status", "opgave", "moment"}
    return sorted(namen), bestanden


NAMEN, BESTANDEN = _veldnamen()
ROUTES = sorted(
    naam for naam, (_args, rijen) in MATRIX.items() if any("post" in r[0] for r in rijen)
)
WAARDEN = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates(min_value=datetime.date(1, 1, 1)).map(lambda d: d.strftime("%d-%m-%Y")),
    st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat),
    st.sampled_from(["", "0", "-1", "1e9999999999", "on", "ja", hostile.SCRIPT, hostile.FORMULA]),
)


def test_the_matrix_has_routes_and_the_forms_have_fields():
    assert len(ROUTES) > 80 and len(NAMEN) > 100, (len(ROUTES), len(NAMEN))


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(ROUTES),
    wie=st.sampled_from(["beheerder", "regisseur", "bestuurder", "partner"]),
    velden=st.dictionaries(st.sampled_from(NAMEN), WAARDEN, max_size=15),
    bestand=st.one_of(st.none(), st.tuples(st.sampled_from(sorted(BESTANDEN)), st.binary())),
    htmx=st.booleans(),
)
def test_random_input_to_any_form_never_gives_a_500(
    objecten, users, route, wie, velden, bestand, htmx
):
    args, _rijen = MATRIX[route]
    url = reverse(route, args=args(objecten))
    data = dict(velden)
    if bestand is not None:
        naam, inhoud = bestand
        data[naam] = SimpleUploadedFile("bestand.csv", inhoud)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client_for(users[wie]).post(url, data, headers=headers)
    assert response.status_code < 500, (route, wie, velden)


def _parameters() -> list[str]:
    """Every address parameter a view reads itself (found in the source, so a new one is
    covered), those the filter forms and the page lists read, and a searchable choice's
    text box (``<field>_zoek``, whatever the field)."""
    gelezen = set()
    for app in ("accounts", "canvas", "core", "opgaven", "participatie", "rapportages"):
        for bron in (Path(__file__).resolve().parents[1] / app).rglob("*.py"):
            gelezen |= set(re.findall(r'request\.GET\.get\(\s*"([^"]+)"', bron.read_text()))
    assert {"q", "status", "a", "b", "verwerken"} <= gelezen, gelezen
    filters = {"fase", "domein", "gebied", "prioriteit", "persoon", "regisseur", "actief"}
    lijsten = {"pagina", "komend", "acties", "inbreng", "formulier"}
    return sorted(gelezen | filters | lijsten | {"team-user_zoek", "eigenaar_zoek"})


PARAMETERS = _parameters()
GET_ROUTES = sorted(
    naam for naam, (_args, rijen) in MATRIX.items() if any(r[0] == "get" for r in rijen)
)


@pytest.mark.parametrize("wie", ["beheerder", "regisseur"])
def test_hostile_address_parameters_on_every_page_never_give_a_500(objecten, users, wie):
    """Every page the beheerder and the regisseur open, with every parameter a view reads
    set to hostile text (never a 500, never echoed as markup); and with a NUL character in
    one, a Dutch 400. The searches passed
    a NUL on to PostgreSQL, which cannot compare text holding one: a 500 on five routes."""
    assert len(GET_ROUTES) > 100, len(GET_ROUTES)
    client = client_for(users[wie])
    for route in GET_ROUTES:
        url = reverse(route, args=MATRIX[route][0](objecten))
        for waarde in (hostile.text(), "-1", "9" * 30, "²"):  # "²".isdigit() is true
            response = client.get(url, dict.fromkeys(PARAMETERS, waarde))
            assert response.status_code != 500, (route, wie, waarde)  # 503: health
            if response.get("Content-Type", "").startswith("text/html"):
                assert hostile.SCRIPT not in response.text, route
        response = client.get(url, dict.fromkeys(PARAMETERS, "eenzaam\x00"))
        assert response.status_code == 400, (route, wie)
        assert "Ongeldig verzoek" in response.text


def test_a_nul_in_the_path_is_a_400_too(users):
    response = client_for(users["regisseur"]).get("/opgaven/%00/")
    assert response.status_code == 400 and "Ongeldig verzoek" in response.text


def test_an_unknown_host_name_gets_the_dutch_400_and_is_logged(caplog):
    """Django refuses a Host outside ALLOWED_HOSTS; our page says so in Dutch (it renders
    without asking the request for its host, which would refuse again: a 500)."""
    response = Client(HTTP_HOST="evil.example").get("/")
    assert response.status_code == 400 and "Ongeldig verzoek" in response.text
    [gebeurtenis] = [e for e in beveiligingslog(caplog) if e["action"] == "bad_request"]
    assert gebeurtenis["outcome"] == "denied"


@pytest.fixture
def objecten(users, opgave, andere_opgave):
    return _objecten(users, opgave, andere_opgave)
