"""A clinic policy may tighten the shipped rules and is rejected when it would loosen one."""

from pathlib import Path

import pytest

from glabella.knowledge import PolicyError, load_knowledge


def policy(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text("clinic: Test Clinic\n" + text)
    return path


def test_a_lower_dose_and_longer_interval_are_accepted(tmp_path: Path) -> None:
    kb = load_knowledge(
        policy(
            tmp_path,
            "products:\n  botox_cosmetic:\n    labels:\n"
            "      glabellar_lines: {total_dose: 16, min_interval_days: 120}\n",
        )
    )
    label = kb.products["botox_cosmetic"].labels["glabellar_lines"]
    assert label.total_dose is not None and label.total_dose.value == 16
    assert label.min_interval_days is not None and label.min_interval_days.value == 120
    assert "Test Clinic" in (label.total_dose.source or "")
    assert kb.version.startswith(load_knowledge().version + ".policy-")


def test_a_higher_dose_is_rejected_naming_the_rule(tmp_path: Path) -> None:
    path = policy(
        tmp_path,
        "products:\n  botox_cosmetic:\n    labels:\n      glabellar_lines: {total_dose: 30}\n",
    )
    with pytest.raises(PolicyError, match=r"glabellar_lines\.total_dose: 30 would loosen"):
        load_knowledge(path)


def test_a_shorter_interval_is_rejected(tmp_path: Path) -> None:
    path = policy(
        tmp_path,
        "products:\n  botox:\n    labels:\n      chronic_migraine: {min_interval_days: 60}\n",
    )
    with pytest.raises(PolicyError, match="min_interval_days: 60 would loosen"):
        load_knowledge(path)


def test_a_larger_cumulative_limit_is_rejected(tmp_path: Path) -> None:
    path = policy(tmp_path, "products:\n  botox:\n    cumulative_amount: 500\n")
    with pytest.raises(PolicyError, match="cumulative_amount: 500 would loosen"):
        load_knowledge(path)


def test_a_stricter_cumulative_limit_applies_to_the_whole_group(tmp_path: Path) -> None:
    kb = load_knowledge(
        policy(tmp_path, "products:\n  botox_cosmetic:\n    cumulative_amount: 300\n")
    )
    limit = kb.group_limit("onabotulinumtoxinA")
    assert limit is not None and limit.amount == 300


def test_raising_a_severity_is_accepted_and_lowering_it_is_rejected(tmp_path: Path) -> None:
    kb = load_knowledge(policy(tmp_path, "severity_floors: {HIGH_RISK_AREA: warn}\n"))
    assert kb.severity_floors == {"HIGH_RISK_AREA": "warn"}
    with pytest.raises(PolicyError, match="BLEEDING_RISK: info would loosen"):
        load_knowledge(policy(tmp_path, "severity_floors: {BLEEDING_RISK: info}\n"))


def test_enforcing_an_advisory_fact_makes_it_blocking(tmp_path: Path) -> None:
    kb = load_knowledge(
        policy(tmp_path, "products:\n  dysport:\n    in_use_hours: {enforce: true}\n")
    )
    fact = kb.products["dysport"].in_use_hours
    assert fact is not None and fact.blocking


def test_adding_a_label_for_an_unlabelled_indication_is_rejected(tmp_path: Path) -> None:
    path = policy(
        tmp_path, "products:\n  jeuveau:\n    labels:\n      chronic_migraine: {total_dose: 100}\n"
    )
    with pytest.raises(PolicyError, match="cannot add one"):
        load_knowledge(path)


def test_a_larger_filler_session_volume_is_rejected(tmp_path: Path) -> None:
    path = policy(tmp_path, "products:\n  juvederm_volux_xc: {session_volume_ml: 12}\n")
    with pytest.raises(PolicyError, match="session_volume_ml: 12 would loosen"):
        load_knowledge(path)


def test_the_shipped_knowledge_is_unchanged_by_a_policy(tmp_path: Path) -> None:
    load_knowledge(policy(tmp_path, "products:\n  botox_cosmetic: {in_use_hours: 4}\n"))
    in_use = load_knowledge().products["botox_cosmetic"].in_use_hours
    assert in_use is not None and in_use.value == 24


def test_the_example_policy_shipped_with_the_package_is_valid() -> None:
    example = Path(__file__).parents[2] / "src/glabella/knowledge/example_policy.yaml"
    assert load_knowledge(example).policy_name == "Example Clinic"
