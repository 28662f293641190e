"""Energy used is not energy saved: with a consumption figure in the message, a saving slot takes only a figure
said to be saved, and asks otherwise."""

import pytest

from assistant.slots import SlotSpec, extract

SAVING = SlotSpec.from_dict("saving", {"unit": "tce", "cues": ["节能", "改造后", "省了"]})
THRESHOLD = SlotSpec.from_dict("client_use", {"unit": "tce", "cues": ["能耗", "综合能耗"]})


@pytest.mark.parametrize(
    "text", ["改造前年耗能1000吨标煤，改造后800吨", "原来一年能耗1000吨标准煤，现在用能800吨标准煤"]
)
def test_consumption_figures_are_no_saving(text):
    assert "saving" not in extract(text, [SAVING]).values


@pytest.mark.parametrize(
    "text, saving",
    [
        ("原来一年耗能1000吨标煤，改造后一年节能150吨", 150),
        ("改造后年节能200吨标煤", 200),
        ("每年省了300吨标煤", 300),
    ],
)
def test_a_figure_said_to_be_saved_is_the_saving(text, saving):
    assert extract(text, [SAVING]).values["saving"] == saving


def test_a_slot_about_energy_used_still_reads_it():
    assert extract("客户年综合能耗600吨标煤", [THRESHOLD]).values["client_use"] == 600
