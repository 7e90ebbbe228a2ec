from django.urls import path

from . import views

app_name = "opgaven"

urlpatterns = [
    path("", views.opgave_list, name="opgave-list"),
    path("nieuw/", views.opgave_create, name="opgave-create"),
    path("<int:pk>/", views.opgave_detail, name="opgave-detail"),
    path("<int:pk>/bewerken/", views.opgave_update, name="opgave-update"),
]
