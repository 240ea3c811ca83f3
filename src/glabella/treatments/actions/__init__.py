"""Every write to plans and sessions; pages, the API and commands call these.

Each action checks the acting user's role in the session's clinic (PermissionDenied),
validates its input (:class:`glabella.errors.InvalidInput` naming the field), runs in
``transaction.atomic()`` (a savepoint inside the caller's transaction) and writes an audit
event. ``request`` (optional) and ``channel`` ("web", "api", "cli") go to the audit event.

Plans
- ``propose_lines(concerns) -> list[dict]`` — concern ids (``concerns.yaml``) to proposed
  lines {concern, indication, product, products, off_label, template, planned_units,
  planned_volume_ml, summary}; no database.
- ``create_plan(patient, by, concerns, notes="") -> Plan``
- ``save_plan(plan, by, lines=[{indication, product, template, planned_units,
  planned_volume_ml, concern}], notes=None) -> Plan``

Sessions (drafts)
- ``create_session(patient, injector, plan=None) -> Session``
- ``save_chart(session, by, expected_version, lines) -> Session`` — replaces all lines and
  points; ``lines=[{product, indication, template, lot_id, vial_id, diluent_ml,
  points:[{site, units | volume_ml, depth, technique, x, y}]}]``. Raises Conflict
  (code ``stale_version``, "This draft was changed by X at HH:MM; …") when the session's
  version is no longer ``expected_version``, and (code ``signed``) for a signed session;
  nothing is written then. ``session.version`` holds the new version afterwards.
- ``apply_template(session, by, expected_version, template_id, product, variant=None,
  volume_ml=None) -> Session`` — appends one line with the template's points.
- ``repeat_last_session(patient, injector, indication) -> Session`` — a new draft copying
  the last signed session's lines for ``indication`` (lots are not copied).
- ``assess_session(session, at=None) -> dict`` — the engine's assessment (contract JSON)
  against the latest profile and history (prior treatments + signed sessions).
- ``acknowledge(session, by, code, treatment, site, reason) -> Acknowledgement``

Signing and after (``glabella.treatments.flows``)
- ``sign_session(session, by, expected_version=None) -> Session`` — refuses (DomainError
  ``blocked`` / ``unacknowledged``) on any block or unacknowledged warn; then freezes and
  runs ``glabella.treatments.hooks`` in the same transaction.
- ``add_addendum(session, author, reason, text, corrected_points=None) -> Addendum``
- ``cosign(session, physician) -> CoSignature`` — physicians only, not their own session.
"""

from glabella.treatments.actions.charting import (
    apply_template,
    create_session,
    repeat_last_session,
    save_chart,
)
from glabella.treatments.actions.plans import create_plan, propose_lines, save_plan
from glabella.treatments.actions.review import acknowledge, add_addendum, cosign
from glabella.treatments.flows import sign_session
from glabella.treatments.proposal import assess_session

__all__ = [
    "acknowledge",
    "add_addendum",
    "apply_template",
    "assess_session",
    "cosign",
    "create_plan",
    "create_session",
    "propose_lines",
    "repeat_last_session",
    "save_chart",
    "save_plan",
    "sign_session",
]
