from django.urls import path

from . import views

app_name = "canvas"

urlpatterns = [
    path("opgaven/<int:opgave_pk>/canvas/", views.canvas_detail, name="canvas-detail"),
    path(
        "opgaven/<int:opgave_pk>/canvas/<str:blok>/nieuw/",
        views.item_create,
        name="canvasitem-create",
    ),
    path("opgaven/<int:opgave_pk>/canvas/effectketen/", views.effectketen, name="effectketen"),
    path("opgaven/<int:opgave_pk>/canvas/begroting/", views.begroting, name="begroting"),
    path("opgaven/<int:opgave_pk>/canvas/indicatoren/", views.indicatoren, name="indicatoren"),
    path(
        "opgaven/<int:opgave_pk>/canvas/realisatieplan/",
        views.realisatieplan,
        name="realisatieplan",
    ),
    path("canvasitems/<int:pk>/planning/", views.planning, name="planning"),
    path("opgaven/<int:opgave_pk>/canvas/a3.pdf", views.canvas_pdf, name="canvas-pdf"),
    path("opgaven/<int:opgave_pk>/canvas/versies/", views.versies, name="versies"),
    path(
        "opgaven/<int:opgave_pk>/canvas/versies/vergelijken/",
        views.versies_vergelijken,
        name="versies-vergelijken",
    ),
    path(
        "opgaven/<int:opgave_pk>/canvas/<str:blok>/volgorde/",
        views.blok_volgorde,
        name="blok-volgorde",
    ),
    path("canvasitems/<int:pk>/", views.item_detail, name="canvasitem-detail"),
    path(
        "canvasitems/<int:pk>/verplaatsen/", views.item_verplaatsen, name="canvasitem-verplaatsen"
    ),
    path("canvasitems/<int:pk>/bewerken/", views.item_edit, name="canvasitem-update"),
    path("canvasitems/<int:pk>/verwijderen/", views.item_delete, name="canvasitem-delete"),
]
