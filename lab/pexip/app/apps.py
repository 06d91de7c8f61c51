from django.apps import AppConfig


class PexipLabConfig(AppConfig):
    name = "lab.pexip.app"
    label = "pexiplab"
    default_auto_field = "django.db.models.AutoField"
