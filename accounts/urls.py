from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import oidc
from .forms import (
    LoginForm,
    WachtwoordInstellenForm,
    WachtwoordVergetenForm,
    WachtwoordWijzigenForm,
)
from .views import agenda, beveiliging, koppelingen, meldingen
from .views import gebruikers as views

app_name = "accounts"

WACHTWOORD = "accounts/wachtwoord"

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("uitloggen/", oidc.Uitloggen.as_view(), name="logout"),
    # Through the organisation's identity provider (OpenID Connect)
    path("oidc/inloggen/", oidc.Inloggen.as_view(), name="oidc-inloggen"),
    path("oidc/terug/", oidc.Terug.as_view(), name="oidc-terug"),
    # Password self-service (Django's views, our templates and Dutch mails).
    path(
        "wachtwoord/wijzigen/",
        views.WachtwoordWijzigen.as_view(
            template_name=f"{WACHTWOORD}/wijzigen.html",
            form_class=WachtwoordWijzigenForm,
            success_url=reverse_lazy("accounts:wachtwoord-gewijzigd"),
        ),
        name="wachtwoord-wijzigen",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(template_name=f"{WACHTWOORD}/gewijzigd.html"),
        name="wachtwoord-gewijzigd",
    ),
    path(
        "wachtwoord/vergeten/",
        views.WachtwoordVergeten.as_view(
            template_name=f"{WACHTWOORD}/vergeten.html",
            form_class=WachtwoordVergetenForm,
            email_template_name="accounts/mail/wachtwoord_vergeten.txt",
            subject_template_name="accounts/mail/wachtwoord_vergeten_onderwerp.txt",
            success_url=reverse_lazy("accounts:wachtwoord-verstuurd"),
        ),
        name="wachtwoord-vergeten",
    ),
    path(
        "wachtwoord/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name=f"{WACHTWOORD}/verstuurd.html"),
        name="wachtwoord-verstuurd",
    ),
    path(
        "wachtwoord/instellen/<uidb64>/<token>/",
        views.WachtwoordInstellen.as_view(
            template_name=f"{WACHTWOORD}/instellen.html",
            form_class=WachtwoordInstellenForm,
            success_url=reverse_lazy("accounts:wachtwoord-ingesteld"),
        ),
        name="wachtwoord-instellen",
    ),
    path(
        "wachtwoord/ingesteld/",
        auth_views.PasswordResetCompleteView.as_view(template_name=f"{WACHTWOORD}/ingesteld.html"),
        name="wachtwoord-ingesteld",
    ),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie-verlengen"),
    # Meldingen: my own list and how each kind reaches me
    path("meldingen/", meldingen.melding_list, name="meldingen"),
    path("meldingen/<int:pk>/", meldingen.melding_open, name="melding-open"),
    path("meldingen/gelezen/", meldingen.meldingen_gelezen, name="meldingen-gelezen"),
    path("meldingen/voorkeuren/", meldingen.meldingvoorkeuren, name="meldingvoorkeuren"),
    # My calendar feed behind a secret link
    path("agenda/", agenda.agendafeed, name="agendafeed"),
    path("agenda/intrekken/", agenda.agendafeed_intrekken, name="agendafeed-intrekken"),
    path("agenda/<str:geheim>.ics", agenda.agendafeed_ics, name="agendafeed-ics"),
    path("tweede-stap/", views.tweede_stap, name="tweede-stap"),
    path("tweede-stap/instellen/", views.tweede_stap_instellen, name="tweede-stap-instellen"),
    # Beheer > Gebruikers
    path("gebruikers/", views.gebruiker_list, name="gebruiker-list"),
    # Beheer > Beveiligingslog
    path("beveiligingslog/", beveiliging.beveiligingslog, name="beveiligingslog"),
    # Beheer > Koppelingen (the API's integrations)
    path("koppelingen/", koppelingen.koppeling_list, name="koppeling-list"),
    path(
        "koppelingen/<int:pk>/intrekken/",
        koppelingen.koppeling_intrekken,
        name="koppeling-intrekken",
    ),
    path("gebruikers/uitnodigen/", views.gebruiker_uitnodigen, name="gebruiker-uitnodigen"),
    path("gebruikers/<int:pk>/", views.gebruiker_detail, name="gebruiker-detail"),
    path("gebruikers/<int:pk>/rol/", views.gebruiker_rol, name="gebruiker-rol"),
    path("gebruikers/<int:pk>/actief/", views.gebruiker_actief, name="gebruiker-actief"),
    path(
        "gebruikers/<int:pk>/tweede-stap-resetten/",
        views.gebruiker_tweede_stap_resetten,
        name="gebruiker-tweede-stap-resetten",
    ),
    path(
        "gebruikers/<int:pk>/ontgrendelen/",
        views.gebruiker_ontgrendelen,
        name="gebruiker-ontgrendelen",
    ),
    path(
        "gebruikers/<int:pk>/uitnodiging/",
        views.gebruiker_uitnodiging,
        name="gebruiker-uitnodiging",
    ),
]
