"""What is published about an opgave's stakeholders (the council report, the reading room,
the terugkoppeling): organisations by name, persons by name only with their recorded
consent, every other person as a count. A person's invloed, belang, houding or trede never
leaves the app; an organisation's role and place on the grid may (docs/privacy.md).

Pure functions over loaded rows: the callers prefetch the betrokkenheden with their
stakeholder."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Betrokkenheid, Kwadrant, StakeholderSoort


@dataclass
class OpenbareBetrokkenen:
    organisaties: list[Betrokkenheid] = field(default_factory=list)
    genoemde_personen: list[Betrokkenheid] = field(default_factory=list)  # with consent
    personen_per_soort: Counter = field(default_factory=Counter)  # every person, by soort
    personen_nauw_betrokken: int = 0

    @property
    def aantal_personen(self) -> int:
        return sum(self.personen_per_soort.values())

    @property
    def personen_zin(self) -> str:
        """ "12 inwoners en 2 ondernemers (personen), van wie 4 nauw betrokken." """
        if not self.aantal_personen:
            return ""
        delen = [
            f"{n} {_soort_meervoud(soort, n)}"
            for soort, n in sorted(self.personen_per_soort.items(), key=lambda s: (-s[1], s[0]))
        ]
        opsomming = delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]
        zin = ngettext(
            "%(opsomming)s (persoon)", "%(opsomming)s (personen)", self.aantal_personen
        ) % {"opsomming": opsomming}
        if self.personen_nauw_betrokken:
            zin += _(", van wie %(n)d nauw betrokken") % {"n": self.personen_nauw_betrokken}
        return zin + "."


def _soort_meervoud(soort: str, n: int) -> str:
    """ "inwoner"/"inwoners"; for the other kinds a person "uit de hoek van" that kind."""
    if soort == StakeholderSoort.INWONER:
        return ngettext("inwoner", "inwoners", n)
    if soort == StakeholderSoort.ONDERNEMER:
        return ngettext("ondernemer", "ondernemers", n)
    label = str(StakeholderSoort(soort).label).lower()
    return ngettext("persoon van een %(soort)s", "personen van een %(soort)s", n) % {"soort": label}


def openbare_betrokkenen(betrokkenheden: list[Betrokkenheid]) -> OpenbareBetrokkenen:
    """Split an opgave's betrokkenheden into what may be named and what is only counted."""
    uit = OpenbareBetrokkenen()
    for b in betrokkenheden:
        stakeholder = b.stakeholder
        if not stakeholder.is_persoon:
            uit.organisaties.append(b)
            continue
        uit.personen_per_soort[stakeholder.soort] += 1
        if b.kwadrant == Kwadrant.NAUW_BETREKKEN:
            uit.personen_nauw_betrokken += 1
        if stakeholder.publieke_naam:
            uit.genoemde_personen.append(b)
    return uit


def wie(stakeholder, *, gemeente: str) -> str:
    """Who an afspraak or a piece of inbreng is from, as published: the name when it may be
    named, otherwise its kind ("Inwoner"); the municipality itself when nobody is linked."""
    if stakeholder is None:
        return gemeente
    return stakeholder.publieke_naam or str(stakeholder.get_soort_display())
