from django.urls import path

from glabella.inventory import views

app_name = "inventory"
urlpatterns = [
    path("", views.stock, name="stock"),
    path("receive/", views.receive, name="receive"),
    path("lots/<int:lot_id>/reconstitute/", views.reconstitute, name="reconstitute"),
    path("lots/<int:lot_id>/adjust/", views.adjust, name="adjust"),
    path("vials/<int:vial_id>/discard/", views.discard, name="discard"),
    path("product-codes/", views.product_codes, name="product_codes"),
    path("product-codes/<int:code_id>/", views.product_code_edit, name="product_code_edit"),
    path(
        "product-codes/<int:code_id>/remove/",
        views.product_code_remove,
        name="product_code_remove",
    ),
    path("recall/", views.recall, name="recall"),
    path("recall.csv", views.recall_csv, name="recall_csv"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/usage.svg", views.usage_plot, name="usage_plot"),
]
