"""The README's example questions get the answer a resident would expect — the text shown, not only the
document cited (with the real default embedder, as the app runs)."""

from datetime import date

import pytest

from assistant.conversation import Conversation
from assistant.service import Assistant

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def assistant(use_index):
    return Assistant(use_index, today=date(2024, 7, 1))


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("question", "status", "shown"),
    [
        ("外地户口孩子在西城上小学要什么条件？", "answered", ["非本市户籍适龄儿童在西城区就读批准书"]),
        ("光伏装机500千瓦能拿多少？", "calculated", ["60万元"]),
        ("西民发〔2024〕1号第二十一条", "answered", ["每人每天可享受5元"]),
        ("孩子几岁能上小学", "answered", ["年满6周岁", "2018年8月31日以前出生"]),
        ("老人在父母食堂吃饭每天补多少", "answered", ["每人每天可享受5元", "请告诉我"]),
        ("增资2亿元，区级贡献600万能拿多少？", "calculated", ["100万元"]),
        ("养老助餐细则第8条", "answered", ["第八条"]),
    ],
)
def test_a_readme_example_shows_the_answer(assistant, question, status, shown):
    a = assistant.ask(question, Conversation())
    assert a.status == status, a.answer[:300]
    for words in shown:
        assert words in _flat(a.answer), (words, a.answer[:500])
