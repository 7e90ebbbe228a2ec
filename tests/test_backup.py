"""Backup and restore: the drill. Demo data with a vastgestelde, published report, a
backup, then everything dropped (every table, every file), the restore, and every table's
row count and content and every file identical; the frozen report still matches its
checksum."""

import hashlib
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from core import backup
from tests.demo_kopie import demodata

pytestmark = pytest.mark.django_db(transaction=True)


def _inhoud() -> dict[str, tuple[int, str]]:
    """Per table: the number of rows and a hash of all of them."""
    uitkomst = {}
    with connection.cursor() as cursor:
        for tabel in sorted(connection.introspection.table_names(cursor)):
            naam = connection.ops.quote_name(tabel)
            sql = "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
            cursor.execute(f"{sql} FROM {naam} t")
            uitkomst[tabel] = cursor.fetchone()
    return uitkomst


def _bestanden(map_: Path) -> dict[str, str]:
    return {
        p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(map_.rglob("*"))
        if p.is_file()
    }


def test_the_drill_backup_drop_everything_restore_gives_the_same_tables_and_files(
    tmp_path, settings
):
    from demo.seed.rapportages import gepubliceerde_rapportage
    from opgaven.models import Opgave
    from rapportages.models import Rapportage
    from rapportages.services import bestand_klopt

    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    demodata()
    # A report of one opgave, concept and definitive version: the files that must come back.
    # (The demo's two programme reports would render some ninety pages for the same check.)
    gepubliceerde_rapportage(None, opgave=Opgave.objects.get(titel="Vitale kernen"))
    gepubliceerd = Rapportage.objects.filter(gepubliceerd_op__isnull=False)
    assert gepubliceerd.filter(opgave__titel="Vitale kernen").exists()
    (media / "logo").mkdir(parents=True, exist_ok=True)
    (media / "logo" / "wapen.png").write_bytes(b"\x89PNG proef")
    voor, bestanden_voor = _inhoud(), _bestanden(media)
    assert Rapportage.objects.exclude(checksum="").exists()
    assert len(bestanden_voor) >= 2 and voor["opgaven_opgave"][0] >= 14

    call_command("backup", str(tmp_path / "backup"))
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    shutil.rmtree(media)
    assert connection.introspection.table_names() == []

    call_command("restore", str(tmp_path / "backup"), zeker=True)

    assert _inhoud() == voor
    assert _bestanden(media) == bestanden_voor
    vastgesteld = Rapportage.objects.exclude(checksum="")
    assert vastgesteld.exists() and all(bestand_klopt(r) for r in vastgesteld)


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path, eigen_media, opgave):
    media = eigen_media
    (media / "rapport.pdf").write_bytes(b"%PDF- rapport")
    call_command("backup", str(tmp_path / "b"))
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("backup", str(tmp_path / "b"))
    with pytest.raises(CommandError, match="--zeker"):
        call_command("restore", str(tmp_path / "b"))

    dump = tmp_path / "b" / backup.DUMP
    inhoud = bytearray(dump.read_bytes())
    inhoud[len(inhoud) // 2] ^= 0xFF
    dump.write_bytes(bytes(inhoud))
    (media / "rapport.pdf").write_bytes(b"%PDF- nieuwer")
    with pytest.raises(CommandError, match=r"Beschadigd.*database\.dump"):
        call_command("restore", str(tmp_path / "b"), zeker=True)
    assert (media / "rapport.pdf").read_bytes() == b"%PDF- nieuwer"
    assert type(opgave).objects.filter(pk=opgave.pk).exists()
