"""Factory registry for the cross-clinic denial test (tests/tenancy/test_cross_clinic_denial.py).

That test walks every URL of the site and of the JSON API. For each route with a path
argument it builds the object in clinic B with the factory registered here under the
argument's *name*, puts ``obj.pk`` in the URL, and checks that every user of clinic A
gets 404 (or 403 from a role check, or 405 for a method the route lacks).

ADDING A ROUTE WITH A NEW PATH ARGUMENT? Register it here, or the test fails:
- ``FACTORIES["patient_id"] = make_patient`` — a function taking the clinic and
  returning a saved model instance that belongs to that clinic. Use the same argument
  name in every route that identifies the same kind of object.
- ``GLOBAL_KWARGS["product_slug"] = "botox"`` — for arguments naming clinic-independent
  things (knowledge-base slugs, scale codes): a value that exists, so the URL resolves.
- ``CONTROL_EXEMPT`` — route patterns whose GET legitimately answers 404 even to the
  owning clinic (the test checks clinic B's own users do not get 404, so a wrong URL
  cannot make the denial pass by accident).
- ``NOT_PATIENT_DATA`` — argument names of objects that are not patient data. A GET that
  shows an object (200) to its own clinic must write a ``read`` audit event, unless
  every argument of its route is listed here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model

from glabella.accounts.models import Clinic
from glabella.audit.models import AuditEvent

Factory = Callable[[Clinic], Model]


def make_audit_event(clinic: Clinic) -> Model:
    return AuditEvent.objects.create(clinic=clinic, action="read", object_type="test.thing")


def make_patient(clinic: Clinic) -> Model:
    from glabella.patients.actions import register_patient

    return register_patient(
        clinic, family_name="Tenant", given_name="Other", birth_date="1980-01-01", sex="female"
    )


def make_treatment_session(clinic: Clinic) -> Model:
    """A signed session with one point, so its chart, assessment and PDF all answer."""
    from treatments.builders import signed_session_in

    return signed_session_in(clinic)


def make_treatment_plan(clinic: Clinic) -> Model:
    from treatments.builders import plan_in

    return plan_in(clinic)


def make_appointment(clinic: Clinic) -> Model:
    from followup.builders import appointment_in

    return appointment_in(clinic)


def make_outbox_message(clinic: Clinic) -> Model:
    from followup.builders import message_in

    return message_in(clinic)


def make_lot(clinic: Clinic) -> Model:
    from inventory.helpers import receive_botox

    return receive_botox(clinic, None, lot="TENANT")


def make_vial(clinic: Clinic) -> Model:
    from inventory.helpers import open_vial, receive_botox

    return open_vial(clinic, None, receive_botox(clinic, None, lot="TENANT"))


def make_product_code(clinic: Clinic) -> Model:
    from glabella.inventory.actions import map_gtin
    from inventory.helpers import BOTOX_GTIN

    return map_gtin(clinic, None, BOTOX_GTIN, "botox_cosmetic")


FACTORIES: dict[str, Factory] = {
    "event_id": make_audit_event,
    "patient_id": make_patient,
    "session_id": make_treatment_session,
    "plan_id": make_treatment_plan,
    "appointment_id": make_appointment,
    "message_id": make_outbox_message,
    "lot_id": make_lot,
    "vial_id": make_vial,
    "code_id": make_product_code,
}

GLOBAL_KWARGS: dict[str, str] = {}
# The patient's wear-off link is public and guarded by its signature, not by the clinic:
# an unsigned value must answer 404 to everyone (tests/refresh/test_wear_off_link.py).
GLOBAL_KWARGS["token"] = "not-a-signed-token"

CONTROL_EXEMPT: set[str] = set()
CONTROL_EXEMPT.add("r/wore-off/<str:token>/")
# A clinician's calendar feed is reached by its secret token alone (no session, no clinic):
# an unknown token answers 404 to everyone, its owners included.
CONTROL_EXEMPT.add("followup/feed/<str:token>.ics")

NOT_PATIENT_DATA: set[str] = {"event_id"}
NOT_PATIENT_DATA |= {"lot_id", "vial_id"}
# A clinic's GTIN → product mapping is stock configuration, not patient data.
NOT_PATIENT_DATA |= {"code_id"}
