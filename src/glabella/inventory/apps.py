from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "glabella.inventory"
    label = "inventory"
