"""One session of a thematafel: who came, the verslag, the inbreng with votes and
terugkoppeling (or taken over into the canvas), and the actiepunten. Each change posts to
its own view and gets its section back; everything already saved stays as it was."""

from functools import cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.views.personen import persoon_opties
from core import bijlagen
from core.forms import BijlageForm
from core.htmx import section_response
from core.http import HtmxHttpRequest, require_perm
from core.rijke_tekst import als_html
from opgaven.models import Opgave

from .. import services
from ..forms.thematafels import (
    AanwezigheidForm,
    ActiepuntForm,
    InbrengForm,
    OvernemenForm,
    StemmenForm,
    TerugkoppelingForm,
    VerslagForm,
)
from ..models import (
    AanmeldingStatus,
    ActiepuntStatus,
    Bijeenkomst,
    BijeenkomstBijlage,
    Inbreng,
    Terugkoppeling,
)
from .thematafels import bijeenkomst_for

PAGE = "participatie/thematafels/bijeenkomst_detail.html"


def _opgaven(thematafel, user) -> list[Opgave]:
    """The thematafel's opgaven, those ``user`` directs or works on first: "Overnemen in het
    canvas" proposes the canvas of the regisseur's own opgave, not the first by title."""
    eigen = Opgave.objects.waar_werkt(user).filter(pk=OuterRef("pk"))
    return list(thematafel.opgaven.alias(eigen=Exists(eigen)).order_by("-eigen", "titel"))


def _rij_form(naam: str, inbreng: Inbreng, opgaven: list, data=None):
    """One of the three forms on an inbreng row, filled with what it holds now."""
    prefix = f"{naam}-{inbreng.pk}"
    if naam == "overnemen":
        eerste = opgaven[0].pk if opgaven else None
        initial = {"blok": (inbreng.blokken or [None])[0], "opgave": eerste}
        return OvernemenForm(data, opgaven=opgaven, prefix=prefix, initial=initial)
    if naam == "stemmen":
        return StemmenForm(data, prefix=prefix, initial={"stemmen": inbreng.stemmen})
    beslist = inbreng.terugkoppeling != Terugkoppeling.OPEN
    keuze = inbreng.terugkoppeling if beslist else Terugkoppeling.IN_ONDERZOEK
    initial = {"terugkoppeling": keuze, "toelichting": inbreng.toelichting}
    return TerugkoppelingForm(data, prefix=prefix, initial=initial)


def _rijen(inbreng: list[Inbreng], opgaven, kan_bewerken: bool, fout_bij, open_pk="") -> list:
    """Each row, with its three forms only where they are open: the row with an error, or
    the one asked for (``?verwerken=``); the others open theirs on demand (``verwerken``),
    so a session with a hundred pieces of inbreng does not render three hundred forms."""
    rijen = []
    for item in inbreng:
        forms = {}
        if kan_bewerken and (str(item.pk) == open_pk or (fout_bij and fout_bij[0] == item.pk)):
            for naam in ("stemmen", "terugkoppeling", "overnemen"):
                fout = fout_bij and fout_bij[:2] == (item.pk, naam)
                forms[naam] = fout_bij[2] if fout else _rij_form(naam, item, opgaven)
        rijen.append({"inbreng": item, "forms": forms})
    return rijen


def _context(request, bijeenkomst: Bijeenkomst, *, fout_bij=None, verwerken="", **forms) -> dict:
    """The session page's context. What a section may not show is read or built when a
    template asks for it (a callable, called once): an action point's new status read the
    page's inbreng, opgaven, attendance and documents for its one section."""
    thematafel = bijeenkomst.thematafel
    kan_bewerken = request.user.has_perm("participatie.change_thematafel", thematafel)
    # Who may change the thematafel may bring inbreng too (the rules say so): one query less.
    kan_inbrengen = kan_bewerken or request.user.has_perm("participatie.add_inbreng", thematafel)
    opgaven = cache(lambda: _opgaven(thematafel, request.user))
    forms = _lege_forms(request, bijeenkomst, kan_bewerken, kan_inbrengen) | forms
    bijlage = forms.get("bijlage") or BijlageForm(eigenaar=bijeenkomst, model=BijeenkomstBijlage)
    return {
        "bijeenkomst": bijeenkomst,
        "thematafel": thematafel,
        "kan_bewerken": kan_bewerken,
        "kan_inbrengen": kan_inbrengen,
        "uitgenodigd": bijeenkomst.uitgenodigd.order_by("naam"),
        "aanwezig": bijeenkomst.aanwezig.order_by("naam"),
        **_inbreng(bijeenkomst, opgaven, kan_bewerken, fout_bij, verwerken),
        "actiepunten": bijeenkomst.actiepunten.select_related("eigenaar"),
        "aanmeldingen": cache(lambda: _aanmeldingen(bijeenkomst)),
        "statussen": ActiepuntStatus.choices,
        "forms": forms,
        "documenten": cache(lambda: bijlagen.per_document(bijeenkomst.bijlagen.all())),
        "bijlage_form": bijlage,
        "bijlage_actie": reverse("participatie:bijeenkomst-documenten", args=[bijeenkomst.pk]),
    }


def _aanmeldingen(bijeenkomst: Bijeenkomst) -> dict[str, list]:
    """Residents' confirmed sign-ups from the public site, by status (one query)."""
    per_status = {AanmeldingStatus.AANGEMELD: [], AanmeldingStatus.WACHTLIJST: []}
    for a in bijeenkomst.aanmeldingen.filter(status__in=per_status):
        per_status[a.status].append(a)
    return {"aangemeld": per_status["aangemeld"], "wachtlijst": per_status["wachtlijst"]}


def _inbreng(bijeenkomst: Bijeenkomst, opgaven, kan_bewerken: bool, fout_bij, verwerken) -> dict:
    """The inbreng's rows, and how many wait for terugkoppeling, read when shown."""
    inbreng = cache(
        lambda: list(
            bijeenkomst.inbreng.select_related("stakeholder", "canvas_item", "teruggekoppeld_door")
        )
    )
    return {
        "rijen": cache(lambda: _rijen(inbreng(), opgaven(), kan_bewerken, fout_bij, verwerken)),
        "aantal_open": cache(
            lambda: sum(1 for i in inbreng() if i.terugkoppeling == Terugkoppeling.OPEN)
        ),
    }


def _lege_forms(request, bijeenkomst: Bijeenkomst, kan_bewerken: bool, kan_inbrengen: bool):
    """The session's own forms, empty, each made when a section shows it (attendance reads
    who came)."""
    lege = {}
    if kan_bewerken:
        lege["aanwezigheid"] = lambda: AanwezigheidForm(instance=bijeenkomst)
        lege["verslag"] = lambda: VerslagForm(instance=bijeenkomst)
    if kan_inbrengen:
        lege["inbreng"] = lambda: _inbreng_form_voor(request, bijeenkomst)
        lege["actiepunt"] = lambda: ActiepuntForm(bijeenkomst=bijeenkomst)
    return {naam: cache(maak) for naam, maak in lege.items()}


def _inbreng_form_voor(request, bijeenkomst: Bijeenkomst, data=None) -> InbrengForm:
    """Who may not read the register (partners) brings inbreng without naming a stakeholder."""
    met_afzender = request.user.has_perm("participatie.view_stakeholder")
    return InbrengForm(data, bijeenkomst=bijeenkomst, met_afzender=met_afzender)


def _section(request, bijeenkomst: Bijeenkomst, section: str, *, status=200, anchor=None, **extra):
    return section_response(
        request,
        template=PAGE,
        section=section,
        context=lambda: _context(request, bijeenkomst_for(request, bijeenkomst.pk), **extra),
        url=bijeenkomst.get_absolute_url(),
        status=status,
        anchor=anchor,
    )


def _to_change(request, pk: int, perm: str = "participatie.change_thematafel") -> Bijeenkomst:
    bijeenkomst = bijeenkomst_for(request, pk)
    require_perm(request, perm, bijeenkomst.thematafel)
    return bijeenkomst


def _to_add(request, pk: int) -> Bijeenkomst:
    """A session this user may bring inbreng and action points to (partners too)."""
    return _to_change(request, pk, "participatie.add_inbreng")


@login_required
@require_GET
def bijeenkomst_detail(request: HtmxHttpRequest, pk: int):
    """The session; ``?verwerken=<inbreng>`` opens that row's forms (without JavaScript)."""
    verwerken = request.GET.get("verwerken", "")
    return render(
        request, PAGE, _context(request, bijeenkomst_for(request, pk), verwerken=verwerken)
    )


@login_required
@require_GET
def inbreng_verwerken(request: HtmxHttpRequest, pk: int, inbreng_pk: int):
    """One row's forms (votes, terugkoppeling, into the canvas), when its row is opened."""
    bijeenkomst = _to_change(request, pk)
    inbreng = get_object_or_404(bijeenkomst.inbreng, pk=inbreng_pk)
    opgaven = _opgaven(bijeenkomst.thematafel, request.user)
    rij = _rijen([inbreng], opgaven, True, None, str(inbreng.pk))[0]
    context = {"bijeenkomst": bijeenkomst, "rij": rij, "i": inbreng}
    return render(request, f"{PAGE}#inbreng_acties", context)


def _model_form(request, pk: int, naam: str, form_class, section: str, melding: str):
    """Save one of the session's own forms (aanwezigheid, verslag) and show its section."""
    bijeenkomst = _to_change(request, pk)
    form = form_class(request.POST, instance=bijeenkomst)
    if not form.is_valid():
        return _section(request, bijeenkomst, section, status=422, **{naam: form})
    form.save()
    messages.success(request, melding)
    return _section(request, bijeenkomst, section)


@login_required
@require_POST
def aanwezigheid(request: HtmxHttpRequest, pk: int):
    return _model_form(
        request,
        pk,
        "aanwezigheid",
        AanwezigheidForm,
        "aanwezigheid",
        _("De aanwezigheid is opgeslagen."),
    )


@login_required
@require_POST
def verslag(request: HtmxHttpRequest, pk: int):
    """Save the verslag (Markdown), or with "voorbeeld" show it rendered without saving."""
    if "voorbeeld" in request.POST:
        bijeenkomst = _to_change(request, pk)
        form = VerslagForm(request.POST, instance=Bijeenkomst(pk=pk))
        voorbeeld = als_html(form["verslag"].value() or "")
        return _section(request, bijeenkomst, "verslag", verslag=form, voorbeeld=voorbeeld)
    return _model_form(
        request, pk, "verslag", VerslagForm, "verslag", _("Het verslag is opgeslagen.")
    )


@login_required
@require_POST
def inbreng_create(request: HtmxHttpRequest, pk: int):
    bijeenkomst = _to_add(request, pk)
    form = _inbreng_form_voor(request, bijeenkomst, request.POST)
    if not form.is_valid():
        return _section(request, bijeenkomst, "inbreng", status=422, inbreng=form)
    inbreng = form.save()
    messages.success(request, _("De inbreng is toegevoegd."))
    return _section(request, bijeenkomst, "inbreng", anchor=f"inbreng-{inbreng.pk}")


@login_required
@require_POST
def inbreng_delete(request: HtmxHttpRequest, pk: int, inbreng_pk: int):
    """A canvas item taken over from it stays in the canvas; only the link goes."""
    bijeenkomst = _to_change(request, pk)
    get_object_or_404(bijeenkomst.inbreng, pk=inbreng_pk).delete()
    messages.success(request, _("De inbreng is verwijderd."))
    return _section(request, bijeenkomst, "inbreng")


def _inbreng_form(request, pk: int, inbreng_pk: int, naam: str):
    """The session, the inbreng, and its row form ``naam`` filled with what was posted."""
    bijeenkomst = _to_change(request, pk)
    inbreng = get_object_or_404(bijeenkomst.inbreng, pk=inbreng_pk)
    opgaven = _opgaven(bijeenkomst.thematafel, request.user)
    return bijeenkomst, inbreng, _rij_form(naam, inbreng, opgaven, request.POST)


def _rij_fout(request, bijeenkomst: Bijeenkomst, inbreng: Inbreng, naam: str, form):
    """The inbreng section with this row's form and its errors in place (422)."""
    fout_bij = (inbreng.pk, naam, form)
    return _section(request, bijeenkomst, "inbreng", status=422, fout_bij=fout_bij)


@login_required
@require_POST
def inbreng_stemmen(request: HtmxHttpRequest, pk: int, inbreng_pk: int):
    bijeenkomst, inbreng, form = _inbreng_form(request, pk, inbreng_pk, "stemmen")
    if not form.is_valid():
        return _rij_fout(request, bijeenkomst, inbreng, "stemmen", form)
    inbreng.stemmen = form.cleaned_data["stemmen"]
    inbreng.save(update_fields=["stemmen", "updated_at"])
    messages.success(request, _("De stemmen zijn opgeslagen."))
    return _section(request, bijeenkomst, "inbreng")


@login_required
@require_POST
def inbreng_terugkoppeling(request: HtmxHttpRequest, pk: int, inbreng_pk: int):
    bijeenkomst, inbreng, form = _inbreng_form(request, pk, inbreng_pk, "terugkoppeling")
    if not form.is_valid():
        return _rij_fout(request, bijeenkomst, inbreng, "terugkoppeling", form)
    if inbreng.canvas_item_id:
        # Taken over into the canvas: that answer stands (remove the item to change it).
        messages.error(request, _("Deze inbreng staat al in het canvas."))
    else:
        inbreng.terugkoppelen(user=request.user, **form.cleaned_data)
        messages.success(request, _("De terugkoppeling is opgeslagen."))
    return _section(request, bijeenkomst, "inbreng")


@login_required
@require_POST
def inbreng_overnemen(request: HtmxHttpRequest, pk: int, inbreng_pk: int):
    """Take the inbreng over into a block of the canvas of one of the thematafel's opgaven."""
    bijeenkomst, inbreng, form = _inbreng_form(request, pk, inbreng_pk, "overnemen")
    if not form.is_valid():
        return _rij_fout(request, bijeenkomst, inbreng, "overnemen", form)
    opgave = form.cleaned_data["opgave"]
    require_perm(request, "canvas.change_canvas", opgave)
    services.inbreng_overnemen(
        inbreng=inbreng, opgave=opgave, blok=form.cleaned_data["blok"], user=request.user
    )
    messages.success(
        request, _("De inbreng staat nu in het canvas van %(opgave)s.") % {"opgave": opgave.titel}
    )
    return _section(request, bijeenkomst, "inbreng")


@login_required
@require_POST
def actiepunt_create(request: HtmxHttpRequest, pk: int):
    bijeenkomst = _to_add(request, pk)
    form = ActiepuntForm(request.POST, bijeenkomst=bijeenkomst)
    if not form.is_valid():
        return _section(request, bijeenkomst, "actiepunten", status=422, actiepunt=form)
    services.actiepunt_toevoegen(form=form, user=request.user)
    messages.success(request, _("Het actiepunt is toegevoegd."))
    return _section(request, bijeenkomst, "actiepunten")


@login_required
@require_GET
def eigenaar_zoeken(request: HtmxHttpRequest, pk: int):
    """Matches for an action point's owner (core.forms.Zoekkeuze): who may add action points
    to this session looks among the people who can take one on (a select of all of them
    sent 358 names, 17 kB, with the page at scale)."""
    _to_add(request, pk)
    return persoon_opties(request)


@login_required
@require_POST
def actiepunt_status(request: HtmxHttpRequest, pk: int, actiepunt_pk: int):
    bijeenkomst = _to_add(request, pk)
    actiepunt = get_object_or_404(bijeenkomst.actiepunten, pk=actiepunt_pk)
    if request.POST.get("status") not in ActiepuntStatus.values:
        raise Http404
    actiepunt.status = request.POST["status"]
    actiepunt.save(update_fields=["status", "updated_at"])
    return _section(request, bijeenkomst, "actiepunten")


@login_required
@require_POST
def actiepunt_delete(request: HtmxHttpRequest, pk: int, actiepunt_pk: int):
    bijeenkomst = _to_change(request, pk)
    get_object_or_404(bijeenkomst.actiepunten, pk=actiepunt_pk).delete()
    messages.success(request, _("Het actiepunt is verwijderd."))
    return _section(request, bijeenkomst, "actiepunten")


@login_required
@require_POST
def documenten(request: HtmxHttpRequest, pk: int):
    """A document for the session, or a new version of one (``reeks``)."""
    bijeenkomst = _to_change(request, pk)
    form = BijlageForm(request.POST, request.FILES, eigenaar=bijeenkomst, model=BijeenkomstBijlage)
    if not form.is_valid():
        return render(request, PAGE, _context(request, bijeenkomst, bijlage=form), status=422)
    bijlagen.bewaard(request, form.save(door=request.user), f"bijeenkomst:{bijeenkomst.pk}")
    return redirect(f"{bijeenkomst.get_absolute_url()}#documenten")


@login_required
@require_GET
def document_download(request: HtmxHttpRequest, pk: int, bijlage_pk: int):
    bijeenkomst = bijeenkomst_for(request, pk)
    bijlage = get_object_or_404(BijeenkomstBijlage, bijeenkomst=bijeenkomst, pk=bijlage_pk)
    return bijlagen.download(bijlage)


@login_required
@require_POST
def document_verwijderen(request: HtmxHttpRequest, pk: int, bijlage_pk: int):
    bijeenkomst = _to_change(request, pk)
    bijlage = get_object_or_404(BijeenkomstBijlage, bijeenkomst=bijeenkomst, pk=bijlage_pk)
    terug = f"{bijeenkomst.get_absolute_url()}#documenten"
    return bijlagen.verwijderen(request, bijlage, kenmerk=f"bijeenkomst:{pk}", terug=terug)
