"""The griffie's list of moties and toezeggingen, read from its csv: all or nothing, every
bad line named, the same rules as the form (MotieForm), a number already registered
updated without touching its stand."""

from dataclasses import dataclass, field

from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from core.tekstbestand import OnleesbaarBestand, lees_regels
from opgaven.models import Opgave

from .forms import MotieForm
from .models import Motie, MotieSoort

MAX_REGELS = 5000
KOLOMMEN = ["soort", "nummer", "datum", "titel", "indieners", "opgaven", "deadline", "link"]
KOLOMMEN += ["tekst"]
VERPLICHT = {"soort", "nummer", "datum", "titel"}


@dataclass
class Inlezing:
    formulieren: list[MotieForm] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)


def lees_csv(inhoud: bytes) -> Inlezing:
    try:
        regels = lees_regels(inhoud)
    except OnleesbaarBestand as fout:
        return Inlezing(fouten=[str(fout)])
    if not regels:
        return Inlezing(fouten=[_("Het bestand bevat geen moties of toezeggingen.")])
    kop = [cel.strip().lower() for cel in regels[0]]
    ontbreekt = sorted(VERPLICHT - set(kop))
    if ontbreekt:
        return Inlezing(
            fouten=[
                _("De kopregel mist de kolom(men) %(kolommen)s.")
                % {"kolommen": ", ".join(ontbreekt)}
            ]
        )
    if len(regels) - 1 > MAX_REGELS:
        return Inlezing(
            fouten=[_("Meer dan %(max)d regels: splits het bestand.") % {"max": MAX_REGELS}]
        )
    opgaven = {o.titel.casefold(): o.pk for o in Opgave.objects.only("pk", "titel")}
    bestaand = {(m.soort, m.nummer): m for m in Motie.objects.all()}
    soorten = {str(s.label).casefold(): s.value for s in MotieSoort} | {
        s.value: s.value for s in MotieSoort
    }
    inlezing, gezien = Inlezing(), {}
    for nummer, rij in enumerate(regels[1:], start=2):
        if not any(cel.strip() for cel in rij):
            continue
        cellen = {k: (rij[i].strip() if i < len(rij) else "") for i, k in enumerate(kop)}
        data = {f"motie-{k}": cellen.get(k, "") for k in KOLOMMEN if k != "opgaven"}
        data["motie-soort"] = soorten.get(cellen["soort"].casefold(), cellen["soort"])
        titels = [t.strip() for t in cellen.get("opgaven", "").split("|") if t.strip()]
        onbekend = [t for t in titels if t.casefold() not in opgaven]
        if onbekend:
            inlezing.fouten.append(
                _("Regel %(n)d: geen opgave met de titel '%(titel)s'.")
                % {"n": nummer, "titel": onbekend[0][:80]}
            )
            continue
        sleutel = (data["motie-soort"], data["motie-nummer"])
        if sleutel in gezien:
            inlezing.fouten.append(
                _("Regel %(n)d: nummer %(nummer)s staat ook op regel %(eerder)d.")
                % {"n": nummer, "nummer": data["motie-nummer"][:30], "eerder": gezien[sleutel]}
            )
            continue
        gezien[sleutel] = nummer
        form = _formulier(data, [opgaven[t.casefold()] for t in titels], bestaand.get(sleutel))
        if form.is_valid():
            inlezing.formulieren.append(form)
        else:
            for veld, fouten in form.errors.items():
                label = form.fields[veld].label if veld in form.fields else ""
                inlezing.fouten.extend(
                    _("Regel %(n)d, %(veld)s: %(fout)s") % {"n": nummer, "veld": label, "fout": f}
                    for f in fouten
                )
    if not inlezing.formulieren and not inlezing.fouten:
        inlezing.fouten.append(_("Het bestand bevat geen moties of toezeggingen."))
    return inlezing


def _formulier(data: dict, opgaven: list[int], motie: Motie | None) -> MotieForm:
    velden = QueryDict(mutable=True)
    velden.update(data)
    velden.setlist("motie-opgaven", [str(pk) for pk in opgaven])
    # A number already registered keeps the opgaven it has when the file names none.
    if motie is not None and not opgaven:
        velden.setlist(
            "motie-opgaven", [str(pk) for pk in motie.opgaven.values_list("pk", flat=True)]
        )
    return MotieForm(velden, instance=motie)


@transaction.atomic
def importeer(inlezing: Inlezing) -> tuple[int, int]:
    """Save every row (only when there were no errors); returns (new, updated)."""
    nieuw = sum(1 for form in inlezing.formulieren if form.instance.pk is None)
    for form in inlezing.formulieren:
        form.save()
    return nieuw, len(inlezing.formulieren) - nieuw
