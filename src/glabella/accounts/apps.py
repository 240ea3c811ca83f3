from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "glabella.accounts"
    label = "accounts"

    def ready(self) -> None:
        from glabella.accounts import signals

        signals.connect()
