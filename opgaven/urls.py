from django.urls import path

from . import views

app_name = "opgaven"

urlpatterns = [
    path("", views.opgave_list, name="opgave-list"),
    path("agenda/verplaatsen/", views.agenda_verplaatsen, name="agenda-verplaatsen"),
    path("nieuw/", views.opgave_create, name="opgave-create"),
    path("<int:pk>/", views.opgave_detail, name="opgave-detail"),
    path("<int:pk>/bewerken/", views.opgave_update, name="opgave-update"),
    path("<int:pk>/fase/", views.fase_wijzigen, name="opgave-fase"),
    path("<int:pk>/voortgang/", views.voortgang_melden, name="opgave-voortgang"),
    path("<int:pk>/team/", views.team_bewerken, name="opgave-team"),
    path("<int:pk>/samenhang/", views.relatie_create, name="relatie-create"),
    path(
        "<int:pk>/samenhang/<int:relatie_pk>/verwijderen/",
        views.relatie_delete,
        name="relatie-delete",
    ),
    path("samenhang/", views.samenhang, name="samenhang"),
    path("wie-werkt-waaraan/", views.wie_werkt_waaraan, name="wie-werkt-waaraan"),
    path("beheer/referentielijsten/", views.referentielijsten, name="referentielijsten"),
]
