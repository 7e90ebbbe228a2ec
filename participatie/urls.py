from django.urls import path

from . import views
from . import views_participatie as p

app_name = "participatie"

urlpatterns = [
    path("stakeholders/importeren/", views.stakeholder_import, name="stakeholder-import"),
    path("stakeholders/<int:pk>/inzage/", views.inzage, name="stakeholder-inzage"),
    path(
        "stakeholders/<int:pk>/anonimiseren/", views.anonimiseren, name="stakeholder-anonimiseren"
    ),
    path("opgaven/<int:opgave_pk>/contact/", views.contact, name="contact"),
    path("opgaven/<int:opgave_pk>/stakeholders/", views.positie, name="positie"),
    path("betrokkenheden/<int:pk>/beoordelen/", views.beoordelen, name="betrokkenheid-beoordelen"),
    path("stakeholders/", views.stakeholder_list, name="stakeholder-list"),
    path("stakeholders/nieuw/", views.stakeholder_create, name="stakeholder-create"),
    path("stakeholders/<int:pk>/", views.stakeholder_detail, name="stakeholder-detail"),
    path("stakeholders/<int:pk>/bewerken/", views.stakeholder_update, name="stakeholder-update"),
    path("stakeholders/gedeeld/", views.gedeelde_stakeholders, name="gedeelde-stakeholders"),
    path(
        "opgaven/<int:opgave_pk>/betrokkenheden/nieuw/",
        views.betrokkenheid_create,
        name="betrokkenheid-create",
    ),
    path("participatie/", p.overzicht, name="overzicht"),
    path(
        "opgaven/<int:opgave_pk>/participatie/",
        p.opgave_participatie,
        name="opgave-participatie",
    ),
    path(
        "opgaven/<int:opgave_pk>/thematafels/nieuw/",
        p.thematafel_create,
        name="thematafel-create",
    ),
    path("thematafels/<int:pk>/", p.thematafel_detail, name="thematafel-detail"),
    path("thematafels/<int:pk>/bewerken/", p.thematafel_update, name="thematafel-update"),
    path("thematafels/<int:pk>/agenda.ics", p.thematafel_ics, name="thematafel-ics"),
    path(
        "thematafels/<int:pk>/terugkoppeling.pdf",
        p.terugkoppeling_pdf,
        name="thematafel-terugkoppeling",
    ),
    path(
        "thematafels/<int:thematafel_pk>/bijeenkomsten/nieuw/",
        p.bijeenkomst_create,
        name="bijeenkomst-create",
    ),
    path("bijeenkomsten/<int:pk>/", p.bijeenkomst_detail, name="bijeenkomst-detail"),
    path("bijeenkomsten/<int:pk>/bewerken/", p.bijeenkomst_update, name="bijeenkomst-update"),
    path("bijeenkomsten/<int:pk>/agenda.ics", p.bijeenkomst_ics, name="bijeenkomst-ics"),
    path("opgaven/<int:opgave_pk>/sprints/nieuw/", p.sprint_create, name="sprint-create"),
    path("sprints/<int:pk>/", p.sprint_detail, name="sprint-detail"),
    path("opgaven/<int:opgave_pk>/personas/nieuw/", p.persona_create, name="persona-create"),
    path("personas/<int:pk>/", p.persona_detail, name="persona-detail"),
    path("signalen/", p.signaal_list, name="signaal-list"),
    path("signalen/nieuw/", p.signaal_create, name="signaal-create"),
    path("signalen/<int:pk>/", p.signaal_detail, name="signaal-detail"),
    path(
        "betrokkenheden/<int:pk>/verwijderen/",
        views.betrokkenheid_delete,
        name="betrokkenheid-delete",
    ),
]
