from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opgaven.models import Opgave


class Command(BaseCommand):
    help = "Maakt een programmarapportage (PDF) voor één opgave of voor alle opgaven."

    def add_arguments(self, parser):
        parser.add_argument("--opgave", required=True, help="Het id van een opgave, of 'alle'.")
        parser.add_argument("--output", required=True, help="Het PDF-bestand om te schrijven.")

    def handle(self, *args, opgave: str, output: str, **options):
        if opgave == "alle":
            opgaven = Opgave.objects.all()
            titel = "Programmarapportage alle opgaven"
        else:
            if not opgave.isdigit() or not Opgave.objects.filter(pk=int(opgave)).exists():
                raise CommandError(f"Geen opgave met id {opgave!r}. Geef een id of 'alle'.")
            opgaven = Opgave.objects.filter(pk=int(opgave))
            titel = f"Programmarapportage {opgaven.get().titel}"
        from rapportages.renderers import programmarapportage_pdf

        pdf = programmarapportage_pdf(opgaven, titel=titel)
        Path(output).write_bytes(pdf)
        self.stdout.write(f"{output}: {len(pdf)} bytes, {opgaven.count()} opgave(n).")
