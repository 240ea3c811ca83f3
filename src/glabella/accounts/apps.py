from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "glabella.accounts"
    label = "accounts"
