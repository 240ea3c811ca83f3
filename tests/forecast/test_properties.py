"""Properties: more observations at a value pull toward it; the range never inverts."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from glabella.forecast import Observation, Prior, estimate, forecast

days = st.integers(min_value=1, max_value=2000)
kinds = st.sampled_from(["reported", "interval"])
seen_lists = st.lists(st.builds(Observation, days, kinds), max_size=12)


@st.composite
def priors(draw: st.DrawFn) -> Prior | None:
    if draw(st.booleans()):
        return None
    low = draw(st.integers(min_value=1, max_value=900))
    return Prior(low=low, high=low + draw(st.integers(min_value=0, max_value=900)))


@given(priors(), seen_lists, days, kinds, st.integers(min_value=1, max_value=6))
def test_more_observations_at_a_value_move_the_forecast_monotonically_toward_it(
    prior: Prior | None, seen: list[Observation], target: int, kind: str, repeats: int
) -> None:
    extra = Observation(target, kind)  # type: ignore[arg-type]
    distances = []
    for count in range(repeats + 1):
        found = estimate(prior, [*seen, *[extra] * count])
        if found is not None:
            distances.append(abs(found.mean - target))
    assert all(b <= a + 1e-9 for a, b in itertools.pairwise(distances))


@given(priors(), seen_lists)
def test_the_range_never_inverts(prior: Prior | None, seen: list[Observation]) -> None:
    found = forecast(date(2025, 1, 1), prior, seen, product="p", indication="i")
    if found is None:
        assert prior is None and not seen
        return
    assert found.low_on <= found.predicted_on <= found.high_on
    assert date(2025, 1, 1) <= found.low_on
    assert found.low_days <= found.days <= found.high_days
