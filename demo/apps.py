from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for the whole application: imports every app, imported by none."""

    name = "demo"
    verbose_name = "Demodata"
