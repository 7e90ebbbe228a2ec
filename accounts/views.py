"""Beheer > Gebruikers: who has an account, with which role, on which teams; invite,
change a role, switch off and on. Only the beheerder (``accounts.manage_gebruikers``)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pghistory.models import Events

from core import secties
from core.geschiedenis import beschrijf
from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, form_page, require_perm
from core.security_log import log_event

from . import blokkade, services
from .forms import GebruikerFilter, RolForm, UitnodigingForm
from .models import ROL_UITLEG, Rol, User

PAGE = "accounts/beheer/gebruiker_detail.html"


class Weigert422:
    """Django's auth views answer a refused form with 200; ours say 422 like every form."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


class WachtwoordWijzigen(Weigert422, auth_views.PasswordChangeView):
    pass


class WachtwoordVergeten(Weigert422, auth_views.PasswordResetView):
    pass


class WachtwoordInstellen(Weigert422, auth_views.PasswordResetConfirmView):
    pass


PERM = "accounts.manage_gebruikers"


@login_required
@require_GET
def gebruiker_list(request: HtmxHttpRequest):
    require_perm(request, PERM)
    filter_form = GebruikerFilter(request.GET or None)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    page = Paginator(User.objects.gezocht(**filters), 50).get_page(request.GET.get("pagina"))
    labels, rijen = secties.kolommen("gebruikers", list(page.object_list))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    context = {
        "page": page,
        "kolommen": labels,
        "rijen": rijen,
        "filter_form": filter_form,
        "querystring": querystring.urlencode(),
        "rollen": [(Rol(rol).label, uitleg) for rol, uitleg in ROL_UITLEG.items()],
        "secties": secties.render_secties(request, "gebruikers"),
    }
    template = "accounts/beheer/gebruiker_list.html"
    return render(request, f"{template}#gebruikers" if request.htmx else template, context)


@login_required
@require_http_methods(["GET", "POST"])
def gebruiker_uitnodigen(request: HtmxHttpRequest):
    require_perm(request, PERM)
    form = UitnodigingForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        basis_url = request.build_absolute_uri("/")
        user, verstuurd = services.gebruiker_uitnodigen(
            form=form, door=request.user, basis_url=basis_url
        )
        _meld_uitnodiging(request, user, verstuurd)
        return redirect("accounts:gebruiker-detail", pk=user.pk)
    return form_page(
        request,
        form=form,
        titel=_("Iemand uitnodigen"),
        terug=(reverse("accounts:gebruiker-list"), _("Gebruikers")),
        knop=_("Uitnodiging versturen"),
        intro=_(
            "De persoon krijgt een e-mail met een link om binnen 72 uur een wachtwoord te "
            "kiezen en logt daarna in met het e-mailadres."
        ),
    )


def _meld_uitnodiging(request, user: User, verstuurd: bool) -> None:
    if verstuurd:
        messages.success(
            request, _("De uitnodiging is verstuurd naar %(email)s.") % {"email": user.email}
        )
    else:
        messages.error(
            request,
            _(
                "Het account is er, maar de e-mail kon niet worden verstuurd. Probeer het "
                "later opnieuw met 'Uitnodiging opnieuw versturen'."
            ),
        )


def _context(request, persoon: User, *, rol_form=None, fout=None) -> dict:
    events = Events.objects.references(persoon).order_by("-pgh_created_at")[:25]
    return {
        "persoon": persoon,
        "rol_form": rol_form
        or RolForm(initial={"rol": persoon.rol, "portefeuille_alle": persoon.portefeuille_alle}),
        "fout": fout,
        "is_uzelf": persoon.pk == request.user.pk,
        "geblokkeerd_tot": blokkade.geblokkeerd_tot(persoon.username),
        "secties": secties.render_secties(request, "gebruiker", persoon=persoon),
        "geschiedenis": beschrijf(events),
    }


def _section(request, persoon: User, section: str, *, status=200, **extra):
    return section_response(
        request,
        template=PAGE,
        section=section,
        context=lambda: _context(request, persoon, **extra),
        url=reverse("accounts:gebruiker-detail", args=[persoon.pk]),
        status=status,
        also=("geschiedenis",),
    )


def _persoon_for(request, pk: int) -> User:
    require_perm(request, PERM)
    return get_object_or_404(User, pk=pk)


@login_required
@require_GET
def gebruiker_detail(request: HtmxHttpRequest, pk: int):
    return render(request, PAGE, _context(request, _persoon_for(request, pk)))


@login_required
@require_POST
def gebruiker_rol(request: HtmxHttpRequest, pk: int):
    persoon = _persoon_for(request, pk)
    form = RolForm(request.POST)
    oud = persoon.rol
    try:
        if not form.is_valid():
            return _section(request, persoon, "rol", status=422, rol_form=form)
        persoon.rol_wijzigen(**form.cleaned_data)
    except ValidationError as fout:
        return _section(request, persoon, "rol", status=422, rol_form=form, fout=fout.messages)
    log_event("rol_wijzigen", request=request, obj=f"gebruiker:{persoon.pk}:{oud}->{persoon.rol}")
    messages.success(
        request, _("De rol is gewijzigd in %(rol)s.") % {"rol": persoon.get_rol_display()}
    )
    return _section(request, persoon, "rol")


@login_required
@require_POST
def gebruiker_actief(request: HtmxHttpRequest, pk: int):
    """Switch an account off or on again ("actief": "nee" / "ja")."""
    persoon = _persoon_for(request, pk)
    actief = request.POST.get("actief")
    if actief not in ("ja", "nee"):
        return _section(request, persoon, "toegang", status=422, fout=[_("Kies aan of uit.")])
    try:
        persoon.activeren() if actief == "ja" else persoon.deactiveren(door=request.user)
    except ValidationError as fout:
        return _section(request, persoon, "toegang", status=422, fout=fout.messages)
    log_event(
        "activeren" if actief == "ja" else "deactiveren",
        request=request,
        obj=f"gebruiker:{persoon.pk}",
    )
    return _section(request, persoon, "toegang")


@login_required
@require_POST
def sessie_verlengen(request: HtmxHttpRequest):
    """ "Blijf ingelogd": the request itself is the activity that keeps the session."""
    return HttpResponse(status=204)


@login_required
@require_POST
def gebruiker_ontgrendelen(request: HtmxHttpRequest, pk: int):
    """Let a locked-out account in again before its cool-off has passed."""
    persoon = _persoon_for(request, pk)
    blokkade.ontgrendelen(persoon.username)
    log_event("ontgrendelen", request=request, obj=f"gebruiker:{persoon.pk}")
    return _section(request, persoon, "toegang")


@login_required
@require_POST
def gebruiker_uitnodiging(request: HtmxHttpRequest, pk: int):
    """The invitation again, with a new link (for whoever has not set a password yet)."""
    persoon = _persoon_for(request, pk)
    if persoon.has_usable_password() or not persoon.is_active:
        fout = [_("Deze persoon heeft al een wachtwoord of is gedeactiveerd.")]
        return _section(request, persoon, "toegang", status=422, fout=fout)
    verstuurd = services.uitnodiging_versturen(
        user=persoon, door=request.user, basis_url=request.build_absolute_uri("/")
    )
    _meld_uitnodiging(request, persoon, verstuurd)
    return _section(request, persoon, "toegang")
