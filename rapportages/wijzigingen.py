"""What changed for an opgave since the previous published (frozen) report.

Compares the data kept with that report (``Rapportage.gegevens``) with the data of the
report being made; plain dicts in, Dutch sentences out.
"""

from decimal import Decimal

from core.templatetags.opmaak import euro
from opgaven.models import Fase, Voortgang


def _label(keuzes, waarde) -> str:
    try:
        return str(keuzes(waarde).label)
    except ValueError:
        return str(waarde)


def sinds(vorige: dict | None, nu: dict) -> list[str]:
    """Sentences naming each change; empty when nothing changed."""
    if vorige is None:
        return []
    zinnen = []
    if vorige.get("fase") != nu.get("fase"):
        zinnen.append(f"Fase: {_label(Fase, vorige.get('fase'))} → {_label(Fase, nu.get('fase'))}.")
    if "voortgang" in vorige and vorige["voortgang"] != nu.get("voortgang"):
        oud, nieuw = _label(Voortgang, vorige["voortgang"]), _label(Voortgang, nu.get("voortgang"))
        zinnen.append(f"Voortgang: {oud} → {nieuw}.")
    for sleutel, naam in (("begroot", "Begroot"), ("realisatie", "Gerealiseerd")):
        if sleutel in vorige and Decimal(vorige[sleutel]) != Decimal(nu[sleutel]):
            oud, nieuw = Decimal(vorige[sleutel]), Decimal(nu[sleutel])
            zinnen.append(f"{naam}: {euro(oud)} → {euro(nieuw)}.")
    for vraag, antwoord in nu.get("w_vragen", {}).items():
        if vorige.get("w_vragen", {}).get(vraag) != antwoord:
            zinnen.append(f"Het antwoord op '{vraag}' is gewijzigd.")
    oud = {s["naam"] for s in vorige.get("stakeholders", [])}
    nieuw = {s["naam"] for s in nu.get("stakeholders", [])}
    if nieuw - oud:
        zinnen.append("Nieuwe stakeholders: " + ", ".join(sorted(nieuw - oud)) + ".")
    if oud - nieuw:
        zinnen.append("Niet meer betrokken: " + ", ".join(sorted(oud - nieuw)) + ".")
    return zinnen
