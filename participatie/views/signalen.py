"""Signalen uit de praktijk: any colleague tells an opgave that policy does not fit what
residents meet; its team answers (and closes it) or forwards it; the sender sees the answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, form_page, pk_of_404, require_perm
from opgaven.models import Opgave

from .. import meldingen, services
from ..forms.signalen import AntwoordForm, DoorsturenForm, SignaalForm
from ..models import Signaal, SignaalStatus

PAGE = "participatie/signalen/signaal_detail.html"


def te_beantwoorden(user):
    """Signals waiting for an answer from the teams this user is on."""
    return Signaal.objects.filter(
        opgave__in=Opgave.objects.editable_by(user), status=SignaalStatus.NIEUW
    ).select_related("opgave", "ingediend_door")


@login_required
@require_GET
def signaal_list(request: HtmxHttpRequest):
    require_perm(request, "participatie.add_signaal")
    return render(
        request,
        "participatie/signalen/signaal_list.html",
        {
            "mijn_signalen": request.user.ingediende_signalen.select_related(
                "opgave", "beantwoord_door"
            ),
            "te_beantwoorden": te_beantwoorden(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def signaal_create(request: HtmxHttpRequest):
    require_perm(request, "participatie.add_signaal")
    form = SignaalForm(
        form_data(request), initial={"opgave": pk_of_404(request.GET.get("opgave") or "0")}
    )
    form.fields["opgave"].queryset = Opgave.objects.visible_to(request.user).order_by("titel")
    if request.method == "POST" and form.is_valid():
        form.instance.ingediend_door = request.user
        signaal = form.save()
        meldingen.signaal_melden(signaal)
        messages.success(
            request, _("Uw signaal is verstuurd. U ziet het antwoord hier zodra het er is.")
        )
        return redirect(signaal)
    return form_page(
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


def _signaal_for(request, pk: int) -> Signaal:
    signaal = get_object_or_404(
        Signaal.objects.select_related("opgave", "ingediend_door", "beantwoord_door"), pk=pk
    )
    if not request.user.has_perm("participatie.view_signaal", signaal):
        # Someone else's signal does not exist for you (no hint that the id is taken).
        raise Http404
    return signaal


def _context(request, signaal: Signaal, *, antwoord_form=None, doorsturen_form=None) -> dict:
    open_ = signaal.status == SignaalStatus.NIEUW
    if open_ and request.user.has_perm("participatie.answer_signaal", signaal):
        antwoord_form = antwoord_form or AntwoordForm()
        doorsturen_form = doorsturen_form or DoorsturenForm(opgaven=_andere_opgaven(signaal))
    return {
        "signaal": signaal,
        "antwoord_form": antwoord_form,
        "doorsturen_form": doorsturen_form,
    }


def _andere_opgaven(signaal: Signaal):
    return Opgave.objects.exclude(pk=signaal.opgave_id).order_by("titel")


def _to_answer(request, pk: int) -> Signaal:
    signaal = _signaal_for(request, pk)
    require_perm(request, "participatie.answer_signaal", signaal)
    return signaal


def _al_beantwoord(request, signaal: Signaal):
    messages.error(request, _("Dit signaal is al beantwoord."))
    return _section(request, signaal)


def _section(request, signaal: Signaal, *, status=200, **forms):
    return section_response(
        request,
        template=PAGE,
        section="signaal",
        context=lambda: _context(request, signaal, **forms),
        url=signaal.get_absolute_url(),
        status=status,
    )


@login_required
@require_GET
def signaal_detail(request: HtmxHttpRequest, pk: int):
    return render(request, PAGE, _context(request, _signaal_for(request, pk)))


@login_required
@require_POST
def signaal_beantwoorden(request: HtmxHttpRequest, pk: int):
    """Answer the sender and close the signal."""
    signaal = _to_answer(request, pk)
    if signaal.status != SignaalStatus.NIEUW:
        return _al_beantwoord(request, signaal)
    form = AntwoordForm(request.POST)
    if not form.is_valid():
        return _section(request, signaal, status=422, antwoord_form=form)
    services.signaal_beantwoorden(
        signaal=signaal, antwoord=form.cleaned_data["antwoord"], user=request.user
    )
    messages.success(request, _("Het antwoord is verstuurd en het signaal gesloten."))
    return _section(request, signaal)


@login_required
@require_POST
def signaal_doorsturen(request: HtmxHttpRequest, pk: int):
    """The signal belongs to another opgave: its team answers it from now on."""
    signaal = _to_answer(request, pk)
    if signaal.status != SignaalStatus.NIEUW:
        return _al_beantwoord(request, signaal)
    form = DoorsturenForm(request.POST, opgaven=_andere_opgaven(signaal))
    if not form.is_valid():
        return _section(request, signaal, status=422, doorsturen_form=form)
    signaal.doorsturen(form.cleaned_data["opgave"])
    meldingen.signaal_melden(signaal)
    messages.success(
        request,
        _("Het signaal is doorgestuurd naar %(opgave)s.") % {"opgave": signaal.opgave.titel},
    )
    if request.user.has_perm("participatie.view_signaal", signaal):
        return _section(request, signaal)
    lijst = reverse("participatie:signaal-list")
    return HttpResponseClientRedirect(lijst) if request.htmx else redirect(lijst)
