from django.urls import path

from . import views

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
    path(
        "betrokkenheden/<int:pk>/verwijderen/",
        views.betrokkenheid_delete,
        name="betrokkenheid-delete",
    ),
]
