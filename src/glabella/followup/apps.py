from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "glabella.followup"
    label = "followup"
