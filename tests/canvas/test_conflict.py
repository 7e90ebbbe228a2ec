"""Two people, one canvas item: a stale save never overwrites (docs/reliability.md)."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from canvas.models import CanvasItem
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for


def _post(client, item, tekst, versie, htmx=True):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        reverse("canvas:canvasitem-update", args=[item.pk]),
        {f"item-{item.pk}-tekst": tekst, f"item-{item.pk}-versie": versie},
        headers=headers,
    )


def test_stale_save_shows_conflict_with_both_texts(users, opgave):
    item = CanvasItemFactory(opgave=opgave, tekst="Begin")
    a, b = client_for(users["regisseur"]), client_for(users["teamlid"])
    # A and B both load version 1.
    assert (
        a.get(
            reverse("canvas:canvasitem-update", args=[item.pk]), headers={"HX-Request": "true"}
        ).status_code
        == 200
    )
    assert (
        b.get(
            reverse("canvas:canvasitem-update", args=[item.pk]), headers={"HX-Request": "true"}
        ).status_code
        == 200
    )

    assert _post(a, item, "Tekst van A <script>", 1).status_code == 200
    response = _post(b, item, "Tekst van B", 1)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Tekst van A &lt;script&gt;" in html
    assert "Tekst van B" in html
    assert "intussen door iemand anders gewijzigd" in html
    assert 'value="2"' in html  # the merge form carries the new version
    item.refresh_from_db()
    assert (item.tekst, item.versie) == ("Tekst van A <script>", 2)

    # B merges and saves deliberately on top of version 2.
    assert _post(b, item, "Samengevoegd: A en B", 2).status_code == 200
    item.refresh_from_db()
    assert (item.tekst, item.versie) == ("Samengevoegd: A en B", 3)


def test_stale_save_without_htmx_also_refuses(users, opgave):
    item = CanvasItemFactory(opgave=opgave, tekst="Begin")
    client = client_for(users["regisseur"])
    _post(client, item, "Eerste", 1, htmx=False)
    response = _post(client, item, "Tweede", 1, htmx=False)
    assert response.status_code == 409
    assert "<title>" in response.content.decode()  # a full page, not a fragment
    item.refresh_from_db()
    assert item.tekst == "Eerste"


def test_empty_text_is_refused_in_dutch_and_keeps_saved_text(users, opgave):
    item = CanvasItemFactory(opgave=opgave, tekst="Bewaard")
    response = _post(client_for(users["regisseur"]), item, "   ", 1)
    assert response.status_code == 422
    assert "Vul een tekst in" in response.content.decode()
    item.refresh_from_db()
    assert item.tekst == "Bewaard"


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_lose_nothing():
    """Many threads on PostgreSQL: accepted + refused = attempts; the last accepted text wins."""
    from tests.accounts.factories import UserFactory

    user = UserFactory(rol="beheerder")
    item = CanvasItemFactory()
    threads, attempts_per_thread = 6, 30
    accepted: list[tuple[int, str]] = []
    refused = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads)

    def writer(n: int) -> None:
        barrier.wait()
        try:
            for i in range(attempts_per_thread):
                versie = CanvasItem.objects.values_list("versie", flat=True).get(pk=item.pk)
                tekst = f"schrijver {n} poging {i}"
                ok = CanvasItem.objects.update_if_current(
                    item, versie=versie, tekst=tekst, user=user
                )
                with lock:
                    (accepted if ok else refused).append((versie + 1, tekst) if ok else tekst)
        finally:
            connection.close()

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()

    item.refresh_from_db()
    assert len(accepted) + len(refused) == threads * attempts_per_thread
    assert refused, "the test did not create any contention"
    assert item.versie == 1 + len(accepted)
    # Every accepted write got its own version: no two winners for one version.
    assert sorted(v for v, _ in accepted) == list(range(2, item.versie + 1))
    assert item.tekst == max(accepted)[1]


def test_a_save_reads_the_items_details_once(users, opgave):
    """Before the write only the item and its opgave are read (for the check); the details
    shown (editor, owner, comment count) once, for the answer."""
    item = CanvasItemFactory(opgave=opgave, tekst="Begin")
    client = client_for(users["regisseur"])
    with CaptureQueriesContext(connection) as queries:
        assert _post(client, item, "Nieuw", 1).status_code == 200
    details = [q for q in queries.captured_queries if "aantal_reacties" in q["sql"]]
    assert len(details) == 1
    # Opening the editor reads the item once, with its details.
    url = reverse("canvas:canvasitem-update", args=[item.pk])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200
    items = [q for q in queries.captured_queries if 'FROM "canvas_canvasitem"' in q["sql"]]
    assert len(items) == 1 and "aantal_reacties" in items[0]["sql"]
