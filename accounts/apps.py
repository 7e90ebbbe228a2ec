from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from core import werklijst

        from . import blokkade  # noqa: F401  (connects the lockout to the login signals)
        from .werklijst import geblokkeerd, uitnodigingen

        werklijst.registreer("accounts-geblokkeerd", geblokkeerd)
        werklijst.registreer("accounts-uitnodigingen", uitnodigingen)
