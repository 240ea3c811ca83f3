from django.urls import path

from glabella.followup import views

app_name = "followup"

urlpatterns = [
    path("appointments/", views.appointment_list, name="list"),
    path("appointments/new/", views.book, name="book"),
    path("appointments/patients/", views.patient_search, name="patient_search"),
    path("appointments/<int:appointment_id>/", views.detail, name="detail"),
    path("appointments/<int:appointment_id>/cancel/", views.cancel, name="cancel"),
    path("appointments/<int:appointment_id>/confirm/", views.confirm, name="confirm"),
    path("appointments/<int:appointment_id>/ics/", views.appointment_ics, name="ics"),
    path("calendar/", views.my_feed, name="my_feed"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("outbox/", views.outbox_page, name="outbox"),
    path("settings/", views.clinic_settings, name="settings"),
    path("outbox/<int:message_id>/retry/", views.retry, name="retry"),
    path("sessions/<int:session_id>/aftercare/", views.aftercare, name="aftercare"),
]
