"""Marking a word as not personal: no longer found, highlighted or replaced; undoable."""

from __future__ import annotations

import pytest

from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import Turn, add_pair, get_pair
from natasha_studio.core.privacy import (
    findings_for_pair,
    is_not_personal,
    load_settings,
    mark_not_personal,
    mark_personal_again,
    privacy_check,
    redact,
    revert_allow_change,
    scan_pairs,
)


@pytest.fixture
def pair_ids(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name, username) VALUES"
                     " (1, 'Марина Иванова', 'marina_iv'), (2, 'Наташа', 'natasha_coach')")
    project.set_setting("persona_ids", [2])
    texts = [("Марина тут. Расскажите про богиню Хатхор и про Казань?",
              "Марина, Хатхор — богиня радости, её почитали в Египте."),
             ("А к Хатхор можно обратиться в медитации?", "Можно, Хатхор помогает.")]
    return [add_pair(project, [Turn("user", q, 1), Turn("assistant", a, 2)]) for q, a in texts]


def _texts(project, pair_id) -> set[str]:
    return {f.text for f in findings_for_pair(project, pair_id)}


def _found_anywhere(project, word) -> bool:
    return any(f.text == word for fs in scan_pairs(project).values() for f in fs)


def test_a_word_marked_not_personal_is_no_longer_found_nor_replaced(project, pair_ids):
    assert "Хатхор" in _texts(project, pair_ids[0])  # a place to the detector, at first
    change = mark_not_personal(project, "Хатхор")
    assert change.changed and change.not_personal and change.entries == ("Хатхор",)
    assert load_settings(project).allow_list == ("Хатхор",)
    assert is_not_personal(project, "хатхор")
    for pid in pair_ids:
        assert "Хатхор" not in _texts(project, pid)
    assert "Марина" in _texts(project, pair_ids[0])  # members are still found
    assert not _found_anywhere(project, "Хатхор")
    report = privacy_check(project, pair_ids)
    assert report.counts.get("location", 0) <= 1  # only Казань is left as a place

    redact(project, mode="placeholders", scope="all")
    text = "\n".join(t.text for pid in pair_ids for t in get_pair(project, pid).turns)
    assert text.count("Хатхор") == 4 and "Марина" not in text


def test_marking_is_undone_and_redone_exactly(project, pair_ids):
    mark_not_personal(project, "Египте")  # an earlier, unrelated entry stays throughout
    change = mark_not_personal(project, "Хатхор")
    undone = revert_allow_change(project, change)
    assert not undone.not_personal and undone.entries == ("Хатхор",)
    assert load_settings(project).allow_list == ("Египте",)
    assert "Хатхор" in _texts(project, pair_ids[0])  # highlighted again
    redone = revert_allow_change(project, undone)
    assert redone.not_personal and load_settings(project).allow_list == ("Египте", "Хатхор")


def test_personal_again_takes_every_form_off_the_list(project, pair_ids):
    mark_not_personal(project, "Хатхор")
    again = mark_not_personal(project, "ХАТХОР")
    assert not again.changed  # already on the list in another spelling
    change = mark_personal_again(project, "хатхор")
    assert change.entries == ("Хатхор",) and not change.not_personal
    assert load_settings(project).allow_list == ()
    assert "Хатхор" in _texts(project, pair_ids[1])
    assert not mark_personal_again(project, "Хатхор").changed
    revert_allow_change(project, change)  # undo of "personal again"
    assert load_settings(project).allow_list == ("Хатхор",)


def test_an_empty_word_is_refused(project):
    with pytest.raises(StudioError):
        mark_not_personal(project, "  ")
