import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.meldingen import melden
from accounts.models import Meldingsoort, Rol, User
from core import live
from core.security_log import log_event

from .models import (
    AgendaWijziging,
    Besluit,
    FaseWijziging,
    Opgave,
    Prioriteit,
    Prioriteitsvoorstel,
    Teamlidmaatschap,
    VoortgangMelding,
)


class StaleError(Exception):
    """The page the user acted on no longer shows the current state; nothing was changed."""


@transaction.atomic
def fase_wijzigen(
    *,
    opgave: Opgave,
    van_fase: str,
    naar_fase: str,
    datum: datetime.date,
    toelichting: str,
    user,
) -> FaseWijziging:
    """Move the opgave to another phase, dated and explained; refused if the page was stale."""
    if van_fase == naar_fase:
        raise ValueError("naar_fase must differ from van_fase")
    # Conditional update: a second submit of the same stale page changes nothing.
    moved = Opgave.objects.filter(pk=opgave.pk, fase=van_fase).update(fase=naar_fase)
    if not moved:
        huidige = Opgave.objects.get(pk=opgave.pk).get_fase_display()
        raise StaleError(
            _(
                "De fase is intussen al gewijzigd en staat nu op '%(fase)s'. Uw wijziging is "
                "niet toegepast; bekijk de tijdlijn en probeer het zo nodig opnieuw."
            )
            % {"fase": huidige}
        )
    wijziging = FaseWijziging(
        opgave=opgave,
        van_fase=van_fase,
        naar_fase=naar_fase,
        datum=datum,
        toelichting=toelichting,
        door=user,
    )
    wijziging.full_clean()
    wijziging.save()
    opgave.fase = naar_fase
    return wijziging


@transaction.atomic
def voortgang_melden(*, opgave: Opgave, voortgang: str, toelichting: str, user) -> VoortgangMelding:
    """Record how the opgave is doing now; the opgave shows the latest judgement."""
    melding = VoortgangMelding(
        opgave=opgave, voortgang=voortgang, toelichting=toelichting, door=user
    )
    melding.full_clean()
    melding.save()
    Opgave.objects.filter(pk=opgave.pk).update(voortgang=voortgang)
    opgave.voortgang = voortgang
    return melding


@transaction.atomic
def op_agenda_plaatsen(*, opgave: Opgave, user) -> AgendaWijziging:
    """Place a new opgave on the beleidsagenda by its priority: right after the last opgave
    of the same priority (or of a higher one); those after it move one place down. The
    place and the reason are recorded as an agenda change."""
    volgorde = list(Prioriteit.values)  # hoog, middel, laag
    eigen = volgorde.index(opgave.prioriteit)
    agenda = list(
        Opgave.objects.select_for_update()
        .exclude(pk=opgave.pk)
        .op_agenda()
        .only("pk", "rang", "prioriteit")
    )
    voor = [i for i, item in enumerate(agenda) if volgorde.index(item.prioriteit) <= eigen]
    agenda.insert(voor[-1] + 1 if voor else 0, opgave)
    for rang, item in enumerate(agenda, start=1):
        if item.rang != rang:
            Opgave.objects.filter(pk=item.pk).update(rang=rang)
            item.rang = rang
    wijziging = AgendaWijziging(
        opgave=opgave,
        oude_rang=len(agenda),
        nieuwe_rang=opgave.rang,
        reden=_(
            "Nieuw op de agenda met prioriteit %(prioriteit)s: geplaatst na de opgaven "
            "met dezelfde of een hogere prioriteit."
        )
        % {"prioriteit": opgave.get_prioriteit_display().lower()},
        door=user,
    )
    wijziging.full_clean()
    wijziging.save()
    return wijziging


@transaction.atomic
def agenda_verplaatsen(
    *, opgave: Opgave, reden: str, user, naar: int | None = None, stap: int = 0
) -> AgendaWijziging | None:
    """Move an opgave to place ``naar`` of the beleidsagenda, or ``stap`` places down (-1:
    one up), and record why. Past either end means first or last.

    Locks the agenda and renumbers it 1..n (so gaps and ties disappear); the opgaven between
    the old and the new place shift one. Returns None when it is already there.
    """
    agenda = list(Opgave.objects.select_for_update().op_agenda().only("pk", "rang", "titel"))
    index = next(i for i, item in enumerate(agenda) if item.pk == opgave.pk)
    doel = min(max(index + stap if naar is None else naar - 1, 0), len(agenda) - 1)
    if doel == index:
        return None
    agenda.insert(doel, agenda.pop(index))
    verschoven = []
    for plaats, item in enumerate(agenda, start=1):
        if item.rang != plaats:
            item.rang = plaats
            verschoven.append(item)
    Opgave.objects.bulk_update(verschoven, ["rang"])  # one query, however far it moves
    wijziging = AgendaWijziging(
        opgave=opgave, oude_rang=index + 1, nieuwe_rang=doel + 1, reden=reden, door=user
    )
    wijziging.full_clean()
    wijziging.save()
    return wijziging


@transaction.atomic
def agenda_herschikken(*, naar: dict[Opgave, int], reden: str, user) -> list[AgendaWijziging]:
    """Put each opgave at the place asked ({opgave: place}), the one nearest the top first,
    each move recorded with the one reason."""
    wijzigingen = [
        agenda_verplaatsen(opgave=opgave, naar=plaats, reden=reden, user=user)
        for opgave, plaats in sorted(naar.items(), key=lambda paar: (paar[1], paar[0].pk))
    ]
    return [w for w in wijzigingen if w is not None]


@transaction.atomic
def prioriteit_voorstellen(
    *, opgave: Opgave, prioriteit: str, motivering: str, user
) -> Prioriteitsvoorstel:
    """The regisseur's proposal; it replaces a proposal that still waits for a decision.
    The portefeuillehouder (without one: every bestuurder) hears that it waits."""
    for oud in Prioriteitsvoorstel.objects.filter(opgave=opgave, besluit=Besluit.OPEN):
        oud.besluit = Besluit.VERVANGEN
        oud.save()
    voorstel = Prioriteitsvoorstel.objects.create(
        opgave=opgave, prioriteit=prioriteit, motivering=motivering, door=user
    )
    # Whose portefeuille holds it; an opgave in nobody's: every bestuurder may decide.
    bestuurders = list(User.objects.portefeuillehouders_van(opgave)) or list(
        User.objects.filter(rol=Rol.BESTUURDER, is_active=True)
    )
    melden(
        bestuurders,
        soort=Meldingsoort.BESLUIT,
        sleutel=f"prioriteitsvoorstel:{voorstel.pk}",
        tekst=_("Prioriteitsvoorstel voor %(opgave)s wacht op uw besluit: %(prioriteit)s")
        % {"opgave": opgave.titel, "prioriteit": voorstel.get_prioriteit_display().lower()},
        link=f"{opgave.get_absolute_url()}#prioriteit",
    )
    return voorstel


@transaction.atomic
def prioriteit_besluiten(*, opgave: Opgave, prioriteit: str, motivering: str, user) -> None:
    """The bestuurder sets the priority; a waiting proposal is thereby overgenomen (the same
    priority) or not."""
    Opgave.objects.filter(pk=opgave.pk).update(
        prioriteit=prioriteit, prioriteit_motivering=motivering
    )
    opgave.prioriteit, opgave.prioriteit_motivering = prioriteit, motivering
    for voorstel in Prioriteitsvoorstel.objects.filter(opgave=opgave, besluit=Besluit.OPEN):
        voorstel.besluit = (
            Besluit.OVERGENOMEN if voorstel.prioriteit == prioriteit else Besluit.AFGEWEZEN
        )
        voorstel.besloten_door, voorstel.besloten_op = user, timezone.now()
        voorstel.save()
        melden(
            [voorstel.door],
            soort=Meldingsoort.BESLUIT,
            sleutel=f"prioriteitsbesluit:{voorstel.pk}",
            tekst=_("Uw prioriteitsvoorstel voor %(opgave)s is %(besluit)s")
            % {"opgave": opgave.titel, "besluit": voorstel.get_besluit_display().lower()},
            link=f"{opgave.get_absolute_url()}#prioriteit",
        )


# Team membership: one place for each change, whichever page it was made on (the opgave's
# team page or a person's page in Beheer), with the same log line and melding. ``request``
# only gives the security log its address and path.


@transaction.atomic
def teamlid_toevoegen(*, lid: Teamlidmaatschap, door, request=None) -> Teamlidmaatschap:
    """Someone joins an opgave's team: saved, in the security log, and told."""
    lid.save()
    live.rechten_gewijzigd(lid.user_id)
    log_event("team_toevoegen", request=request, user=door, obj=lid.logkenmerk)
    team_melden(lid, door=door, toegevoegd=True)
    return lid


@transaction.atomic
def teamlid_verwijderen(*, lid: Teamlidmaatschap, door, request=None) -> None:
    """Someone leaves an opgave's team: removed, in the security log, and told."""
    bewaard = lid.pk
    lid.delete()
    lid.pk = bewaard  # the log and the melding name the membership that was
    live.rechten_gewijzigd(lid.user_id)  # an open canvas of theirs stops at once
    log_event("team_verwijderen", request=request, user=door, obj=lid.logkenmerk)
    team_melden(lid, door=door, toegevoegd=False)


def teamlid_rol_wijzigen(*, lid: Teamlidmaatschap, rol: str, door, request=None) -> None:
    """A member's role in the team changes; in the security log."""
    Teamlidmaatschap.objects.filter(pk=lid.pk).update(rol=rol)
    lid.rol = rol
    live.rechten_gewijzigd(lid.user_id)
    log_event("team_rol", request=request, user=door, obj=lid.logkenmerk)


def team_melden(lid: Teamlidmaatschap, *, door, toegevoegd: bool) -> None:
    """Tell someone they joined or left an opgave's team (not when they did it themselves)."""
    if lid.user_id == door.pk:
        return
    opgave = lid.opgave
    if toegevoegd:
        tekst = _("%(door)s heeft u toegevoegd aan het team van %(opgave)s (%(rol)s)")
        link = reverse("opgaven:opgave-team", args=[opgave.pk])
    else:
        tekst = _("%(door)s heeft u uit het team van %(opgave)s gehaald")
        link = reverse("home")
    melden(
        [lid.user],
        soort=Meldingsoort.TEAM,
        sleutel=f"team:{lid.pk}:{'toegevoegd' if toegevoegd else 'verwijderd'}",
        tekst=tekst % {"door": door, "opgave": opgave.titel, "rol": lid.get_rol_display()},
        link=link,
    )
