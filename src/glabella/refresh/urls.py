from django.urls import path

from glabella.refresh import views

app_name = "refresh"

urlpatterns = [
    path("due/", views.due, name="due"),
    path("r/wore-off/<str:token>/", views.wore_off, name="wore_off"),
    path(
        "refresh/patients/<int:patient_id>/wear-off/",
        views.clinician_wear_off,
        name="clinician_wear_off",
    ),
]
