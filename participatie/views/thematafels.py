"""Thematafels: a recurring conversation on one theme, for one or more opgaven; their
sessions planned and in calendars."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core import secties
from core.http import HtmxHttpRequest, download, form_data, form_page, require_perm
from opgaven.access import opgave_to_change
from opgaven.models import Opgave

from .. import agenda
from ..forms.thematafels import BijeenkomstForm, ThematafelForm
from ..models import Bijeenkomst, Terugkoppeling, Thematafel


def thematafel_for(request, pk: int) -> Thematafel:
    return get_object_or_404(
        Thematafel.objects.visible_to(request.user).select_related("gespreksleider"), pk=pk
    )


def bijeenkomst_for(request, pk: int) -> Bijeenkomst:
    return get_object_or_404(
        Bijeenkomst.objects.visible_to(request.user).select_related("thematafel", "sprint"), pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def thematafel_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, "participatie.change_participatie")
    form = ThematafelForm(
        form_data(request),
        opgaven=Opgave.objects.editable_by(request.user).order_by("titel"),
        initial={"opgaven": [opgave], "gespreksleider": request.user},
    )
    if request.method == "POST" and form.is_valid():
        thematafel = form.save()
        messages.success(request, _("De thematafel is aangemaakt. Plan nu de eerste bijeenkomst."))
        return redirect(thematafel)
    return form_page(
        request,
        form=form,
        titel=_("Nieuwe thematafel voor %(opgave)s") % {"opgave": opgave.titel},
        terug=(reverse("participatie:opgave-participatie", args=[opgave.pk]), opgave.titel),
        knop=_("Thematafel aanmaken"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def thematafel_update(request: HtmxHttpRequest, pk: int):
    thematafel = thematafel_for(request, pk)
    require_perm(request, "participatie.change_thematafel", thematafel)
    # Opgaven someone else runs stay on the thematafel: they are offered (and kept) too.
    opgaven = Opgave.objects.filter(
        Q(pk__in=Opgave.objects.editable_by(request.user).values("pk"))
        | Q(pk__in=thematafel.opgaven.values("pk"))
    ).order_by("titel")
    form = ThematafelForm(form_data(request), instance=thematafel, opgaven=opgaven)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De thematafel is opgeslagen."))
        return redirect(thematafel)
    return form_page(
        request,
        form=form,
        titel=_("%(thema)s bewerken") % {"thema": thematafel.thema},
        terug=(thematafel.get_absolute_url(), thematafel.thema),
        knop=_("Opslaan"),
    )


@login_required
@require_GET
def thematafel_detail(request: HtmxHttpRequest, pk: int):
    thematafel = thematafel_for(request, pk)
    open_inbreng = Count(
        "inbreng", filter=Q(inbreng__terugkoppeling=Terugkoppeling.OPEN), distinct=True
    )
    return render(
        request,
        "participatie/thematafels/thematafel_detail.html",
        {
            "thematafel": thematafel,
            "opgaven": thematafel.opgaven.order_by("titel"),
            "kan_bewerken": request.user.has_perm("participatie.change_thematafel", thematafel),
            "bijeenkomsten": thematafel.bijeenkomsten.annotate(
                n_aanwezig=Count("aanwezig", distinct=True),
                n_inbreng=Count("inbreng", distinct=True),
                n_open=open_inbreng,
            ),
            "nu": timezone.now(),
            "secties": secties.render_secties(request, "thematafel", thematafel=thematafel),
        },
    )


@login_required
@require_GET
def thematafel_ics(request: HtmxHttpRequest, pk: int):
    thematafel = thematafel_for(request, pk)
    inhoud = agenda.ics(thematafel.bijeenkomsten.select_related("thematafel"))
    return download(inhoud, f"thematafel-{thematafel.pk}.ics", "text/calendar; charset=utf-8")


@login_required
@require_http_methods(["GET", "POST"])
def bijeenkomst_create(request: HtmxHttpRequest, thematafel_pk: int):
    thematafel = thematafel_for(request, thematafel_pk)
    require_perm(request, "participatie.change_thematafel", thematafel)
    form = BijeenkomstForm(form_data(request), thematafel=thematafel)
    if request.method == "POST" and form.is_valid():
        bijeenkomst = form.save()
        if bijeenkomst.begint_op < timezone.now():  # a session held, recorded afterwards
            messages.success(request, _("De bijeenkomst is vastgelegd."))
        else:
            messages.success(request, _("De bijeenkomst is gepland."))
        return redirect(bijeenkomst)
    return form_page(
        request,
        form=form,
        titel=_("Bijeenkomst plannen: %(thema)s") % {"thema": thematafel.thema},
        terug=(thematafel.get_absolute_url(), thematafel.thema),
        knop=_("Bijeenkomst plannen"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def bijeenkomst_update(request: HtmxHttpRequest, pk: int):
    bijeenkomst = bijeenkomst_for(request, pk)
    thematafel = bijeenkomst.thematafel
    require_perm(request, "participatie.change_thematafel", thematafel)
    form = BijeenkomstForm(form_data(request), instance=bijeenkomst, thematafel=thematafel)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De bijeenkomst is opgeslagen."))
        return redirect(bijeenkomst)
    return form_page(
        request,
        form=form,
        titel=_("Bijeenkomst bewerken: %(thema)s") % {"thema": thematafel.thema},
        terug=(bijeenkomst.get_absolute_url(), str(bijeenkomst)),
        knop=_("Opslaan"),
    )


@login_required
@require_GET
def bijeenkomst_ics(request: HtmxHttpRequest, pk: int):
    bijeenkomst = bijeenkomst_for(request, pk)
    inhoud = agenda.ics([bijeenkomst])
    return download(inhoud, f"bijeenkomst-{bijeenkomst.pk}.ics", "text/calendar; charset=utf-8")
