from django.urls import path

from .views import agenda, beheer, bijlagen, gebieden, hub, overzichten, teams

app_name = "opgaven"

urlpatterns = [
    # agenda
    path("", agenda.opgave_list, name="opgave-list"),
    path("agenda/verplaatsen/", agenda.agenda_verplaatsen, name="agenda-verplaatsen"),
    path("nieuw/", agenda.opgave_create, name="opgave-create"),
    path("zoeken/", agenda.opgave_zoeken, name="opgave-zoeken"),
    path("personen/zoeken/", agenda.persoon_zoeken, name="persoon-zoeken"),
    # hub
    path("<int:pk>/", hub.opgave_detail, name="opgave-detail"),
    path("<int:pk>/bewerken/", hub.opgave_update, name="opgave-update"),
    path("<int:pk>/kop/", hub.opgave_kop, name="opgave-kop"),
    path("<int:pk>/geschiedenis/", hub.opgave_geschiedenis, name="opgave-geschiedenis"),
    path("<int:pk>/fase/", hub.fase_wijzigen, name="opgave-fase"),
    path("<int:pk>/voortgang/", hub.voortgang_melden, name="opgave-voortgang"),
    path("<int:pk>/prioriteit/", hub.prioriteit, name="opgave-prioriteit"),
    path("<int:pk>/team/", hub.team, name="opgave-team"),
    path("<int:pk>/documenten/", bijlagen.documenten, name="opgave-documenten"),
    path(
        "<int:pk>/documenten/<int:bijlage_pk>/download/",
        bijlagen.document_download,
        name="opgave-document-download",
    ),
    path(
        "<int:pk>/documenten/<int:bijlage_pk>/verwijderen/",
        bijlagen.document_verwijderen,
        name="opgave-document-verwijderen",
    ),
    path("<int:pk>/team/<int:lid_pk>/rol/", hub.teamlid_rol, name="teamlid-rol"),
    path("<int:pk>/team/<int:lid_pk>/verwijderen/", hub.teamlid_delete, name="teamlid-delete"),
    path("<int:pk>/samenhang/", hub.relatie_create, name="relatie-create"),
    path(
        "<int:pk>/samenhang/<int:relatie_pk>/verwijderen/",
        hub.relatie_delete,
        name="relatie-delete",
    ),
    # overzichten
    path("samenhang/", overzichten.samenhang, name="samenhang"),
    path("wie-werkt-waaraan/", overzichten.wie_werkt_waaraan, name="wie-werkt-waaraan"),
    path("gebieden/<int:pk>/", gebieden.gebied_detail, name="gebied-detail"),
    # beheer
    path("beheer/referentielijsten/", beheer.referentielijsten, name="referentielijsten"),
    path("beheer/domeinen/", beheer.domein_create, name="domein-create"),
    path("beheer/domeinen/<int:pk>/actief/", beheer.domein_actief, name="domein-actief"),
    path("beheer/gebieden/", beheer.gebied_create, name="gebied-create"),
    # a person's teams, from their page in Beheer > Gebruikers
    path("beheer/personen/<int:pk>/teams/", teams.persoon_team_create, name="persoon-team-create"),
    path(
        "beheer/personen/<int:pk>/teams/<int:lid_pk>/verwijderen/",
        teams.persoon_team_delete,
        name="persoon-team-delete",
    ),
]
