from django.urls import path

from .views import (
    begroting,
    effectketen,
    indicatoren,
    items,
    live,
    ordenen,
    realisatieplan,
    versies,
)

app_name = "canvas"

CANVAS = "opgaven/<int:opgave_pk>/canvas"

urlpatterns = [
    # items
    path(f"{CANVAS}/", items.canvas_detail, name="canvas-detail"),
    path(f"{CANVAS}/workshop/", items.workshop, name="workshop"),
    # live: the event stream (config/asgi.py serves it under ASGI) and who edits which block
    path("live/canvas/<int:opgave_pk>/", live.stroom, name="live"),
    path(f"{CANVAS}/aanwezig/", live.bewerkt, name="live-bewerkt"),
    path("canvasitems/<int:pk>/", items.item_detail, name="canvasitem-detail"),
    path("canvasitems/<int:pk>/bewerken/", items.item_edit, name="canvasitem-update"),
    path(
        "canvasitems/<int:pk>/verplaatsen/", ordenen.item_verplaatsen, name="canvasitem-verplaatsen"
    ),
    path("canvasitems/<int:pk>/naar-blok/", ordenen.item_naar_blok, name="canvasitem-naar-blok"),
    path("canvasitems/<int:pk>/verwijderen/", items.item_delete, name="canvasitem-delete"),
    path(
        "opgaven/<int:opgave_pk>/canvas/terugzetten/<int:pk>/",
        items.item_terugzetten,
        name="canvasitem-terugzetten",
    ),
    path(
        "canvasitems/<int:pk>/eigenschappen/",
        items.eigenschappen,
        name="canvasitem-eigenschappen",
    ),
    path("canvasitems/<int:pk>/reacties/", items.reactie_create, name="reactie-create"),
    path(
        "canvasitems/<int:pk>/reacties/<int:reactie_pk>/verwijderen/",
        items.reactie_delete,
        name="reactie-delete",
    ),
    # versies
    path(f"{CANVAS}/versies/", versies.versies, name="versies"),
    path(f"{CANVAS}/versies/nieuw/", versies.versie_create, name="versie-create"),
    path(f"{CANVAS}/versies/vergelijken/", versies.versies_vergelijken, name="versies-vergelijken"),
    # effectketen
    path(f"{CANVAS}/effectketen/", effectketen.effectketen, name="effectketen"),
    path(f"{CANVAS}/effectketen/schakels/", effectketen.schakel_create, name="schakel-create"),
    path(
        f"{CANVAS}/effectketen/schakels/<int:pk>/verwijderen/",
        effectketen.schakel_delete,
        name="schakel-delete",
    ),
    path(f"{CANVAS}/effectketen/soort/<int:pk>/", effectketen.item_soort, name="canvasitem-soort"),
    # indicatoren
    path(f"{CANVAS}/indicatoren/", indicatoren.indicatoren, name="indicatoren"),
    path(f"{CANVAS}/indicatoren/nieuw/", indicatoren.indicator_create, name="indicator-create"),
    path(f"{CANVAS}/indicatoren/metingen/", indicatoren.meting_create, name="meting-create"),
    path(f"{CANVAS}/indicatoren/importeren/", indicatoren.metingen_import, name="metingen-import"),
    path(
        f"{CANVAS}/indicatoren/metingen/<int:pk>/verwijderen/",
        indicatoren.meting_delete,
        name="meting-delete",
    ),
    path(
        f"{CANVAS}/indicatoren/<int:pk>/verwijderen/",
        indicatoren.indicator_delete,
        name="indicator-delete",
    ),
    # realisatieplan
    path(f"{CANVAS}/realisatieplan/", realisatieplan.realisatieplan, name="realisatieplan"),
    path("canvasitems/<int:pk>/planning/", realisatieplan.planning, name="planning"),
    path(
        "canvasitems/<int:pk>/planning/opslaan/",
        realisatieplan.uitvoering_opslaan,
        name="uitvoering-opslaan",
    ),
    path("canvasitems/<int:pk>/mijlpalen/", realisatieplan.mijlpaal_create, name="mijlpaal-create"),
    path(
        "canvasitems/<int:pk>/mijlpalen/<int:mijlpaal_pk>/behaald/",
        realisatieplan.mijlpaal_behaald,
        name="mijlpaal-behaald",
    ),
    path(
        "canvasitems/<int:pk>/mijlpalen/<int:mijlpaal_pk>/verwijderen/",
        realisatieplan.mijlpaal_delete,
        name="mijlpaal-delete",
    ),
    # begroting
    path(f"{CANVAS}/begroting/", begroting.begroting, name="begroting"),
    path(f"{CANVAS}/begroting/financiers/", begroting.financier_create, name="financier-create"),
    path(f"{CANVAS}/begroting/regels/", begroting.regel_opslaan, name="begrotingsregel-opslaan"),
    path(
        f"{CANVAS}/begroting/regels/<int:pk>/verwijderen/",
        begroting.regel_delete,
        name="begrotingsregel-delete",
    ),
    # a block's items (last: "<blok>" would also match "versies" or "indicatoren")
    path(f"{CANVAS}/<str:blok>/nieuw/", items.item_create, name="canvasitem-create"),
    path(f"{CANVAS}/<str:blok>/volgorde/", ordenen.blok_volgorde, name="blok-volgorde"),
    path(f"{CANVAS}/<str:blok>/", items.blok_detail, name="canvas-blok"),
]
