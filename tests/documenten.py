"""Asking for a document (canvas A3, terugkoppeling) as a user does, and reading it back."""

from django.urls import resolve, reverse

from rapportages import documenten
from rapportages.models import Document


def vraag_document(client, url: str, **data) -> Document:
    response = client.post(url, data)
    assert response.status_code == 302, response.status_code
    return Document.objects.get(pk=resolve(response.url).kwargs["pk"])


def maak_document(client, url: str, **data) -> bytes:
    """Ask for the document, make it as the worker does, download it.

    The task itself runs in a real worker in tests/rapportages/test_documenten.py; here the
    job's work is done in the test's process, which is what lets PDF tests stay fast.
    """
    document = vraag_document(client, url, **data)
    documenten.document_maken(document_id=document.pk)
    response = client.get(reverse("rapportages:document-download", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)
