"""Show knowledge-base ids by their names: "BOTOX Cosmetic", not ``botox_cosmetic``.

Records store the stable ids; pages show what a clinician reads. An id the knowledge
base no longer holds is shown as it is, so an old record never breaks a page.
"""

from __future__ import annotations

from django import template

from glabella.knowledge import load_knowledge

register = template.Library()


@register.filter
def product_name(product_id: str) -> str:
    product = load_knowledge().products.get(product_id)
    return product.name if product is not None else product_id


@register.filter
def indication_name(indication_id: str) -> str:
    indication = load_knowledge().indications.get(indication_id)
    return indication.name if indication is not None else indication_id
