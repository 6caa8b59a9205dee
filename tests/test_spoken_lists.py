"""Lists as news reports speak them: 像A、B这些事…就能“跨省通办”了, 可跨省办理A、B等业务, a subject list
after a word of when (目前A、B…) or before a few adverbs (也都实现了跨省通办)."""

from __future__ import annotations

import pytest

from extractors import extract_text


def _named(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(i.name, i.scope) for i in extract_text(text).items]


@pytest.mark.parametrize(
    "text",
    [
        "如今，像社保卡申领、医保关系转移这些事，在家门口就能“跨省通办”了。",  # a demonstrative closes it
        "像社保卡申领、医保关系转移这些事都能跨省通办了。",  # no comma before the verb
        "社保卡申领、医保关系转移等事项现在也都能跨省通办了。",  # adverbs of when and also
        "社保卡申领、医保关系转移等事项也都实现了跨省通办。",
        "目前社保卡申领、医保关系转移等业务已实现跨省通办。",  # 目前 opens the clause, no name
    ],
)
def test_a_spoken_subject_list_before_its_scope(text):
    assert _named(text) == [("社保卡申领", ("跨省通办",)), ("医保关系转移", ("跨省通办",))]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("目前群众可在专窗跨省办理户口迁移、居民身份证换领等业务，十分方便。", ("跨省通办",)),
        ("群众可跨省通办户口迁移、居民身份证换领。", ("跨省通办",)),
        ("户口迁移、居民身份证换领等业务均可异地办理。", ("异地通办",)),  # the verb after the list
    ],
)
def test_a_verb_that_holds_the_scope_heads_or_closes_a_list(text, scope):
    assert _named(text) == [("户口迁移", scope), ("居民身份证换领", scope)]


@pytest.mark.parametrize(
    "text",
    [
        "群众可跨省办理相关业务。",  # nothing named
        "像加强协调、压实责任这些事，都能做好。",  # no scope: measures, not services
        "群众可跨省办理以下事项：",  # a colon list is the colon reader's, with its own checks
        "社保卡申领、医保关系转移这些事，群众都很关心。",  # no verb of doing it across provinces
    ],
)
def test_spoken_words_with_no_list_of_services(text):
    assert extract_text(text).items == []
