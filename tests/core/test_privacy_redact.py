"""Scanning with a cache, pseudonymisation, bulk undo, the audit, the check before export."""

from __future__ import annotations

import json

import pytest

from natasha_studio.core import export
from natasha_studio.core.errors import StudioError
from natasha_studio.core.pairs import Turn, add_pair, get_pair, set_status, set_turns
from natasha_studio.core.privacy import (
    audit_log,
    findings_for_pair,
    flagged_pair_ids,
    last_operation,
    preview_redaction,
    privacy_check,
    redact,
    scan_pairs,
    undo_redaction,
)
from natasha_studio.core.privacy import scan as scan_module

ORIGINALS = ["Марина", "Марине", "Иванова", "+7 916 123-45-67", "marina.iv@mail.ru",
             "@marina_iv", "t.me/marina_sport", "4276 1600 1234 5678", "Ленина", "Казани"]


@pytest.fixture
def pairs(project):
    with project.transaction() as conn:
        conn.execute("INSERT INTO participants(id, name, username) VALUES"
                     " (1, 'Марина Иванова', 'marina_iv'), (2, 'Наташа', 'natasha_coach')")
    project.set_setting("persona_ids", [2])
    texts = [
        ("Наташа, я Марина Иванова, звоните +7 916 123-45-67 или marina.iv@mail.ru",
         "Марина, здравствуйте! Напишу вам, Марине, завтра."),
        ("Мой канал t.me/marina_sport, подпишитесь, @marina_iv это я",
         "Спасибо, Марина. Карту 4276 1600 1234 5678 не пишите в чат."),
        ("Я живу на ул. Ленина, д. 5, а сестра в Казани", "Хорошо, Марина, учту."),
        ("Сколько раз в неделю бегать?", "Три раза хватит."),
    ]
    ids = [add_pair(project, [Turn("user", q, 1), Turn("assistant", a, 2)]) for q, a in texts]
    set_status(project, ids, "approved")
    return ids


def _all_text(project, ids) -> str:
    return "\n".join(t.text for i in ids for t in get_pair(project, i).turns)


def test_check_reports_counts_per_kind_and_pair(project, pairs):
    report = privacy_check(project, pairs)
    assert report.pairs_checked == 4
    assert report.pair_ids == pairs[:3]
    assert report.pairs_with_findings == 3
    assert report.counts["person"] == 5
    assert report.counts["phone"] == 1 and report.counts["email"] == 1
    assert report.counts["card"] == 1 and report.counts["address"] == 1
    assert "3 pairs" in report.summary()
    assert json.loads(json.dumps(report.to_dict()))["pairs_with_personal_data"] == 3
    assert flagged_pair_ids(project) == set(pairs[:3])


def test_bulk_redaction_is_consistent_and_undoable(project, pairs):
    before = {i: get_pair(project, i).turns for i in pairs}
    result = redact(project, mode="placeholders")
    assert result.pair_ids == pairs[:3]
    text = _all_text(project, pairs)
    for value in ORIGINALS:
        assert value not in text
    first = get_pair(project, pairs[0]).turns
    # One person, one placeholder, whatever the case or the words used for her.
    assert first[0].text == "Наташа, я [ИМЯ_1], звоните [ТЕЛЕФОН] или [EMAIL]"
    assert first[1].text == "[ИМЯ_1], здравствуйте! Напишу вам, [ИМЯ_1], завтра."
    assert "[НИК_1]" in get_pair(project, pairs[1]).turns[0].text
    # The original text stays in the project.
    assert get_pair(project, pairs[0]).turns_original == before[pairs[0]]
    assert privacy_check(project, pairs).clean

    undone = undo_redaction(project)
    assert undone.operation_id == result.operation_id
    assert undone.restored == pairs[:3] and undone.skipped == []
    assert {i: get_pair(project, i).turns for i in pairs} == before
    assert not get_pair(project, pairs[0]).edited
    with pytest.raises(StudioError):
        undo_redaction(project)


def test_undo_keeps_pairs_edited_after_the_redaction(project, pairs):
    redact(project, pairs[:2])
    later = get_pair(project, pairs[0]).turns
    later[1] = Turn("assistant", "Совсем новый ответ.", 2)
    set_turns(project, pairs[0], later)
    result = undo_redaction(project)
    assert result.skipped == [pairs[0]] and result.restored == [pairs[1]]
    assert get_pair(project, pairs[0]).turns[1].text == "Совсем новый ответ."


def test_fake_names_take_the_case_of_the_original(project, pairs):
    # A fixed salt picks the same fake name on every run (a random one made the test depend on
    # which name came up: a short or indeclinable one cannot show the case).
    project.set_setting("privacy_salt", "5a1t" * 8)
    redact(project, [pairs[0]], mode="fake_names")
    answer = get_pair(project, pairs[0]).turns[1].text
    first_word = answer.split(",")[0]
    assert first_word not in ("Марина", "[ИМЯ_1]")
    dative = answer.split("вам, ")[1].split(",")[0]
    # The dative "Марине" became the dative of the same fake first name.
    assert dative != first_word and dative[:3] == first_word[:3]
    # Fake names are pseudonyms, not personal data left over.
    assert privacy_check(project, [pairs[0]]).clean


def test_same_person_gets_the_same_number_in_later_redactions(project, pairs):
    redact(project, [pairs[0]])
    redact(project, [pairs[2]])
    assert "[ИМЯ_1]" in get_pair(project, pairs[2]).turns[1].text


def test_per_span_redaction_and_preview(project, pairs):
    findings = findings_for_pair(project, pairs[0])
    phone = [f for f in findings if f.kind == "phone"]
    preview = preview_redaction(project, findings={pairs[0]: phone})
    assert len(preview) == 1 and preview[0].counts == {"phone": 1}
    assert "+7 916" not in preview[0].after[0].text
    assert get_pair(project, pairs[0]).turns[0].text.count("+7 916") == 1  # preview wrote nothing
    redact(project, findings={pairs[0]: phone}, scope="span")
    text = get_pair(project, pairs[0]).turns[0].text
    assert "[ТЕЛЕФОН]" in text and "Марина Иванова" in text


def test_only_chosen_kinds_are_redacted(project, pairs):
    redact(project, kinds=["phone", "email"])
    text = _all_text(project, pairs)
    assert "Марина" in text and "+7 916" not in text and "marina.iv@mail.ru" not in text


def test_audit_has_counts_but_no_values(project, pairs):
    result = redact(project, scope="all")
    undo_redaction(project)
    entries = audit_log(project)
    assert entries[0].operation_id == result.operation_id
    assert entries[0].counts == result.counts and entries[0].undone_at is not None
    assert last_operation(project) is None
    dump = json.dumps([r[:] for r in project.conn.execute("SELECT * FROM privacy_audit")],
                      ensure_ascii=False)
    dump += json.dumps([r[:] for r in project.conn.execute("SELECT * FROM privacy_pseudonyms")],
                       ensure_ascii=False)
    for value in ORIGINALS:
        assert value.lower() not in dump.lower()


def test_cache_rescans_only_changed_pairs(project, pairs, monkeypatch):
    scan_pairs(project)
    seen: list[int] = []
    real = scan_module.detector_for

    def counting(p):
        det = real(p)

        class Counting:
            config = det.config

            def detect_turns(self, turn_texts):
                seen.append(len(turn_texts))
                return det.detect_turns(turn_texts)
        return Counting()

    monkeypatch.setattr(scan_module, "detector_for", counting)
    scan_pairs(project)
    assert seen == []  # everything from the cache
    set_status(project, [pairs[3]], "rejected")  # updated_at moves, the text does not
    scan_pairs(project)
    assert seen == []
    turns = get_pair(project, pairs[3]).turns
    turns[1] = Turn("assistant", "Три раза, спросите у Марины.", 2)
    set_turns(project, pairs[3], turns)
    found = scan_pairs(project)
    assert seen == [1]
    assert [f.text for f in found[pairs[3]]] == ["Марины"]


def test_progress_and_cancel(project, pairs):
    from natasha_studio.core.errors import Cancelled

    calls = []
    scan_pairs(project, progress=lambda done, total, detail="": calls.append((done, total)))
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)

    def cancel(done, total, detail=""):
        raise Cancelled()

    project.set_setting("privacy_deny_list", ["сестра"])  # new set-up: everything is stale
    with pytest.raises(Cancelled):
        scan_pairs(project, progress=cancel)


def test_export_contains_no_original_values(project, pairs, tmp_path):
    redact(project)
    snap = export.create_snapshot(project, "v1", validation_split=0.0)
    out = export.export_snapshot(project, snap.id, "openai", tmp_path / "train.jsonl", split="all")
    content = out.read_text(encoding="utf-8")
    assert "[ИМЯ_1]" in content
    for value in ORIGINALS:
        assert value not in content
        assert json.dumps(value, ensure_ascii=True)[1:-1] not in content


def test_cache_after_redaction_matches_a_fresh_scan(project, pairs):
    redact(project, kinds=["phone", "email", "link"])
    cached = scan_pairs(project)
    with project.transaction() as conn:
        conn.execute("DELETE FROM privacy_scan")
    fresh = scan_pairs(project)
    assert cached == fresh
    assert any(f.text == "Марина" for f in cached[pairs[0]])


def test_fake_names_are_never_real_participants_and_hide_no_one(project, pairs):
    redact(project, [pairs[0]], mode="fake_names")
    fakes = [r[0] for r in project.conn.execute("SELECT fake FROM privacy_pseudonyms")]
    assert fakes and not any("Марин" in f or "Наташ" in f for f in fakes)
    later = add_pair(project, [Turn("user", "Это снова Марина", 1), Turn("assistant", "Привет!", 2)])
    assert privacy_check(project, [later]).pair_ids == [later]
    # A new set-up rescans everything: the fake names are still not taken for people.
    project.set_setting("privacy_deny_list", ["абонемент"])
    assert privacy_check(project, [pairs[0]]).clean
