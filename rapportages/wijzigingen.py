"""What changed for an opgave since the previous published (frozen) report.

Compares the data kept with that report (``Rapportage.gegevens``) with the data of the
report being made; plain dicts in, Dutch sentences out.
"""

from decimal import Decimal

from core.templatetags.opmaak import euro
from opgaven.models import Fase, Voortgang


def label(keuzes, waarde) -> str:
    try:
        return str(keuzes(waarde).label)
    except ValueError:
        return str(waarde)


def sinds(vorige: dict | None, nu: dict, naam_nu=lambda pk: None) -> list[str]:
    """Sentences naming each change; empty when nothing changed. ``naam_nu(pk)`` gives a
    stakeholder's name as it is now (None when it no longer exists)."""
    if vorige is None:
        return []
    zinnen = []
    if vorige.get("fase") != nu.get("fase"):
        zinnen.append(f"Fase: {label(Fase, vorige.get('fase'))} → {label(Fase, nu.get('fase'))}.")
    if "voortgang" in vorige and vorige["voortgang"] != nu.get("voortgang"):
        oud, nieuw = label(Voortgang, vorige["voortgang"]), label(Voortgang, nu.get("voortgang"))
        zinnen.append(f"Voortgang: {oud} → {nieuw}.")
    for sleutel, naam in (("begroot", "Begroot"), ("realisatie", "Gerealiseerd")):
        if sleutel in vorige and Decimal(vorige[sleutel]) != Decimal(nu[sleutel]):
            oud, nieuw = Decimal(vorige[sleutel]), Decimal(nu[sleutel])
            zinnen.append(f"{naam}: {euro(oud)} → {euro(nieuw)}.")
    for vraag, antwoord in nu.get("w_vragen", {}).items():
        if vorige.get("w_vragen", {}).get(vraag) != antwoord:
            zinnen.append(f"Het antwoord op '{vraag}' is gewijzigd.")
    zinnen += _indicatoren(vorige.get("indicatoren"), nu.get("indicatoren", []))
    zinnen += _stakeholders(vorige.get("stakeholders", []), nu.get("stakeholders", []), naam_nu)
    if "personen" in vorige and vorige["personen"] != nu.get("personen"):
        zinnen.append(f"Betrokken personen: {vorige['personen']} → {nu.get('personen')}.")
    return zinnen


def _indicatoren(vorige: list[dict] | None, nu: list[dict]) -> list[str]:
    """A new last measurement per indicator (snapshots from before indicators: none)."""
    if vorige is None:
        return []
    oud = {i["naam"]: i["waarde"] for i in vorige}
    return [
        f"Indicator {i['naam']}: {oud[i['naam']]} → {i['waarde']}."
        for i in nu
        if i["naam"] in oud and oud[i["naam"]] != i["waarde"]
    ]


def _stakeholders(vorige: list[dict], nu: list[dict], naam_nu) -> list[str]:
    """Stakeholders come and go by id; ``nu`` holds only those the report may name. One no
    longer named is named by ``naam_nu`` (its name if it may be published now), or by the
    old snapshot's name only if that snapshot says it was an organisation: a person (or an
    entry from before snapshots kept the form) is never named from an old snapshot. Against
    a snapshot from before ids were kept, nothing is compared."""
    if not all("id" in s for s in vorige):
        return []
    oud = {s["id"]: s for s in vorige}
    nieuw = {s["id"]: s["naam"] for s in nu}
    zinnen = []
    if erbij := sorted(nieuw[k] for k in nieuw.keys() - oud.keys()):
        zinnen.append("Nieuwe stakeholders: " + ", ".join(erbij) + ".")
    weg = []
    for k in oud.keys() - nieuw.keys():
        naam = naam_nu(k) or (oud[k]["naam"] if oud[k].get("vorm") == "organisatie" else None)
        if naam:
            weg.append(naam)
    if weg:
        zinnen.append("Niet meer betrokken: " + ", ".join(sorted(weg)) + ".")
    return zinnen
