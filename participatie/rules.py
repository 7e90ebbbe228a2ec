import rules
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_ambtelijk, is_beheerder, is_opgaveregisseur, is_partner, is_teamlid
from core.http import weigering
from opgaven.rules import is_partner_in_team, kan_opgave_bewerken

# Betrokkenheden belong to an opgave: whoever may edit the opgave may position its stakeholders.
rules.add_perm("participatie.add_betrokkenheid", kan_opgave_bewerken)
rules.add_perm("participatie.delete_betrokkenheid", kan_opgave_bewerken)
# How the municipality judges stakeholders (power, interest, attitude, ladder) and what it
# discussed with them stays with the municipality's own people: never for partners.
rules.add_perm("participatie.view_betrokkenheid", is_ambtelijk)


@rules.predicate
def mag_contact_zien(user, stakeholder) -> bool:
    if stakeholder is None or not is_ambtelijk(user):
        return False
    if user.rol == "beheerder":
        return True
    if user.rol == "raadslid":
        return False
    if not stakeholder.is_persoon:
        return True
    return stakeholder.betrokkenheden.filter(
        Q(opgave__opgaveregisseur=user) | Q(opgave__teamleden=user)
    ).exists()


rules.add_perm("participatie.view_stakeholder", is_ambtelijk)
rules.add_perm("participatie.add_stakeholder", is_beheerder | is_opgaveregisseur | is_teamlid)
# Who may see a person's contact details may also correct them; organisations: the same roles.
rules.add_perm(
    "participatie.change_stakeholder",
    (is_beheerder | is_opgaveregisseur | is_teamlid) & mag_contact_zien,
)
rules.add_perm("participatie.view_contactgegevens", mag_contact_zien)
# Inzage and erasure requests (AVG) are handled by the beheerder.
rules.add_perm("participatie.manage_persoonsgegevens", is_beheerder)

# Thematafels, sprints, personas and signals belong to opgaven: whoever may edit the
# opgave runs its participation.
rules.add_perm("participatie.change_participatie", kan_opgave_bewerken)


@rules.predicate
def kan_thematafel_bewerken(user, thematafel) -> bool:
    if thematafel is None or not user.is_authenticated:
        return False
    if user.rol == "beheerder" or thematafel.gespreksleider_id == user.pk:
        return True
    return thematafel.opgaven.waar_werkt(user).exists()


rules.add_perm("participatie.change_thematafel", is_ambtelijk & kan_thematafel_bewerken)


@rules.predicate
def partner_aan_tafel(user, thematafel) -> bool:
    """A partner on the team of one of the thematafel's opgaven."""
    return thematafel is not None and thematafel.opgaven.waar_werkt(user).exists()


# Inbreng and action points at a session: its runners, and partners of its opgaven.
rules.add_perm(
    "participatie.add_inbreng",
    (is_ambtelijk & kan_thematafel_bewerken) | (is_partner & partner_aan_tafel),
)

# Every colleague may tell an opgave that policy does not fit; its team answers.
rules.add_perm("participatie.add_signaal", is_ambtelijk)


@rules.predicate
def is_indiener(user, signaal) -> bool:
    return signaal is not None and signaal.ingediend_door_id == user.pk


@rules.predicate
def kan_signaal_beantwoorden(user, signaal) -> bool:
    return signaal is not None and kan_opgave_bewerken(user, signaal.opgave)


rules.add_perm("participatie.answer_signaal", kan_signaal_beantwoorden)
rules.add_perm("participatie.view_signaal", is_ambtelijk & (is_indiener | kan_signaal_beantwoorden))

# A partner sees, on the hub of their opgaven, the afspraken with their own organisation.
rules.add_perm("participatie.view_eigen_afspraken", is_partner_in_team)

# What a refused user reads (core.http.weigering): who may do this.
_TEAM = _("Alleen het opgaveteam brengt de stakeholders van deze opgave in positie.")
for _perm, _reden in {
    "participatie.add_betrokkenheid": _TEAM,
    "participatie.delete_betrokkenheid": _TEAM,
    "participatie.view_betrokkenheid": _(
        "Hoe de gemeente stakeholders inschat en wat zij met hen besprak, is alleen voor "
        "medewerkers van de gemeente."
    ),
    "participatie.view_stakeholder": _(
        "Het stakeholderregister is alleen voor medewerkers van de gemeente."
    ),
    "participatie.add_stakeholder": _(
        "Alleen teamleden, opgaveregisseurs en de beheerder registreren stakeholders."
    ),
    "participatie.change_stakeholder": _(
        "Alleen wie de contactgegevens van deze stakeholder mag zien, wijzigt ze."
    ),
    "participatie.view_contactgegevens": _(
        "De contactgegevens van personen ziet alleen het team van een opgave waarin zij "
        "meedoen (AVG)."
    ),
    "participatie.manage_persoonsgegevens": _(
        "Verzoeken om inzage en verwijdering (AVG) handelt de beheerder af."
    ),
    "participatie.change_participatie": _(
        "Alleen het opgaveteam organiseert de participatie van deze opgave."
    ),
    "participatie.change_thematafel": _(
        "Alleen de gespreksleider en het team van de opgave bewerken deze thematafel."
    ),
    "participatie.add_inbreng": _(
        "Inbreng en actiepunten voegen de gespreksleider, het opgaveteam en de partners daarin toe."
    ),
    "participatie.add_signaal": _("Signalen geven medewerkers van de gemeente door."),
    "participatie.answer_signaal": _("Alleen het team van de opgave beantwoordt dit signaal."),
    "participatie.view_signaal": _("Een signaal lezen de indiener en het team van de opgave."),
    "participatie.view_eigen_afspraken": _(
        "De afspraken met de eigen organisatie ziet een partner in het team van de opgave."
    ),
}.items():
    weigering(_perm, _reden)
