from django.apps import AppConfig


class RefreshConfig(AppConfig):
    name = "glabella.refresh"
    label = "refresh"
