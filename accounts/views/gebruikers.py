"""Beheer > Gebruikers: who has an account, with which role, on which teams; invite,
change a role, switch off and on. Only the beheerder (``accounts.manage_gebruikers``)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from pghistory.models import Events

from core import secties
from core.geschiedenis import beschrijf
from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, form_page, pagina, require_perm
from core.security_log import client_ip, log_event

from .. import blokkade, mfa, services
from ..forms import CodeForm, GebruikerFilter, RolForm, UitnodigingForm
from ..models import ROL_UITLEG, Rol, User

PAGE = "accounts/beheer/gebruiker_detail.html"
TWEEDE_STAP = "accounts/tweede_stap"


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
    lijst = pagina(request, User.objects.gezocht(**filters))
    labels, rijen = secties.kolommen("gebruikers", list(lijst["page"].object_list))
    context = lijst | {
        "kolommen": labels,
        "rijen": rijen,
        "filter_form": filter_form,
        # Held off after failed logins (accounts.blokkade), one query for the whole page.
        "geblokkeerd": set(blokkade.geblokkeerde_namen().values_list("gebruikersnaam", flat=True)),
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
        "heeft_tweede_stap": mfa.app(persoon) is not None,
        "secties": secties.render_secties(request, "gebruiker", persoon=persoon),
        "geschiedenis": beschrijf(events, lezer=request.user),
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
def gebruiker_tweede_stap_resetten(request: HtmxHttpRequest, pk: int):
    """A lost phone: the app and the recovery codes go; the next sign-in sets them up."""
    persoon = _persoon_for(request, pk)
    mfa.uitschakelen(persoon)
    log_event("mfa_resetten", request=request, obj=f"gebruiker:{persoon.pk}")
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


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    veilig = url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return volgende if veilig else resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
@require_http_methods(["GET", "POST"])
def tweede_stap(request: HtmxHttpRequest):
    """After the password: a code from the app, or a recovery code (each works once)."""
    if mfa.app(request.user) is None:
        return redirect(f"{reverse('accounts:tweede-stap-instellen')}?{request.GET.urlencode()}")
    form = CodeForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        device = mfa.controleren(request, form.cleaned_data["code"])
        if device is not None:
            log_event("mfa", request=request, obj=device.persistent_id)
            if device.persistent_id.startswith("otp_static"):
                over = mfa.herstelcodes_over(request.user)
                messages.warning(
                    request,
                    _("U gebruikte een herstelcode; er zijn er nog %(n)s.") % {"n": over},
                )
            return redirect(_volgende(request))
        return _code_fout(request, form)
    context = {"form": form, "next": _volgende(request)}
    return render(request, f"{TWEEDE_STAP}/controleren.html", context, status=200)


def _code_fout(request, form):
    """A wrong code counts toward the lockout like a wrong password."""
    log_event("mfa", request=request, outcome="failed")
    adres = client_ip(request)
    blokkade.mislukt(request.user.username, adres, request)
    if blokkade.is_geblokkeerd(request.user.username, adres):
        logout(request)
        messages.error(request, _("Te veel verkeerde codes. U bent uitgelogd."))
        return redirect("accounts:login")
    form.add_error("code", _("Deze code klopt niet. Probeer de nieuwste code uit de app."))
    context = {"form": form, "next": _volgende(request)}
    return render(request, f"{TWEEDE_STAP}/controleren.html", context, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def tweede_stap_instellen(request: HtmxHttpRequest):
    """Set up the app: scan the QR code (or type the key), confirm with a first code, and
    keep the ten recovery codes shown once."""
    if mfa.app(request.user) is not None and request.session.get(mfa.SESSIE_TWEEDE_STAP):
        return redirect(f"{reverse('accounts:tweede-stap')}?{request.GET.urlencode()}")
    form = CodeForm(form_data(request))
    status = 200
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if request.method == "POST" and device is not None and form.is_valid():
        codes = mfa.bevestigen(request, device, form.cleaned_data["code"])
        if codes:
            log_event("mfa_inschrijven", request=request)
            context = {"codes": codes, "next": _volgende(request)}
            return render(request, f"{TWEEDE_STAP}/herstelcodes.html", context)
        log_event("mfa_inschrijven", request=request, outcome="failed")
        form.add_error("code", _("Deze code klopt niet. Vul de code in die de app nu toont."))
    if form.errors:
        status = 422
    if request.method == "GET" or device is None:
        device = mfa.nieuwe_app(request.user)  # a new secret for every new visit
    context = {
        "form": form,
        "qr": mfa.qr_svg(device),
        "sleutel": mfa.sleutel(device),
        "next": _volgende(request),
        "verplicht": mfa.is_verplicht(request.user),
    }
    return render(request, f"{TWEEDE_STAP}/instellen.html", context, status=status)
