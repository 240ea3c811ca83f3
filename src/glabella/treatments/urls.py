from django.urls import path

from glabella.treatments.views import charting, plans, signing

app_name = "treatments"

urlpatterns = [
    path("patients/<int:patient_id>/plans/new/", plans.new_plan, name="new_plan"),
    path("patients/<int:patient_id>/sessions/new/", charting.new_session, name="new_session"),
    path(
        "patients/<int:patient_id>/sessions/repeat/", charting.repeat_session, name="repeat_session"
    ),
    path("plans/<int:plan_id>/", plans.plan_page, name="plan"),
    path("plans/<int:plan_id>/summary/", plans.plan_summary, name="plan_summary"),
    path("sessions/<int:session_id>/", charting.session_page, name="session"),
    path("sessions/<int:session_id>/chart/", charting.save, name="save_chart"),
    path("sessions/<int:session_id>/sign/", signing.sign, name="sign"),
    path("sessions/<int:session_id>/addendum/", signing.addendum, name="addendum"),
    path("sessions/<int:session_id>/cosign/", signing.cosign, name="cosign"),
    path("sessions/<int:session_id>/pdf/", signing.pdf, name="pdf"),
    path("cosign/", signing.cosign_queue, name="cosign_queue"),
]
