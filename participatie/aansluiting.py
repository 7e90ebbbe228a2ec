"""What participatie adds to the pages and registries of the apps below it (core.secties,
the calendar feed, canvas's origin of items, the history's confidential events), in one
place: ParticipatieConfig.ready calls ``registreer``."""

from django.utils.translation import gettext_lazy as _


def registreer() -> None:
    from canvas import herkomst
    from core import agenda, secties, werklijst
    from opgaven import geschiedenis

    from .agenda import acties, sessies
    from .herkomst import uit_inbreng
    from .models import Bijeenkomst, Thematafel
    from .views.gebieden import gebied_context
    from .views.overzicht import open_acties_context, wat_komt_context
    from .views.partners import eigen_afspraken_context, organisatie_context

    # The opgave's workspace: its stakeholders and its participation are parts of it.
    secties.registreer_tabblad(
        secties.Tabblad(
            plek="opgave",
            naam="stakeholders",
            label=_("Stakeholders"),
            volgorde=30,
            url_name="participatie:positie",
            toon=lambda request, opgave: request.user.has_perm("participatie.view_betrokkenheid"),
        )
    )
    secties.registreer_tabblad(
        secties.Tabblad(
            plek="opgave",
            naam="participatie",
            label=_("Participatie"),
            volgorde=40,
            url_name="participatie:opgave-participatie",
        )
    )
    for sectie in [
        secties.Sectie(
            plek="gebied",
            naam="participatie",
            volgorde=20,
            template_name="participatie/gebieden/gebied_participatie.html",
            context=gebied_context,
        ),
        secties.Sectie(
            plek="opgave-kop",
            naam="open-acties",
            volgorde=20,
            template_name="participatie/overzicht/opgave_open_acties.html",
            context=open_acties_context,
        ),
        secties.Sectie(
            plek="opgave-zij",
            naam="wat-komt",
            volgorde=20,
            template_name="participatie/overzicht/opgave_wat_komt.html",
            context=wat_komt_context,
        ),
        secties.Sectie(
            plek="opgave",
            naam="eigen-afspraken",
            volgorde=26,
            template_name="participatie/partners/eigen_afspraken.html",
            context=eigen_afspraken_context,
        ),
        # Beheer > Gebruikers (accounts): the organisation a partner works for.
        secties.Sectie(
            plek="gebruiker",
            naam="organisatie",
            volgorde=20,
            template_name="participatie/partners/gebruiker_organisatie.html#organisatie",
            context=organisatie_context,
        ),
    ]:
        secties.registreer(sectie)
    secties.registreer_verwijzing(
        secties.Verwijzing(
            plek="samenhang",
            label=_("Stakeholders die in meerdere opgaven meedoen"),
            url_name="participatie:gedeelde-stakeholders",
            perm="opgaven.view_opgave",
        )
    )
    herkomst.registreer(uit_inbreng)
    # What waits for a person on their start page (core.werklijst).
    from . import werklijst as wacht

    for naam, bron in [
        ("participatie-actiepunten", wacht.actiepunten),
        ("participatie-afspraken", wacht.afspraken),
        ("participatie-vervolgacties", wacht.vervolgacties),
        ("participatie-terugkoppeling", wacht.terugkoppeling),
        ("participatie-signalen", wacht.signalen),
        ("participatie-bewaartermijn", wacht.bewaartermijn),
    ]:
        werklijst.registreer(naam, bron)
    # A person's calendar feed (accounts): sessions and their own action points.
    agenda.registreer("participatie-sessies", sessies)
    agenda.registreer("participatie-acties", acties)
    # How the municipality positions stakeholders and what it discussed with them
    # stays out of the history partners read.
    # What happened at the thematafels of an opgave belongs to its history: sessions
    # planned and held, inbreng and its terugkoppeling, action points.
    tafels = Thematafel.opgaven.through
    van_tafel = f"SELECT thematafel_id FROM {tafels._meta.db_table} WHERE opgave_id = ANY(%s)"  # noqa: S608
    van_sessie = f"SELECT id FROM {Bijeenkomst._meta.db_table} WHERE thematafel_id IN ({van_tafel})"  # noqa: S608
    geschiedenis.via("participatie.BijeenkomstEvent", f"thematafel_id IN ({van_tafel})")
    geschiedenis.via("participatie.InbrengEvent", f"bijeenkomst_id IN ({van_sessie})")
    geschiedenis.via("participatie.ActiepuntEvent", f"bijeenkomst_id IN ({van_sessie})")
    geschiedenis.vertrouwelijk(
        "participatie.BetrokkenheidEvent",
        "participatie.ContactmomentEvent",
        "participatie.VervolgactieEvent",
        "participatie.AfspraakEvent",
        "participatie.StakeholderEvent",
    )
