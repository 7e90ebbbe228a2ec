from django.urls import path

from . import views

app_name = "participatie"

urlpatterns = [
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
