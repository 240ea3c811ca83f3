from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class RefreshConfig(AppConfig):
    name = "glabella.refresh"
    label = "refresh"

    def ready(self) -> None:
        from glabella.patients.models import PriorTreatment
        from glabella.refresh.actions import on_session_signed
        from glabella.refresh.signals import prior_treatment_changed
        from glabella.treatments.hooks import register_on_signed

        # A signed session is a new treatment: recompute that patient's forecasts inside
        # the signing transaction, so a forecast never lags behind the chart.
        register_on_signed(on_session_signed)
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                prior_treatment_changed, sender=PriorTreatment, dispatch_uid=f"refresh.prior_{name}"
            )
