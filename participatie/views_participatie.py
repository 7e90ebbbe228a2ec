"""Thematafels with their sessions, inbreng and terugkoppeling; sprints, personas, signals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.security_log import log_event
from core.http import HtmxHttpRequest, pk_of_404
from opgaven.models import Opgave
from opgaven.views import opgave_for

from . import agenda, documenten, services
from .forms import (
    AanwezigheidForm,
    ActiepuntForm,
    AntwoordForm,
    BijeenkomstForm,
    DoorsturenForm,
    InbrengForm,
    OvernemenForm,
    PersonaForm,
    ReisstapForm,
    SignaalForm,
    SprintForm,
    StemmenForm,
    TerugkoppelingForm,
    ThematafelForm,
    VerslagForm,
)
from .models import (
    Actiepunt,
    ActiepuntStatus,
    Bijeenkomst,
    Inbreng,
    Opgavesprint,
    Persona,
    Signaal,
    SignaalStatus,
    Terugkoppeling,
    Thematafel,
)

FORM_PAGE = "participatie/formulier.html"


def _thematafel_for(request, pk: int) -> Thematafel:
    return get_object_or_404(
        Thematafel.objects.visible_to(request.user).select_related("gespreksleider"), pk=pk
    )


def _bijeenkomst_for(request, pk: int) -> Bijeenkomst:
    return get_object_or_404(
        Bijeenkomst.objects.filter(
            thematafel__in=Thematafel.objects.visible_to(request.user)
        ).select_related("thematafel", "sprint"),
        pk=pk,
    )


def _require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _bewerkbare_opgaven(user):
    """The opgaven whose participation this user runs (all of them for the beheerder)."""
    opgaven = Opgave.objects.order_by("titel")
    return opgaven if user.rol == "beheerder" else opgaven.waar_werkt(user)


def _form_page(request, *, form, titel: str, terug: tuple[str, str], knop: str, intro=""):
    return render(
        request,
        FORM_PAGE,
        {"form": form, "titel": titel, "terug": terug, "knop": knop, "intro": intro},
        status=422 if form.errors else 200,
    )


def participatie_context(request, opgave: Opgave) -> dict:
    """The participation section of an opgave on the hub: what runs and what waits."""
    return {
        "opgave": opgave,
        "thematafels": opgave.thematafels.annotate(n_bijeenkomsten=Count("bijeenkomsten")),
        "open_inbreng": Inbreng.objects.filter(bijeenkomst__thematafel__opgaven=opgave)
        .zonder_terugkoppeling()
        .count(),
        "open_signalen": opgave.signalen.filter(status=SignaalStatus.NIEUW).count(),
    }


@login_required
@require_GET
def opgave_participatie(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("participatie.change_participatie", opgave)
    return render(
        request,
        "participatie/opgave_participatie.html",
        {
            "opgave": opgave,
            "kan_bewerken": kan_bewerken,
            "thematafels": opgave.thematafels.select_related("gespreksleider").annotate(
                n_bijeenkomsten=Count("bijeenkomsten", distinct=True),
                n_open=Count(
                    "bijeenkomsten__inbreng",
                    filter=Q(bijeenkomsten__inbreng__terugkoppeling=Terugkoppeling.OPEN),
                    distinct=True,
                ),
            ),
            "sprints": opgave.sprints.annotate(n_bijeenkomsten=Count("bijeenkomsten")),
            "personas": opgave.personas.annotate(n_stappen=Count("stappen")),
            "signalen": opgave.signalen.select_related("ingediend_door") if kan_bewerken else None,
        },
    )


# --- Thematafels ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def thematafel_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    _require(request, "participatie.change_participatie", opgave)
    form = ThematafelForm(
        request.POST or None,
        opgaven=_bewerkbare_opgaven(request.user),
        initial={"opgaven": [opgave], "gespreksleider": request.user},
    )
    if request.method == "POST" and form.is_valid():
        thematafel = form.save()
        messages.success(request, _("De thematafel is aangemaakt. Plan nu de eerste bijeenkomst."))
        return redirect(thematafel)
    return _form_page(
        request,
        form=form,
        titel=_("Nieuwe thematafel voor %(opgave)s") % {"opgave": opgave.titel},
        terug=(reverse("participatie:opgave-participatie", args=[opgave.pk]), opgave.titel),
        knop=_("Thematafel aanmaken"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def thematafel_update(request: HtmxHttpRequest, pk: int):
    thematafel = _thematafel_for(request, pk)
    _require(request, "participatie.change_thematafel", thematafel)
    # Opgaven someone else runs stay on the thematafel: they are offered (and kept) too.
    opgaven = Opgave.objects.filter(
        Q(pk__in=_bewerkbare_opgaven(request.user).values("pk"))
        | Q(pk__in=thematafel.opgaven.values("pk"))
    ).order_by("titel")
    form = ThematafelForm(request.POST or None, instance=thematafel, opgaven=opgaven)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De thematafel is opgeslagen."))
        return redirect(thematafel)
    return _form_page(
        request,
        form=form,
        titel=_("%(thema)s bewerken") % {"thema": thematafel.thema},
        terug=(thematafel.get_absolute_url(), thematafel.thema),
        knop=_("Opslaan"),
    )


@login_required
@require_GET
def thematafel_detail(request: HtmxHttpRequest, pk: int):
    thematafel = _thematafel_for(request, pk)
    return render(
        request,
        "participatie/thematafel_detail.html",
        {
            "thematafel": thematafel,
            "opgaven": thematafel.opgaven.order_by("titel"),
            "kan_bewerken": request.user.has_perm("participatie.change_thematafel", thematafel),
            "bijeenkomsten": thematafel.bijeenkomsten.annotate(
                n_aanwezig=Count("aanwezig", distinct=True),
                n_inbreng=Count("inbreng", distinct=True),
                n_open=Count(
                    "inbreng",
                    filter=Q(inbreng__terugkoppeling=Terugkoppeling.OPEN),
                    distinct=True,
                ),
            ),
            "nu": timezone.now(),
        },
    )


@login_required
@require_GET
def thematafel_ics(request: HtmxHttpRequest, pk: int):
    thematafel = _thematafel_for(request, pk)
    return _ics_response(
        agenda.ics(thematafel.bijeenkomsten.select_related("thematafel")),
        f"thematafel-{thematafel.pk}.ics",
    )


@login_required
@require_GET
def terugkoppeling_pdf(request: HtmxHttpRequest, pk: int):
    """The feedback document for participants: what we heard and what we did with it."""
    thematafel = _thematafel_for(request, pk)
    pdf = documenten.terugkoppeling_pdf(thematafel=thematafel)
    log_event("download_terugkoppeling", request=request, obj=f"thematafel:{thematafel.pk}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="terugkoppeling-{thematafel.pk}.pdf"'
    return response


def _ics_response(inhoud: bytes, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


# --- Bijeenkomsten --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def bijeenkomst_create(request: HtmxHttpRequest, thematafel_pk: int):
    thematafel = _thematafel_for(request, thematafel_pk)
    _require(request, "participatie.change_thematafel", thematafel)
    form = BijeenkomstForm(request.POST or None, thematafel=thematafel)
    if request.method == "POST" and form.is_valid():
        bijeenkomst = form.save()
        messages.success(request, _("De bijeenkomst is gepland."))
        return redirect(bijeenkomst)
    return _form_page(
        request,
        form=form,
        titel=_("Bijeenkomst plannen: %(thema)s") % {"thema": thematafel.thema},
        terug=(thematafel.get_absolute_url(), thematafel.thema),
        knop=_("Bijeenkomst plannen"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def bijeenkomst_update(request: HtmxHttpRequest, pk: int):
    bijeenkomst = _bijeenkomst_for(request, pk)
    _require(request, "participatie.change_thematafel", bijeenkomst.thematafel)
    form = BijeenkomstForm(
        request.POST or None, instance=bijeenkomst, thematafel=bijeenkomst.thematafel
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De bijeenkomst is opgeslagen."))
        return redirect(bijeenkomst)
    return _form_page(
        request,
        form=form,
        titel=_("Bijeenkomst bewerken: %(thema)s") % {"thema": bijeenkomst.thematafel.thema},
        terug=(bijeenkomst.get_absolute_url(), str(bijeenkomst)),
        knop=_("Opslaan"),
    )


@login_required
@require_GET
def bijeenkomst_ics(request: HtmxHttpRequest, pk: int):
    bijeenkomst = _bijeenkomst_for(request, pk)
    return _ics_response(agenda.ics([bijeenkomst]), f"bijeenkomst-{bijeenkomst.pk}.ics")


@login_required
@require_http_methods(["GET", "POST"])
def bijeenkomst_detail(request: HtmxHttpRequest, pk: int):
    """One session: attendance, verslag, inbreng with votes and terugkoppeling, action points.

    Every form posts back here with a ``formulier`` name; an invalid one is shown again
    with its errors (422) and everything already saved stays as it was.
    """
    bijeenkomst = _bijeenkomst_for(request, pk)
    thematafel = bijeenkomst.thematafel
    kan_bewerken = request.user.has_perm("participatie.change_thematafel", thematafel)
    opgaven = list(thematafel.opgaven.order_by("titel"))
    forms = {}
    fout_bij = None  # the inbreng whose row form failed, to show its errors in place
    if request.method == "POST":
        if not kan_bewerken:
            raise PermissionDenied
        formulier = request.POST.get("formulier")
        if formulier == "aanwezigheid":
            form = AanwezigheidForm(request.POST, instance=bijeenkomst)
            if form.is_valid():
                form.save()
                messages.success(request, _("De aanwezigheid is opgeslagen."))
                return redirect(f"{request.path}#aanwezigheid")
            forms["aanwezigheid"] = form
        elif formulier == "verslag":
            form = VerslagForm(request.POST, instance=bijeenkomst)
            if form.is_valid():
                form.save()
                messages.success(request, _("Het verslag is opgeslagen."))
                return redirect(f"{request.path}#verslag")
            forms["verslag"] = form
        elif formulier == "inbreng":
            form = InbrengForm(request.POST, bijeenkomst=bijeenkomst)
            if form.is_valid():
                inbreng = form.save()
                messages.success(request, _("De inbreng is toegevoegd."))
                return redirect(f"{request.path}#inbreng-{inbreng.pk}")
            forms["inbreng"] = form
        elif formulier == "actiepunt":
            form = ActiepuntForm(request.POST, bijeenkomst=bijeenkomst)
            if form.is_valid():
                form.save()
                messages.success(request, _("Het actiepunt is toegevoegd."))
                return redirect(f"{request.path}#actiepunten")
            forms["actiepunt"] = form
        elif formulier == "actiepunt-status":
            actiepunt = get_object_or_404(
                bijeenkomst.actiepunten, pk=pk_of_404(request.POST.get("actiepunt"))
            )
            if request.POST.get("status") not in ActiepuntStatus.values:
                raise Http404
            actiepunt.status = request.POST["status"]
            actiepunt.save(update_fields=["status", "updated_at"])
            return redirect(f"{request.path}#actiepunten")
        elif formulier == "inbreng-verwijderen":
            # A canvas item taken over from it stays in the canvas; only the link goes.
            get_object_or_404(
                bijeenkomst.inbreng, pk=pk_of_404(request.POST.get("inbreng"))
            ).delete()
            messages.success(request, _("De inbreng is verwijderd."))
            return redirect(f"{request.path}#inbreng")
        elif formulier == "actiepunt-verwijderen":
            get_object_or_404(
                bijeenkomst.actiepunten, pk=pk_of_404(request.POST.get("actiepunt"))
            ).delete()
            messages.success(request, _("Het actiepunt is verwijderd."))
            return redirect(f"{request.path}#actiepunten")
        elif formulier in {"stemmen", "terugkoppeling", "overnemen"}:
            inbreng = get_object_or_404(
                bijeenkomst.inbreng, pk=pk_of_404(request.POST.get("inbreng"))
            )
            form = _inbreng_rij_form(formulier, request.POST, inbreng, opgaven)
            if form.is_valid():
                _inbreng_rij_opslaan(request, formulier, inbreng, form.cleaned_data)
                return redirect(f"{request.path}#inbreng-{inbreng.pk}")
            fout_bij = (inbreng.pk, formulier, form)
        else:
            raise Http404
    return render(
        request,
        "participatie/bijeenkomst_detail.html",
        _bijeenkomst_context(request, bijeenkomst, opgaven, kan_bewerken, forms, fout_bij),
        status=422 if request.method == "POST" else 200,
    )


def _inbreng_rij_form(formulier: str, data, inbreng: Inbreng, opgaven, initial=None):
    kwargs = {"prefix": f"{formulier}-{inbreng.pk}", "initial": initial}
    if formulier == "stemmen":
        return StemmenForm(data, **kwargs)
    if formulier == "terugkoppeling":
        return TerugkoppelingForm(data, **kwargs)
    return OvernemenForm(data, opgaven=opgaven, **kwargs)


def _inbreng_rij_opslaan(request, formulier: str, inbreng: Inbreng, data: dict) -> None:
    if formulier == "stemmen":
        inbreng.stemmen = data["stemmen"]
        inbreng.save(update_fields=["stemmen", "updated_at"])
        messages.success(request, _("De stemmen zijn opgeslagen."))
    elif formulier == "terugkoppeling":
        if inbreng.canvas_item_id:
            # Taken over into the canvas: that answer stands (remove the item to change it).
            messages.error(request, _("Deze inbreng staat al in het canvas."))
            return
        inbreng.terugkoppeling = data["terugkoppeling"]
        inbreng.toelichting = data["toelichting"]
        inbreng.teruggekoppeld_op = timezone.now()
        inbreng.teruggekoppeld_door = request.user
        inbreng.full_clean()
        inbreng.save()
        messages.success(request, _("De terugkoppeling is opgeslagen."))
    else:
        opgave = data["opgave"]
        _require(request, "canvas.change_canvas", opgave)
        services.inbreng_overnemen(
            inbreng=inbreng, opgave=opgave, blok=data["blok"], user=request.user
        )
        messages.success(
            request,
            _("De inbreng staat nu in het canvas van %(opgave)s.") % {"opgave": opgave.titel},
        )


def _bijeenkomst_context(request, bijeenkomst, opgaven, kan_bewerken, forms, fout_bij) -> dict:
    inbreng = list(
        bijeenkomst.inbreng.select_related("stakeholder", "canvas_item", "teruggekoppeld_door")
    )
    rijen = []
    for item in inbreng:
        rij = {"inbreng": item, "forms": {}}
        if kan_bewerken:
            for naam in ("stemmen", "terugkoppeling", "overnemen"):
                if fout_bij and fout_bij[0] == item.pk and fout_bij[1] == naam:
                    rij["forms"][naam] = fout_bij[2]
                    continue
                initial = {
                    "stemmen": {"stemmen": item.stemmen},
                    "terugkoppeling": {
                        "terugkoppeling": item.terugkoppeling
                        if item.terugkoppeling != Terugkoppeling.OPEN
                        else Terugkoppeling.IN_ONDERZOEK,
                        "toelichting": item.toelichting,
                    },
                    "overnemen": {"blok": (item.blokken or [None])[0]},
                }[naam]
                rij["forms"][naam] = _inbreng_rij_form(naam, None, item, opgaven, initial)
        rijen.append(rij)
    if kan_bewerken:
        forms.setdefault("aanwezigheid", AanwezigheidForm(instance=bijeenkomst))
        forms.setdefault("verslag", VerslagForm(instance=bijeenkomst))
        forms.setdefault("inbreng", InbrengForm(bijeenkomst=bijeenkomst))
        forms.setdefault("actiepunt", ActiepuntForm(bijeenkomst=bijeenkomst))
    return {
        "bijeenkomst": bijeenkomst,
        "thematafel": bijeenkomst.thematafel,
        "opgaven": opgaven,
        "kan_bewerken": kan_bewerken,
        "uitgenodigd": bijeenkomst.uitgenodigd.order_by("naam"),
        "aanwezig": bijeenkomst.aanwezig.order_by("naam"),
        "rijen": rijen,
        "aantal_open": sum(1 for i in inbreng if i.terugkoppeling == Terugkoppeling.OPEN),
        "actiepunten": bijeenkomst.actiepunten.select_related("eigenaar"),
        "statussen": ActiepuntStatus.choices,
        "forms": forms,
    }


# --- Opgavesprints ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def sprint_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    _require(request, "participatie.change_participatie", opgave)
    nummer = (opgave.sprints.order_by("-nummer").values_list("nummer", flat=True).first() or 0) + 1
    form = SprintForm(request.POST or None, nummer=nummer)
    if request.method == "POST" and form.is_valid():
        sprint = services.sprint_starten(opgave=opgave, **form.cleaned_data)
        messages.success(request, _("Sprint %(n)s is aangemaakt.") % {"n": sprint.nummer})
        return redirect(sprint)
    return _form_page(
        request,
        form=form,
        titel=_("Sprint %(n)s voor %(opgave)s") % {"n": nummer, "opgave": opgave.titel},
        terug=(reverse("participatie:opgave-participatie", args=[opgave.pk]), opgave.titel),
        knop=_("Sprint aanmaken"),
        intro=_(
            "Een opgavesprint is een korte, afgebakende periode waarin u op de plek waar de "
            "opgave tastbaar wordt samen met bewoners en partners een stap zet."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def sprint_detail(request: HtmxHttpRequest, pk: int):
    sprint = get_object_or_404(
        Opgavesprint.objects.filter(opgave__in=Opgave.objects.visible_to(request.user)),
        pk=pk,
    )
    opgave = opgave_for(request, sprint.opgave_id)
    kan_bewerken = request.user.has_perm("participatie.change_participatie", opgave)
    form = None
    if kan_bewerken:
        form = SprintForm(request.POST or None, instance=sprint, nummer=sprint.nummer)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("De sprint is opgeslagen."))
            return redirect(sprint)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "participatie/sprint_detail.html",
        {
            "sprint": sprint,
            "opgave": opgave,
            "form": form,
            "bijeenkomsten": sprint.bijeenkomsten.select_related("thematafel"),
        },
        status=422 if form is not None and form.errors else 200,
    )


# --- Belevingsperspectief -------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def persona_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    _require(request, "participatie.change_participatie", opgave)
    form = PersonaForm(request.POST or None, opgave=opgave)
    if request.method == "POST" and form.is_valid():
        persona = form.save()
        messages.success(request, _("De persona is aangemaakt. Beschrijf nu de reis."))
        return redirect(persona)
    return _form_page(
        request,
        form=form,
        titel=_("Nieuwe persona voor %(opgave)s") % {"opgave": opgave.titel},
        terug=(reverse("participatie:opgave-participatie", args=[opgave.pk]), opgave.titel),
        knop=_("Persona aanmaken"),
        intro=_("Beleef de opgave door de ogen van een bewoner: wie is het, wat maakt die mee?"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def persona_detail(request: HtmxHttpRequest, pk: int):
    persona = get_object_or_404(
        Persona.objects.filter(opgave__in=Opgave.objects.visible_to(request.user)), pk=pk
    )
    opgave = opgave_for(request, persona.opgave_id)
    kan_bewerken = request.user.has_perm("participatie.change_participatie", opgave)
    persona_form = PersonaForm(instance=persona, opgave=opgave) if kan_bewerken else None
    stap_form = ReisstapForm() if kan_bewerken else None
    if request.method == "POST":
        if not kan_bewerken:
            raise PermissionDenied
        formulier = request.POST.get("formulier")
        if formulier == "persona":
            persona_form = PersonaForm(request.POST, instance=persona, opgave=opgave)
            if persona_form.is_valid():
                persona_form.save()
                messages.success(request, _("De persona is opgeslagen."))
                return redirect(persona)
        elif formulier == "stap":
            stap_form = ReisstapForm(request.POST)
            if stap_form.is_valid():
                stap = stap_form.save(commit=False)
                stap.persona = persona
                stap.volgorde = persona.stappen.count() + 1
                stap.save()
                return redirect(f"{request.path}#reis")
        elif formulier == "stap-verwijderen":
            get_object_or_404(persona.stappen, pk=pk_of_404(request.POST.get("stap"))).delete()
            return redirect(f"{request.path}#reis")
        else:
            raise Http404
    return render(
        request,
        "participatie/persona_detail.html",
        {
            "persona": persona,
            "opgave": opgave,
            "kan_bewerken": kan_bewerken,
            "stappen": persona.stappen.all(),
            "doelgroepen": persona.doelgroepen.all(),
            "persona_form": persona_form,
            "stap_form": stap_form,
        },
        status=422 if request.method == "POST" else 200,
    )


# --- Signalen -------------------------------------------------------------------------


def _signalen_te_beantwoorden(user):
    return Signaal.objects.filter(
        opgave__in=_bewerkbare_opgaven(user), status=SignaalStatus.NIEUW
    ).select_related("opgave", "ingediend_door")


@login_required
@require_GET
def signaal_list(request: HtmxHttpRequest):
    _require(request, "participatie.add_signaal")
    return render(
        request,
        "participatie/signaal_list.html",
        {
            "mijn_signalen": request.user.ingediende_signalen.select_related(
                "opgave", "beantwoord_door"
            ),
            "te_beantwoorden": _signalen_te_beantwoorden(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def signaal_create(request: HtmxHttpRequest):
    _require(request, "participatie.add_signaal")
    form = SignaalForm(
        request.POST or None, initial={"opgave": pk_of_404(request.GET.get("opgave") or "0")}
    )
    form.fields["opgave"].queryset = Opgave.objects.visible_to(request.user).order_by("titel")
    if request.method == "POST" and form.is_valid():
        signaal = form.save(commit=False)
        signaal.ingediend_door = request.user
        signaal.save()
        messages.success(
            request, _("Uw signaal is verstuurd. U ziet het antwoord hier zodra het er is.")
        )
        return redirect(signaal)
    return _form_page(
        request,
        form=form,
        titel=_("Signaal uit de praktijk"),
        terug=(reverse("participatie:signaal-list"), _("Signalen")),
        knop=_("Signaal versturen"),
        intro=_(
            "Merkt u dat beleid niet past bij wat inwoners meemaken? Meld het bij de opgave "
            "waar het over gaat; het team antwoordt u."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def signaal_detail(request: HtmxHttpRequest, pk: int):
    signaal = get_object_or_404(
        Signaal.objects.select_related("opgave", "ingediend_door", "beantwoord_door"), pk=pk
    )
    if not request.user.has_perm("participatie.view_signaal", signaal):
        # Someone else's signal does not exist for you (no hint that the id is taken).
        raise Http404
    kan_beantwoorden = request.user.has_perm("participatie.answer_signaal", signaal)
    open_ = signaal.status == SignaalStatus.NIEUW
    antwoord_form = AntwoordForm() if kan_beantwoorden and open_ else None
    doorsturen_form = (
        DoorsturenForm(opgaven=Opgave.objects.exclude(pk=signaal.opgave_id).order_by("titel"))
        if kan_beantwoorden and open_
        else None
    )
    if request.method == "POST":
        if not kan_beantwoorden:
            raise PermissionDenied
        if not open_:
            messages.error(request, _("Dit signaal is al beantwoord."))
            return redirect(signaal)
        formulier = request.POST.get("formulier")
        if formulier == "antwoord":
            antwoord_form = AntwoordForm(request.POST)
            if antwoord_form.is_valid():
                antwoord = antwoord_form.cleaned_data["antwoord"]
                services.signaal_beantwoorden(signaal=signaal, antwoord=antwoord, user=request.user)
                messages.success(request, _("Het antwoord is verstuurd en het signaal gesloten."))
                return redirect(signaal)
        elif formulier == "doorsturen":
            doorsturen_form = DoorsturenForm(
                request.POST, opgaven=Opgave.objects.exclude(pk=signaal.opgave_id)
            )
            if doorsturen_form.is_valid():
                signaal.opgave = doorsturen_form.cleaned_data["opgave"]
                signaal.save(update_fields=["opgave", "updated_at"])
                messages.success(
                    request,
                    _("Het signaal is doorgestuurd naar %(opgave)s.")
                    % {"opgave": signaal.opgave.titel},
                )
                if request.user.has_perm("participatie.view_signaal", signaal):
                    return redirect(signaal)
                return redirect("participatie:signaal-list")
        else:
            raise Http404
    return render(
        request,
        "participatie/signaal_detail.html",
        {
            "signaal": signaal,
            "antwoord_form": antwoord_form,
            "doorsturen_form": doorsturen_form,
        },
        status=422 if request.method == "POST" else 200,
    )


# --- Overzicht over alle opgaven ---------------------------------------------------------


@login_required
@require_GET
def overzicht(request: HtmxHttpRequest):
    """Across opgaven: sessions ahead, open action points, loops not yet closed, signals."""
    _require(request, "opgaven.view_opgave")
    alle_acties = request.GET.get("actiepunten") == "alle"
    thematafels = Thematafel.objects.visible_to(request.user)
    actiepunten = Actiepunt.objects.open().filter(bijeenkomst__thematafel__in=thematafels)
    if not alle_acties:
        actiepunten = actiepunten.filter(eigenaar=request.user)
    return render(
        request,
        "participatie/overzicht.html",
        {
            "komend": Bijeenkomst.objects.filter(thematafel__in=thematafels)
            .komend()
            .select_related("thematafel")[:50],
            "actiepunten": actiepunten.select_related(
                "eigenaar", "bijeenkomst__thematafel"
            ).order_by("deadline", "pk")[:200],
            "alle_acties": alle_acties,
            "open_inbreng": Inbreng.objects.zonder_terugkoppeling()
            .filter(bijeenkomst__thematafel__in=thematafels)
            .select_related("bijeenkomst__thematafel")
            .order_by("bijeenkomst__begint_op", "pk")[:200],
            "signalen": _signalen_te_beantwoorden(request.user),
        },
    )


def open_werk_context(request) -> dict | None:
    """On the start page: this user's open action points and signals that wait for them."""
    acties = list(
        Actiepunt.objects.open()
        .filter(eigenaar=request.user)
        .select_related("bijeenkomst__thematafel")
        .order_by("deadline", "pk")[:10]
    )
    signalen = list(_signalen_te_beantwoorden(request.user)[:10])
    if not acties and not signalen:
        return None
    return {"acties": acties, "signalen": signalen}
