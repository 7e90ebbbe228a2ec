import subprocess

import pytest
from django.core.management import CommandError, call_command

from tests.canvas.factories import CanvasItemFactory


def test_command_renders_one_opgave(opgave, tmp_path):
    CanvasItemFactory(opgave=opgave, tekst="Doel uit het canvas")
    output = tmp_path / "een.pdf"
    call_command("rapportage", opgave=str(opgave.pk), output=str(output))
    text = subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Doel uit het canvas" in text
    assert "Wat mag het kosten?" in text


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["999999", "abc", "-1"])
def test_command_explains_unknown_opgave(value, tmp_path):
    with pytest.raises(CommandError, match="Geen opgave"):
        call_command("rapportage", opgave=value, output=str(tmp_path / "x.pdf"))
