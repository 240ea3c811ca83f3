from glabella.patients.names import search_key, successor


def test_search_key_strips_accents_case_and_punctuation() -> None:
    assert search_key("Zoë O'Brien-Łukasz") == "zoeobrienlukasz"


def test_search_key_maps_letters_without_decomposition() -> None:
    assert search_key("Straße Ærø") == "strasseaero"


def test_successor_increments_the_last_character() -> None:
    assert successor("smi") == "smj"


def test_successor_carries_past_z() -> None:
    assert successor("smz") == "sn"


def test_successor_of_a_digit_nine_is_a() -> None:
    assert successor("a9") == "aa"


def test_successor_of_all_z_has_no_bound() -> None:
    assert successor("zz") is None
