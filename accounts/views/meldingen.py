"""Meldingen: a person's own list, opening one (read), and how each kind reaches them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import HtmxHttpRequest, form_data, form_page, pagina

from ..forms import MeldingvoorkeurenForm
from ..models import Melding

PER_PAGINA = 50


@login_required
@require_GET
def melding_list(request: HtmxHttpRequest):
    meldingen = request.user.meldingen.all()
    context = pagina(request, meldingen, PER_PAGINA) | {"ongelezen": meldingen.ongelezen().count()}
    return render(request, "accounts/meldingen/melding_list.html", context)


@login_required
@require_GET
def melding_open(request: HtmxHttpRequest, pk: int):
    """Mark one of my meldingen read and go to what it is about."""
    melding = get_object_or_404(Melding, pk=pk, ontvanger=request.user)
    if melding.gelezen_op is None:
        Melding.objects.filter(pk=pk).update(gelezen_op=timezone.now())
    if not url_has_allowed_host_and_scheme(melding.link, allowed_hosts=None):
        return redirect("accounts:meldingen")
    return redirect(melding.link)


@login_required
@require_POST
def meldingen_gelezen(request: HtmxHttpRequest):
    aantal = request.user.meldingen.ongelezen().update(gelezen_op=timezone.now())
    if aantal:
        messages.success(request, _("Alle meldingen zijn als gelezen gemarkeerd."))
    return redirect("accounts:meldingen")


@login_required
@require_http_methods(["GET", "POST"])
def meldingvoorkeuren(request: HtmxHttpRequest):
    form = MeldingvoorkeurenForm(form_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw keuzes voor meldingen zijn opgeslagen."))
        return redirect("accounts:meldingen")
    return form_page(
        request,
        form=form,
        titel=_("Hoe wilt u meldingen krijgen?"),
        terug=(reverse("accounts:meldingen"), _("Meldingen")),
        knop=_("Opslaan"),
        intro=_(
            "Kies per soort melding: direct per e-mail, een dagelijks overzicht (om 7 uur), "
            "een wekelijks overzicht (maandag om 7 uur) of uit. Behalve bij 'uit' ziet u de "
            "melding ook hier in de app."
        ),
    )
