from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "glabella.inventory"
    label = "inventory"

    def ready(self) -> None:
        # Signing a session deducts its charted stock in the same transaction.
        from glabella.inventory.deduction import deduct_session
        from glabella.treatments.hooks import register_on_signed

        register_on_signed(deduct_session)
