"""What a bestuurder reads before vaststellen: which contributions are there and which are
missing, which opgaven report no figures, and what changed since the last published report.

Read from the data kept with the concept (``Rapportage.gegevens``), so it summarises exactly
the document that will be fixed, not the opgaven as they are by now.
"""

from dataclasses import dataclass, field

from .models import BijdrageStatus, Rapportage
from .wijzigingen import label


@dataclass
class Samenvatting:
    aantal: int = 0
    met_bijdrage: list[tuple[str, str]] = field(default_factory=list)  # titel, status
    zonder_bijdrage: list[str] = field(default_factory=list)
    zonder_cijfers: list[str] = field(default_factory=list)
    wijzigingen: list[tuple[str, list[str]]] = field(default_factory=list)
    nieuw: list[str] = field(default_factory=list)  # not in any published report yet
    vorige: str = ""  # the last published report the changes are measured against


def samenvatting(rapportage: Rapportage) -> Samenvatting:
    opgaven = rapportage.gegevens.get("opgaven", [])
    uit = Samenvatting(aantal=len(opgaven))
    for o in opgaven:
        if rapportage.moment_id:
            if o.get("bijdrage_status"):
                uit.met_bijdrage.append((o["titel"], label(BijdrageStatus, o["bijdrage_status"])))
            else:
                uit.zonder_bijdrage.append(o["titel"])
        zonder_bedrag = float(o.get("begroot") or 0) == 0 and float(o.get("realisatie") or 0) == 0
        gemeten = [i for i in o.get("indicatoren", []) if i.get("waarde") not in (None, "—")]
        if zonder_bedrag and not gemeten:
            uit.zonder_cijfers.append(o["titel"])
        if o.get("vorige"):
            uit.vorige = uit.vorige or o["vorige"]
            if o.get("wijzigingen"):
                uit.wijzigingen.append((o["titel"], o["wijzigingen"]))
        elif "vorige" in o:
            uit.nieuw.append(o["titel"])
    return uit
