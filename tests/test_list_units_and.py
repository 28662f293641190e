"""Two figures joined by 和 share the unit written after the last ("电池分别是40和60千瓦时")."""

import pytest

from assistant.numbers import find_quantities
from core.normalize import normalize


@pytest.mark.parametrize("text", ["电池分别是40和60千瓦时", "电池40与60千瓦时"])
def test_two_figures_joined_by_and_share_the_unit(text):
    assert [(q.value, q.unit) for q in find_quantities(normalize(text))] == [(40, "kWh"), (60, "kWh")]
