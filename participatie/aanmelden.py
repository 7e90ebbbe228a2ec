"""Residents sign up for a session on the public site (Meedoen).

A sign-up counts once the resident confirms it through the link mailed to them (double
opt-in: nobody signs up someone else's address), within 48 hours. Confirmed, they have a
place or, when the session is full, a place on the waiting list; whoever cancels (the same
link, in every mail) makes room for the first on the list, who is told. One sign-up per
address and session, whatever is sent twice. Mail goes out after the database work, outside
its transaction: a mail server that is down costs a retry, not the sign-up."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import agenda
from .models import Aanmelding, AanmeldingStatus, Bijeenkomst, Publicatie

logger = logging.getLogger(__name__)
ZOUT = "participatie.aanmelding"
GELDIG = 48 * 3600  # seconds a confirmation link works


def link(aanmelding: Aanmelding) -> str:
    """The sign-up's own page: confirm (48 hours) or cancel (until the session)."""
    bewijs = signing.dumps(aanmelding.pk, salt=ZOUT)
    pad = reverse("participatie:meedoen-aanmelding", args=[bewijs])
    return settings.OPGAVENREGIE_URL.rstrip("/") + pad


def uit_link(bewijs: str) -> tuple[Aanmelding | None, bool]:
    """The sign-up a link is for (None when it is not ours), and whether it may still
    confirm (not older than 48 hours)."""
    try:
        pk = signing.loads(bewijs, salt=ZOUT)
    except signing.BadSignature:
        return None, False
    try:
        signing.loads(bewijs, salt=ZOUT, max_age=GELDIG)
        vers = True
    except signing.SignatureExpired:
        vers = False
    aanmeldingen = Aanmelding.objects.select_related("bijeenkomst__thematafel", "publicatie")
    return aanmeldingen.filter(pk=pk).first(), vers


def aanmelden(
    bijeenkomst: Bijeenkomst, publicatie: Publicatie, **gegevens
) -> tuple[Aanmelding, bool]:
    """A new sign-up waiting for its confirmation (or the one this address has already),
    and whether the mail with the link went out."""
    email = gegevens["email"].strip().lower()
    bestaand = bijeenkomst.aanmeldingen.exclude(status=AanmeldingStatus.AFGEMELD)
    aanmelding = bestaand.filter(email=email).first()
    if aanmelding is None:
        try:
            with transaction.atomic():
                aanmelding = Aanmelding.objects.create(
                    bijeenkomst=bijeenkomst,
                    publicatie=publicatie,
                    naam=gegevens["naam"],
                    email=email,
                    opmerking=gegevens.get("opmerking", ""),
                )
        except IntegrityError:  # the same form sent twice at once
            aanmelding = bestaand.get(email=email)
    return aanmelding, _mail(aanmelding, "bevestigen")


def bevestigen(aanmelding: Aanmelding) -> Aanmelding:
    """Confirmed: a place, or the waiting list when the session is full. Again: no change."""
    with transaction.atomic():
        bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=aanmelding.bijeenkomst_id)
        aanmelding = (
            Aanmelding.objects.select_for_update(of=("self",))
            .select_related("bijeenkomst__thematafel", "publicatie")
            .get(pk=aanmelding.pk)
        )
        if aanmelding.status != AanmeldingStatus.TE_BEVESTIGEN:
            return aanmelding
        aanmelding.status = (
            AanmeldingStatus.WACHTLIJST if _vol(bijeenkomst) else AanmeldingStatus.AANGEMELD
        )
        aanmelding.bevestigd_op = timezone.now()
        aanmelding.save(update_fields=["status", "bevestigd_op", "updated_at"])
    _mail(aanmelding, aanmelding.status)
    return aanmelding


def afmelden(aanmelding: Aanmelding) -> Aanmelding:
    """Cancelled; a place it frees goes to the first on the waiting list, who is told."""
    opgeschoven = []
    with transaction.atomic():
        bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=aanmelding.bijeenkomst_id)
        aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
        if aanmelding.status == AanmeldingStatus.AFGEMELD:
            return aanmelding
        had_plaats = aanmelding.status == AanmeldingStatus.AANGEMELD
        aanmelding.status = AanmeldingStatus.AFGEMELD
        aanmelding.save(update_fields=["status", "updated_at"])
        wachtlijst = bijeenkomst.aanmeldingen.filter(
            status=AanmeldingStatus.WACHTLIJST
        ).select_related("bijeenkomst__thematafel", "publicatie")
        while had_plaats and not _vol(bijeenkomst) and (eerste := wachtlijst.first()):
            eerste.status = AanmeldingStatus.AANGEMELD
            eerste.save(update_fields=["status", "updated_at"])
            opgeschoven.append(eerste)
    for eerste in opgeschoven:
        _mail(eerste, "opgeschoven")
    return aanmelding


def herinneren(nu=None) -> int:
    """Daily: a reminder to everyone with a place in a session tomorrow, once each (safe to
    run twice). Returns how many went out."""
    nu = timezone.localtime(nu)
    morgen = nu.date() + timedelta(days=1)
    te_herinneren = Aanmelding.objects.filter(
        status=AanmeldingStatus.AANGEMELD,
        herinnerd_op__isnull=True,
        bijeenkomst__begint_op__date=morgen,
    ).select_related("bijeenkomst__thematafel", "publicatie")
    verstuurd = 0
    for aanmelding in te_herinneren:
        if _mail(aanmelding, "herinnering"):
            Aanmelding.objects.filter(pk=aanmelding.pk).update(herinnerd_op=nu)
            verstuurd += 1
    return verstuurd


def opruimen() -> int:
    """Residents' sign-ups are removed MEEDOEN_AANMELDINGEN_BEWAREN_DAGEN after their
    session (the privacy line on the form says so); the count of them that came stays in
    the session's attendance."""
    grens = timezone.now() - timedelta(days=settings.MEEDOEN_AANMELDINGEN_BEWAREN_DAGEN)
    return Aanmelding.objects.filter(bijeenkomst__eindigt_op__lt=grens).delete()[0]


def _vol(bijeenkomst: Bijeenkomst) -> bool:
    if bijeenkomst.plaatsen is None:
        return False
    return bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count() >= (
        bijeenkomst.plaatsen
    )


def _mail(aanmelding: Aanmelding, soort: str) -> bool:
    """One mail about the sign-up; with its calendar file once there is a place."""
    publicatie = aanmelding.publicatie
    context = {
        "aanmelding": aanmelding,
        "bijeenkomst": aanmelding.bijeenkomst,
        "publicatie": publicatie,
        "link": link(aanmelding),
        "uren": GELDIG // 3600,
        "gemeente": settings.GEMEENTE_NAAM,
    }
    onderwerp = render_to_string(f"participatie/mail/aanmelding_{soort}_onderwerp.txt", context)
    bericht = EmailMessage(
        " ".join(onderwerp.split()),
        render_to_string(f"participatie/mail/aanmelding_{soort}.txt", context),
        None,
        [aanmelding.email],
    )
    if soort in (AanmeldingStatus.AANGEMELD, "opgeschoven", "herinnering"):
        ics = agenda.ics([aanmelding.bijeenkomst], publicatie)
        bericht.attach("bijeenkomst.ics", ics, "text/calendar")
    try:
        bericht.send()
    except (OSError, smtplib.SMTPException):
        logger.warning("Mail over aanmelding %s niet verstuurd", aanmelding.pk, exc_info=True)
        return False
    return True
