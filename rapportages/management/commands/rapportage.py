from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.invoer import alleen_cijfers
from opgaven.models import Opgave
from rapportages.models import MomentSoort, PcMoment, titel


class Command(BaseCommand):
    help = (
        "Maakt een programmarapportage (PDF) voor één opgave of voor alle opgaven, "
        "naar keuze voor een P&C-moment (met de bijdragen van de opgaven)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--opgave", required=True, help="Het id van een opgave, of 'alle'.")
        parser.add_argument("--output", required=True, help="Het PDF-bestand om te schrijven.")
        parser.add_argument(
            "--moment",
            help="Een P&C-moment: het id, of soort-jaar zoals begroting-2027 of berap1-2026.",
        )

    def handle(self, *args, opgave: str, output: str, moment: str | None = None, **options):
        if opgave == "alle":
            opgaven, gekozen = Opgave.objects.all(), None
        else:
            if not alleen_cijfers(opgave) or not Opgave.objects.filter(pk=int(opgave)).exists():
                raise CommandError(f"Geen opgave met id {opgave!r}. Geef een id of 'alle'.")
            opgaven = Opgave.objects.filter(pk=int(opgave))
            gekozen = opgaven.get()
        pc_moment = _moment(moment) if moment else None
        from rapportages.renderers import programmarapportage_pdf

        pdf = programmarapportage_pdf(
            opgaven, titel=titel(opgave=gekozen, moment=pc_moment), moment=pc_moment
        )
        Path(output).write_bytes(pdf)
        self.stdout.write(f"{output}: {len(pdf)} bytes, {opgaven.count()} opgave(n).")


def _moment(tekst: str) -> PcMoment:
    if alleen_cijfers(tekst):
        gevonden = PcMoment.objects.filter(pk=int(tekst)).first()
    else:
        soort, _, jaar = tekst.rpartition("-")
        gevonden = (
            PcMoment.objects.filter(soort=soort, jaar=int(jaar)).first()
            if soort in MomentSoort.values and alleen_cijfers(jaar)
            else None
        )
    if gevonden is None:
        bekend = ", ".join(f"{m.soort}-{m.jaar}" for m in PcMoment.objects.all()[:20]) or "geen"
        raise CommandError(f"Geen P&C-moment {tekst!r}. Bekend: {bekend}.")
    return gevonden
