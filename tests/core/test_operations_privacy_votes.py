"""Privacy and vote operations: what each does, and what it says changed."""

from __future__ import annotations

from natasha_studio.core.chat.blind import BlindRound, win_rates
from natasha_studio.core.chat.models import add_model
from natasha_studio.core.pairs import Turn, add_pair, get_pair
from natasha_studio.core.privacy import load_settings
from natasha_studio.core.provider import ChatMessage
from natasha_studio.operations import privacy, votes
from natasha_studio.operations.changes import NOTHING


def test_a_redaction_and_its_undo_name_the_pairs_they_changed(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name, username) VALUES"
                     " (1, 'Марина Иванова', 'marina_iv'), (2, 'Наташа', 'natasha_coach')")
    project.set_setting("persona_ids", [2])
    with_phone = add_pair(project, [Turn("user", "Звоните +7 916 123-45-67, Наташа", 1),
                                    Turn("assistant", "Хорошо, позвоню.", 2)])
    clean = add_pair(project, [Turn("user", "Сколько раз в неделю бегать?", 1),
                               Turn("assistant", "Три раза хватит.", 2)])

    result, changes = privacy.redact(project, kinds=["phone"])
    assert result.pair_ids == [with_phone]
    assert changes.pairs == {with_phone} and changes.counts["replaced"] == result.total >= 1
    assert "+7 916" not in get_pair(project, with_phone).turns[0].text

    undone, changes = privacy.undo_redaction(project)
    assert undone.restored == [with_phone] and changes.pairs == {with_phone}
    assert "+7 916 123-45-67" in get_pair(project, with_phone).turns[0].text
    assert clean not in changes.pairs


def test_an_allow_list_change_touches_no_pair_and_reverts_exactly(project):
    change, changes = privacy.mark_not_personal(project, "Казань")
    assert change.changed and changes == NOTHING
    assert "Казань" in load_settings(project).allow_list
    privacy.revert_allow_change(project, change)
    assert "Казань" not in load_settings(project).allow_list
    again, _ = privacy.mark_personal_again(project, "Казань")
    assert not again.changed  # it was not on the list: nothing to take off


def test_a_vote_and_taking_it_back_say_the_votes_changed(project):
    tuned = add_model(project, "Наташа v2", "openai", "ft:gpt-4.1-mini:org::abc")
    base = add_model(project, "gpt-4.1-mini (base)", "openai", "gpt-4.1-mini")
    prompt = [ChatMessage("user", "Как начать бегать?")]

    vote_id, changes = votes.record_vote(project, BlindRound(tuned, base), prompt, "A", "B", "a")
    assert changes.votes and not changes.empty and not changes.any_pairs
    assert {w.name: w.wins for w in win_rates(project)}["Наташа v2"] == 1

    assert votes.take_back_vote(project, vote_id).votes
    assert all(w.votes == 0 for w in win_rates(project))
    assert (changes | NOTHING).votes
