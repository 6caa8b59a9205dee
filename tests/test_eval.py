"""Gold annotations and `tongban eval`: the extractors against what a reader wrote down."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from extractors.evaluate import FIELDS, keys, score
from extractors.records import DEADLINE_KINDS, DEPARTMENT_ROLES
from pipeline.cli import main
from pipeline.gold import load_cases
from tests.conftest import GOLD


@pytest.fixture(scope="module")
def cases():
    return load_cases(GOLD)


def test_every_seed_has_a_well_formed_gold_file(cases):
    assert len(cases) == len(list(GOLD.glob("*.json"))) >= 8
    for case in cases:
        assert (case.path.parent / case.gold["source"]).exists()
        assert {d["kind"] for d in case.gold["deadlines"]} <= set(DEADLINE_KINDS)
        assert {d["role"] for d in case.gold["departments"]} <= set(DEPARTMENT_ROLES)


def test_f1_per_field_on_the_gold_is_at_least_095():
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.output)["fields"]
    assert set(fields) == set(FIELDS)
    for name, figures in fields.items():
        assert figures["f1"] >= 0.95, (name, figures)


def test_a_missed_item_costs_recall_and_a_spurious_department_precision(cases):
    case = next(c for c in cases if len(c.gold["items"]) == 18)
    worse = copy.deepcopy(case.predicted)
    dropped = worse["items"][0]["name"]
    worse["items"] = [i for i in worse["items"] if i["name"] != dropped]
    worse["departments"].append({"name": "财政部", "canonical": "财政部", "role": "lead", "span": [0, 3]})
    before = score([(case.gold, case.predicted)])
    after = score([(case.gold, worse)])
    assert after["items"].recall < before["items"].recall and after["items"].precision == before["items"].precision
    assert (dropped,) in after["items"].false_negatives
    assert after["departments"].precision < before["departments"].precision
    assert after["departments"].recall == before["departments"].recall


def test_repeats_count_once_and_spaces_do_not_matter():
    gold = {"document": {"title": "政务服务更亲民 异地办事更容易"}, "items": [{"name": "婚姻登记"}]}
    predicted = {"document": {"title": "政务服务更亲民异地办事更容易"}, "items": [{"name": "婚姻登记"}] * 3}
    assert keys(predicted, "items") == {("婚姻登记",)}
    result = score([(gold, predicted)])
    assert result["document"].f1 == result["items"].f1 == 1.0


def test_errors_name_the_document():
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--errors"])
    assert result.exit_code == 0 and "gold documents" in result.output
