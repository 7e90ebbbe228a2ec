from django.urls import path

from .views import (
    beleving,
    bijeenkomsten,
    contact,
    meedoen,
    overzicht,
    partners,
    positie,
    register,
    signalen,
    sprints,
    thematafels,
)

app_name = "participatie"

OPGAVE = "opgaven/<int:opgave_pk>"
BIJEENKOMST = "bijeenkomsten/<int:pk>"

urlpatterns = [
    # partners
    path(
        "beheer/personen/<int:pk>/organisatie/",
        partners.organisatie_koppelen,
        name="partner-organisatie",
    ),
    # register
    path("stakeholders/", register.stakeholder_list, name="stakeholder-list"),
    path("stakeholders/nieuw/", register.stakeholder_create, name="stakeholder-create"),
    path("stakeholders/zoeken/", register.stakeholder_zoeken, name="stakeholder-zoeken"),
    path("stakeholders/gedeeld/", register.gedeelde_stakeholders, name="gedeelde-stakeholders"),
    path("stakeholders/importeren/", register.stakeholder_import, name="stakeholder-import"),
    path(
        "stakeholders/importeren/bevestigen/",
        register.stakeholder_import_bevestigen,
        name="stakeholder-import-bevestigen",
    ),
    path("stakeholders/<int:pk>/", register.stakeholder_detail, name="stakeholder-detail"),
    path("stakeholders/<int:pk>/bewerken/", register.stakeholder_update, name="stakeholder-update"),
    path("stakeholders/<int:pk>/inzage/", register.inzage, name="stakeholder-inzage"),
    path(
        "stakeholders/<int:pk>/anonimiseren/",
        register.anonimiseren,
        name="stakeholder-anonimiseren",
    ),
    # positie
    path(f"{OPGAVE}/stakeholders/", positie.positie, name="positie"),
    path(
        f"{OPGAVE}/betrokkenheden/nieuw/",
        positie.betrokkenheid_create,
        name="betrokkenheid-create",
    ),
    path(
        "betrokkenheden/<int:pk>/beoordelen/",
        positie.beoordelen,
        name="betrokkenheid-beoordelen",
    ),
    path(
        "betrokkenheden/<int:pk>/acties/",
        positie.betrokkenheid_acties,
        name="betrokkenheid-acties",
    ),
    path(
        "betrokkenheden/<int:pk>/verwijderen/",
        positie.betrokkenheid_delete,
        name="betrokkenheid-delete",
    ),
    # contact
    path(f"{OPGAVE}/contact/", contact.contact, name="contact"),
    path(f"{OPGAVE}/contact/nieuw/", contact.contactmoment_create, name="contactmoment-create"),
    path(
        f"{OPGAVE}/vervolgacties/<int:pk>/afgerond/",
        contact.vervolgactie_afronden,
        name="vervolgactie-afronden",
    ),
    path(f"{OPGAVE}/afspraken/nieuw/", contact.afspraak_create, name="afspraak-create"),
    path(f"{OPGAVE}/afspraken/<int:pk>/status/", contact.afspraak_status, name="afspraak-status"),
    # thematafels
    path(f"{OPGAVE}/thematafels/nieuw/", thematafels.thematafel_create, name="thematafel-create"),
    path("thematafels/<int:pk>/", thematafels.thematafel_detail, name="thematafel-detail"),
    path(
        "thematafels/<int:pk>/bewerken/",
        thematafels.thematafel_update,
        name="thematafel-update",
    ),
    path("thematafels/<int:pk>/agenda.ics", thematafels.thematafel_ics, name="thematafel-ics"),
    path(
        "thematafels/<int:thematafel_pk>/bijeenkomsten/nieuw/",
        thematafels.bijeenkomst_create,
        name="bijeenkomst-create",
    ),
    path(f"{BIJEENKOMST}/bewerken/", thematafels.bijeenkomst_update, name="bijeenkomst-update"),
    path(f"{BIJEENKOMST}/agenda.ics", thematafels.bijeenkomst_ics, name="bijeenkomst-ics"),
    # bijeenkomsten
    path(f"{BIJEENKOMST}/", bijeenkomsten.bijeenkomst_detail, name="bijeenkomst-detail"),
    path(f"{BIJEENKOMST}/documenten/", bijeenkomsten.documenten, name="bijeenkomst-documenten"),
    path(
        f"{BIJEENKOMST}/documenten/<int:bijlage_pk>/",
        bijeenkomsten.document_download,
        name="bijeenkomst-document-download",
    ),
    path(
        f"{BIJEENKOMST}/documenten/<int:bijlage_pk>/verwijderen/",
        bijeenkomsten.document_verwijderen,
        name="bijeenkomst-document-verwijderen",
    ),
    path(
        f"{BIJEENKOMST}/aanwezigheid/",
        bijeenkomsten.aanwezigheid,
        name="bijeenkomst-aanwezigheid",
    ),
    path(f"{BIJEENKOMST}/verslag/", bijeenkomsten.verslag, name="bijeenkomst-verslag"),
    path(f"{BIJEENKOMST}/inbreng/", bijeenkomsten.inbreng_create, name="inbreng-create"),
    path(
        f"{BIJEENKOMST}/inbreng/<int:inbreng_pk>/",
        bijeenkomsten.inbreng_verwerken,
        name="inbreng-verwerken",
    ),
    path(
        f"{BIJEENKOMST}/inbreng/<int:inbreng_pk>/stemmen/",
        bijeenkomsten.inbreng_stemmen,
        name="inbreng-stemmen",
    ),
    path(
        f"{BIJEENKOMST}/inbreng/<int:inbreng_pk>/terugkoppeling/",
        bijeenkomsten.inbreng_terugkoppeling,
        name="inbreng-terugkoppeling",
    ),
    path(
        f"{BIJEENKOMST}/inbreng/<int:inbreng_pk>/overnemen/",
        bijeenkomsten.inbreng_overnemen,
        name="inbreng-overnemen",
    ),
    path(
        f"{BIJEENKOMST}/inbreng/<int:inbreng_pk>/verwijderen/",
        bijeenkomsten.inbreng_delete,
        name="inbreng-delete",
    ),
    path(f"{BIJEENKOMST}/actiepunten/", bijeenkomsten.actiepunt_create, name="actiepunt-create"),
    path(
        f"{BIJEENKOMST}/actiepunten/eigenaar-zoeken/",
        bijeenkomsten.eigenaar_zoeken,
        name="actiepunt-eigenaar-zoeken",
    ),
    path(
        f"{BIJEENKOMST}/actiepunten/<int:actiepunt_pk>/status/",
        bijeenkomsten.actiepunt_status,
        name="actiepunt-status",
    ),
    path(
        f"{BIJEENKOMST}/actiepunten/<int:actiepunt_pk>/verwijderen/",
        bijeenkomsten.actiepunt_delete,
        name="actiepunt-delete",
    ),
    # sprints
    path(f"{OPGAVE}/sprints/nieuw/", sprints.sprint_create, name="sprint-create"),
    path("sprints/<int:pk>/", sprints.sprint_detail, name="sprint-detail"),
    path("sprints/<int:pk>/bewerken/", sprints.sprint_update, name="sprint-update"),
    # beleving
    path(f"{OPGAVE}/personas/nieuw/", beleving.persona_create, name="persona-create"),
    path("personas/<int:pk>/", beleving.persona_detail, name="persona-detail"),
    path("personas/<int:pk>/bewerken/", beleving.persona_update, name="persona-update"),
    path("personas/<int:pk>/stappen/", beleving.reisstap_create, name="reisstap-create"),
    path(
        "personas/<int:pk>/stappen/<int:stap_pk>/verwijderen/",
        beleving.reisstap_delete,
        name="reisstap-delete",
    ),
    # signalen
    path("signalen/", signalen.signaal_list, name="signaal-list"),
    path("signalen/nieuw/", signalen.signaal_create, name="signaal-create"),
    path("signalen/<int:pk>/", signalen.signaal_detail, name="signaal-detail"),
    path("signalen/<int:pk>/antwoord/", signalen.signaal_beantwoorden, name="signaal-beantwoorden"),
    path("signalen/<int:pk>/doorsturen/", signalen.signaal_doorsturen, name="signaal-doorsturen"),
    # overzicht
    path("participatie/", overzicht.overzicht, name="overzicht"),
    path(f"{OPGAVE}/participatie/", overzicht.opgave_participatie, name="opgave-participatie"),
    path(f"{OPGAVE}/meedoen/", meedoen.publicatie_bewerken, name="publicatie"),
    # the public site for residents: no account
    path("meedoen/", meedoen.index, name="meedoen"),
    path("meedoen/<slug:slug>/", meedoen.opgave, name="meedoen-opgave"),
    path(
        "meedoen/<slug:slug>/bijeenkomsten/<int:pk>/aanmelden/",
        meedoen.aanmelden,
        name="meedoen-aanmelden",
    ),
    path("meedoen/<slug:slug>/verstuurd/", meedoen.verstuurd, name="meedoen-verstuurd"),
    path("meedoen/aanmelding/<str:bewijs>/", meedoen.aanmelding, name="meedoen-aanmelding"),
    path(
        "meedoen/<slug:slug>/bijeenkomsten/<int:pk>.ics",
        meedoen.bijeenkomst_ics,
        name="meedoen-bijeenkomst-ics",
    ),
]
