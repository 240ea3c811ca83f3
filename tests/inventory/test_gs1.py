from __future__ import annotations

from datetime import date

import pytest

from glabella.errors import InvalidInput
from glabella.inventory.gs1 import read

from .helpers import BOTOX_GTIN, FAR, element_string

TODAY = date(2026, 6, 1)


def test_it_reads_an_element_string_with_gs_separators() -> None:
    reading = read("]d2" + element_string(BOTOX_GTIN, "C1234", serial="S9"), TODAY)
    assert (reading.gtin, reading.lot, reading.serial, reading.expiry) == (
        BOTOX_GTIN,
        "C1234",
        "S9",
        FAR,
    )


def test_it_reads_the_bracketed_human_readable_form() -> None:
    reading = read(f"(01){BOTOX_GTIN}(17)281231(10)AB-1(21)77", TODAY)
    assert (reading.lot, reading.serial, reading.expiry) == ("AB-1", "77", date(2028, 12, 31))


@pytest.mark.parametrize("separator", ["<GS>", "{GS}", "^]", "\u241d"])
def test_it_accepts_typed_separator_placeholders(separator: str) -> None:
    raw = f"01{BOTOX_GTIN}17281231" + f"10LOT7{separator}21SER"
    assert read(raw, TODAY).lot == "LOT7"


def test_it_treats_day_00_as_the_end_of_the_month() -> None:
    assert read(f"01{BOTOX_GTIN}172802001010X", TODAY).expiry == date(2028, 2, 29)


def test_it_merges_the_two_symbols_of_a_device_label() -> None:
    reading = read(f"]d201{BOTOX_GTIN}\n]d21728123110L22\x1d21S1", TODAY)
    assert (reading.gtin, reading.lot, reading.serial) == (BOTOX_GTIN, "L22", "S1")


def refusal(raw: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        read(raw, TODAY)
    return caught.value


def test_it_refuses_a_bad_gtin_check_digit_naming_ai_01() -> None:
    wrong = BOTOX_GTIN[:-1] + str((int(BOTOX_GTIN[-1]) + 1) % 10)
    error = refusal(element_string(wrong, "X"))
    assert error.code == "GS1_CHECK_DIGIT"
    assert "AI (01)" in error.message and "check digit" in error.message


def test_it_refuses_an_impossible_expiry_date_naming_ai_17() -> None:
    error = refusal(f"01{BOTOX_GTIN}17281341" + "10X")
    assert error.code == "GS1_MALFORMED"
    assert "AI (17)" in error.message and "YYMMDD" in error.message


def test_it_refuses_text_that_is_not_gs1() -> None:
    error = refusal("hello world")
    assert error.code == "GS1_MALFORMED"
    assert "Not a GS1 element string" in error.message


def test_it_refuses_a_scan_without_a_lot() -> None:
    error = refusal(f"01{BOTOX_GTIN}17281231")
    assert error.code == "GS1_INCOMPLETE"
    assert "(10) lot number" in error.message


def test_it_refuses_expired_stock() -> None:
    error = refusal(f"01{BOTOX_GTIN}17260501" + "10X")
    assert error.code == "GS1_EXPIRED"
    assert "2026-05-01" in error.message


def test_it_refuses_two_symbols_that_disagree() -> None:
    error = refusal(f"01{BOTOX_GTIN}1728123110A\n1728123110B")
    assert error.code == "GS1_CONFLICT"
    assert "AI (10)" in error.message


def test_it_refuses_an_empty_scan() -> None:
    assert refusal("  \n ").code == "GS1_EMPTY"
