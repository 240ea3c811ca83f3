from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "glabella.followup"
    label = "followup"

    def ready(self) -> None:
        # Signing a session enqueues its aftercare and proposes a review (transactional outbox).
        from glabella.followup.hooks import on_session_signed
        from glabella.treatments.hooks import register_on_signed

        register_on_signed(on_session_signed)
