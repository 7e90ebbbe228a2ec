from django.urls import path

from . import views, views_pc

app_name = "rapportages"

urlpatterns = [
    path("", views.rapportage_list, name="rapportage-list"),
    path("nieuw/", views.rapportage_create, name="rapportage-create"),
    path("<int:pk>/", views.rapportage_detail, name="rapportage-detail"),
    path("<int:pk>/download/", views.rapportage_download, name="rapportage-download"),
    path("<int:pk>/publiceren/", views.rapportage_publiceren, name="rapportage-publiceren"),
    path("kalender/", views_pc.kalender, name="kalender"),
    path("kalender/<int:pk>/", views_pc.moment_detail, name="moment-detail"),
    path(
        "kalender/<int:moment_pk>/opgaven/<int:opgave_pk>/",
        views_pc.bijdrage,
        name="bijdrage",
    ),
    path("exports/nieuw/", views.export_create, name="export-create"),
    path("exports/<int:pk>/", views.export_detail, name="export-detail"),
    path("exports/<int:pk>/download/", views.export_download, name="export-download"),
]
