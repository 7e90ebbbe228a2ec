"""The reference lists the beheerder keeps."""

import pytest
from django.urls import reverse

from opgaven.models import Domein
from tests.conftest import client_for


def test_beheerder_manages_reference_lists(users):
    client = client_for(users["beheerder"])
    domein_url = reverse("opgaven:domein-create")
    assert client.post(domein_url, {"domein-naam": "Klimaat en energie"}).status_code == 302
    dubbel = client.post(domein_url, {"domein-naam": "Klimaat en energie"})
    assert dubbel.status_code == 422
    assert "Dit domein bestaat al." in dubbel.content.decode()
    domein = Domein.objects.get()
    client.post(reverse("opgaven:domein-actief", args=[domein.pk]))
    domein.refresh_from_db()
    assert domein.actief is False
    gebied_url = reverse("opgaven:gebied-create")
    gebied = {"gebied-naam": "Broekhoven", "gebied-soort": "kern", "gebied-cbs_code": "WK0001"}
    assert client.post(gebied_url, gebied).status_code == 302
    leeg = client.post(gebied_url, {"gebied-naam": "", "gebied-soort": "kern"})
    assert leeg.status_code == 422
    assert "Geef het gebied een naam." in leeg.content.decode()


@pytest.mark.parametrize("rol", ["regisseur", "medewerker", "teamlid", "raadslid"])
def test_only_beheerder_manages_reference_lists(users, rol):
    assert client_for(users[rol]).get(reverse("opgaven:referentielijsten")).status_code == 403
