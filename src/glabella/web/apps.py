from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "glabella.web"
    label = "web"
