from django.template import Context, Template


def render(text: str) -> str:
    return Template("{% load knowledge_names %}" + text).render(Context())


def test_a_product_id_shows_as_its_name() -> None:
    assert render("{{ 'botox_cosmetic'|product_name }}") == "BOTOX Cosmetic"


def test_an_indication_id_shows_as_its_name() -> None:
    assert render("{{ 'lateral_canthal_lines'|indication_name }}") == (
        "Lateral canthal lines (crow&#x27;s feet)"
    )


def test_an_unknown_id_shows_as_it_is() -> None:
    assert render("{{ 'retired_product'|product_name }}") == "retired_product"
