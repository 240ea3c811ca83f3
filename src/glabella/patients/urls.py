from django.urls import path

from glabella.patients import views

app_name = "patients"

urlpatterns = [
    path("", views.patient_list, name="list"),
    path("new/", views.register, name="register"),
    path("<int:patient_id>/", views.detail, name="detail"),
    path("<int:patient_id>/edit/", views.edit, name="edit"),
    path("<int:patient_id>/profiles/new/", views.new_profile, name="new_profile"),
    path(
        "<int:patient_id>/prior-treatments/new/",
        views.new_prior_treatment,
        name="new_prior_treatment",
    ),
]
