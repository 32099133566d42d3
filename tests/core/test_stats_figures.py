"""Statistics match a direct computation, honour filters, and compare snapshots."""

from __future__ import annotations

import pandas as pd
import pytest
import tiktoken
from export_fixtures import edit_answer, make_pairs

from natasha_studio.core import export, stats
from natasha_studio.core.pairs import set_status


@pytest.fixture
def ids(project):
    return make_pairs(project, 60, status_cycle=("approved", "new", "approved", "rejected"),
                      multi_turn_every=5)


def _direct(project, where="deleted = 0"):
    return pd.read_sql_query(f"SELECT * FROM pairs WHERE {where}", project.conn)


def test_figures_match_direct_pandas(project, ids):
    edit_answer(project, ids[0], "Короткий")
    s = stats.compute_statistics(project)
    df = _direct(project)
    f = s.figures
    assert f["pairs"] == len(df) == 60
    assert f["by_status"] == {k: int((df.status == k).sum()) for k in ("new", "approved", "rejected",
                                                                         "needs_work")}
    assert f["approved_share"] == pytest.approx((df.status == "approved").mean())
    assert f["edited_share"] == pytest.approx(df.turns.notna().mean())
    assert f["answer_chars_mean"] == pytest.approx(df.answer.str.len().mean())
    assert f["question_chars_median"] == pytest.approx(df.question.str.len().median())
    enc = tiktoken.get_encoding("o200k_base")
    assert f["answer_tokens_mean"] == pytest.approx(
        df.answer.map(lambda t: len(enc.encode_ordinary(t))).mean())
    assert f["tokens_sampled"] == 60
    dates = pd.to_datetime(df.answer_date, unit="s", utc=True)
    assert f["date_from"] == dates.min().strftime("%Y-%m-%d")
    assert f["date_to"] == dates.max().strftime("%Y-%m-%d")
    assert (f["chats"], f["participants"], f["messages"]) == (3, 4, 0)


def test_chart_series_match(project, ids):
    s = stats.compute_statistics(project)
    df = _direct(project)
    assert dict(s.pairs_per_chat) == {"Клуб бега": 20, "Питание": 20, "Йога по утрам": 20}
    assert dict(s.topics) == {"бег": 20, "питание": 20, "сон": 20}
    months = pd.to_datetime(df.answer_date, unit="s", utc=True).dt.strftime("%Y-%m").value_counts()
    assert {m: c for m, c in s.pairs_per_month if c} == months.to_dict()
    assert sum(s.answer_lengths.counts) == 60 and sum(s.question_lengths.counts) == 60
    assert sum(s.quality.counts) == 60 and s.quality_unknown == 0
    assert [round(share, 2) for _, _, share in s.top_askers] == [0.25] * 4
    assert s.other_askers_share == pytest.approx(0.0)


def test_filters_apply_to_everything(project, ids):
    f = export.PairFilter(statuses=("approved",), chat_ids=(-1001,))
    s = stats.compute_statistics(project, f)
    df = _direct(project, "deleted = 0 AND status = 'approved' AND chat_id = -1001")
    assert s.figures["pairs"] == len(df) > 0
    assert dict(s.pairs_per_chat) == {"Клуб бега": len(df)}
    assert sum(c for _, c in s.pairs_per_month) == len(df)
    by_topic = stats.compute_statistics(project, export.PairFilter(statuses=(), topics=("сон",)))
    assert dict(by_topic.topics) == {"сон": 20}
    assert by_topic.figures["pairs"] == 20


def test_one_member_dominating_shows(project):
    from natasha_studio.core.pairs import Turn, add_pair

    make_pairs(project, 8)
    for i in range(12):
        add_pair(project, [Turn("user", f"q{i}", 11, "Ольга"), Turn("assistant", f"a{i}", 1)],
                 status="approved")
    s = stats.compute_statistics(project)
    name, count, share = s.top_askers[0]
    assert name == "Ольга" and count == 14 and share == pytest.approx(14 / 20)


def test_empty_project_statistics(project):
    s = stats.compute_statistics(project)
    assert s.empty and s.figures["pairs"] == 0 and s.pairs_per_chat == []
    assert s.answer_lengths is None and s.figures["date_from"] is None


def test_large_sets_sample_tokens(project, ids):
    s = stats.compute_statistics(project, token_sample=10)
    assert s.figures["tokens_sampled"] == 10
    again = stats.compute_statistics(project, token_sample=10)
    assert again.figures["answer_tokens_mean"] == s.figures["answer_tokens_mean"]


def test_compare_snapshots(project, ids):
    old = export.create_snapshot(project, "v1")
    approved = [i for n, i in enumerate(ids) if n % 4 in (0, 2)]
    edit_answer(project, approved[0], "Исправлено")
    set_status(project, [ids[1]], "approved")      # added
    set_status(project, [approved[1]], "rejected")  # removed
    new = export.create_snapshot(project, "v2")
    diff = stats.compare_snapshots(project, old.id, new.id)
    assert diff.added == [ids[1]] and diff.removed == [approved[1]]
    assert diff.edited == [approved[0]]
    assert diff.unchanged + len(diff.moved) == len(approved) - 2
    figures = {k: (a, b) for k, a, b in diff.figures}
    assert figures["pairs"] == (30, 30)
    assert figures["edited_share"][0] == 0 and figures["edited_share"][1] == pytest.approx(1 / 30)
    assert not diff.same
    assert stats.compare_snapshots(project, old.id, old.id).same


def test_filter_choices(project, ids):
    choices = stats.filter_choices(project)
    assert {name for _, name in choices["chats"]} == {"Клуб бега", "Питание", "Йога по утрам"}
    assert sorted(name for name, _ in choices["topics"]) == ["бег", "питание", "сон"]
