"""LOT_EXPIRED, VIAL_BEYOND_USE."""

from __future__ import annotations

from .builders import assess, found, glabellar, proposal, severities


def with_lot(**lot: str) -> dict:
    treatment = glabellar()
    treatment["lot"] = {"number": "C1234", **lot}
    return treatment


def test_it_blocks_an_expired_lot() -> None:
    result = assess(proposal(with_lot(expiry="2026-11-27")))
    assert severities(result, "LOT_EXPIRED") == {"block"}


def test_it_accepts_a_lot_that_has_not_expired() -> None:
    assert found(assess(proposal(with_lot(expiry="2027-01-31"))), "LOT_EXPIRED") == []


def test_it_accepts_a_proposal_without_a_lot() -> None:
    assert found(assess(proposal(glabellar())), "LOT_EXPIRED") == []


def test_it_blocks_a_vial_reconstituted_beyond_its_in_use_time() -> None:
    lot = with_lot(expiry="2027-01-31", reconstituted_at="2026-11-27T08:00:00")
    assert severities(assess(proposal(lot)), "VIAL_BEYOND_USE") == {"block"}


def test_it_accepts_a_freshly_reconstituted_vial() -> None:
    lot = with_lot(expiry="2027-01-31", reconstituted_at="2026-11-28T08:30:00")
    assert found(assess(proposal(lot)), "VIAL_BEYOND_USE") == []
