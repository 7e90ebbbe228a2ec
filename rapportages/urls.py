from django.urls import path

from .views import documenten, exports, kalender, moties, rapportages

app_name = "rapportages"

urlpatterns = [
    # rapportages
    path("", rapportages.rapportage_list, name="rapportage-list"),
    path("nieuw/", rapportages.rapportage_create, name="rapportage-create"),
    path("opgaven/<int:opgave_pk>/", rapportages.opgave_rapportages, name="opgave-rapportages"),
    path("<int:pk>/", rapportages.rapportage_detail, name="rapportage-detail"),
    path("<int:pk>/download/", rapportages.rapportage_download, name="rapportage-download"),
    path("<int:pk>/lezen/", rapportages.rapportage_lezen, name="rapportage-lezen"),
    path(
        "<int:pk>/lezen/<slug:anker>/",
        rapportages.rapportage_lezen_deel,
        name="rapportage-lezen-deel",
    ),
    path(
        "<int:pk>/vaststellen/", rapportages.rapportage_vaststellen, name="rapportage-vaststellen"
    ),
    # kalender
    path("kalender/", kalender.kalender, name="kalender"),
    path("kalender/nieuw/", kalender.pcmoment_create, name="pcmoment-create"),
    path("kalender/<int:pk>/", kalender.moment_detail, name="moment-detail"),
    path("kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/", kalender.bijdrage, name="bijdrage"),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/documenten/",
        kalender.bijdrage_documenten,
        name="bijdrage-documenten",
    ),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/documenten/<int:bijlage_pk>/",
        kalender.bijdrage_document,
        name="bijdrage-document-download",
    ),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/documenten/<int:bijlage_pk>/verwijderen/",
        kalender.bijdrage_document_verwijderen,
        name="bijdrage-document-verwijderen",
    ),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/opslaan/",
        kalender.bijdrage_opslaan,
        name="bijdrage-opslaan",
    ),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/ambtelijk-akkoord/",
        kalender.ambtelijk_akkoord,
        name="bijdrage-ambtelijk-akkoord",
    ),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/bestuurlijk-akkoord/",
        kalender.bestuurlijk_akkoord,
        name="bijdrage-bestuurlijk-akkoord",
    ),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/heropenen/",
        kalender.heropenen,
        name="bijdrage-heropenen",
    ),
    # moties en toezeggingen
    path("moties/", moties.motie_list, name="motie-list"),
    path("moties/nieuw/", moties.motie_create, name="motie-create"),
    path("moties/importeren/", moties.moties_import, name="moties-import"),
    path("moties/<int:pk>/", moties.motie_detail, name="motie-detail"),
    path("moties/<int:pk>/bewerken/", moties.motie_update, name="motie-update"),
    path("moties/<int:pk>/stand/", moties.motie_stand, name="motie-stand"),
    path("moties/<int:pk>/documenten/", moties.motie_documenten, name="motie-documenten"),
    path(
        "moties/<int:pk>/documenten/<int:bijlage_pk>/",
        moties.motie_document,
        name="motie-document-download",
    ),
    path(
        "moties/<int:pk>/documenten/<int:bijlage_pk>/verwijderen/",
        moties.motie_document_verwijderen,
        name="motie-document-verwijderen",
    ),
    # exports
    path("exports/nieuw/", exports.export_create, name="export-create"),
    path("exports/<int:pk>/", exports.export_detail, name="export-detail"),
    path("exports/<int:pk>/download/", exports.export_download, name="export-download"),
    # documenten
    path("documenten/canvas/<int:opgave_pk>/", documenten.canvas_document, name="document-canvas"),
    path(
        "documenten/terugkoppeling/<int:thematafel_pk>/",
        documenten.terugkoppeling_document,
        name="document-terugkoppeling",
    ),
    path("documenten/<int:pk>/", documenten.document_detail, name="document-detail"),
    path("documenten/<int:pk>/download/", documenten.document_download, name="document-download"),
]
