"""Pairs for export and statistics tests, built through core.pairs like extraction does."""

from __future__ import annotations

from natasha_studio.core.pairs import Turn, add_pair, set_pair_topics, set_turns

CHATS = [(-1001, "Клуб бега"), (-1002, "Питание"), (-1003, "Йога по утрам")]
MEMBERS = [(11, "Ольга"), (12, "Иван"), (13, "Мария"), (14, "Пётр")]
TOPICS = ["бег", "питание", "сон"]
BASE_DATE = 1_700_000_000  # 2023-11-14


def add_chats(project) -> None:
    with project.transaction() as conn:
        for chat_id, name in CHATS:
            conn.execute("INSERT OR IGNORE INTO chats(id, name, type) VALUES (?, ?, 'supergroup')",
                         (chat_id, name))
        for member_id, name in MEMBERS:
            conn.execute("INSERT OR IGNORE INTO participants(id, name) VALUES (?, ?)",
                         (member_id, name))


def make_pairs(project, n: int = 40, *, status_cycle=("approved",), multi_turn_every: int = 0):
    """``n`` pairs spread over chats, members, topics and months; returns their ids."""
    add_chats(project)
    ids = []
    with project.transaction():  # one commit: a durable commit per pair makes tests slow
        for i in range(n):
            ids.append(_make_pair(project, i, status_cycle, multi_turn_every))
    return ids


def _make_pair(project, i, status_cycle, multi_turn_every) -> int:
    chat_id = CHATS[i % len(CHATS)][0]
    member_id, member = MEMBERS[i % len(MEMBERS)]
    date = BASE_DATE + i * 86_400 * 3
    turns = []
    if multi_turn_every and i % multi_turn_every == 0:
        turns += [Turn("user", f"Раньше я спрашивала про {i}", member_id, member, [i * 10], date - 60),
                  Turn("assistant", f"Да, помню, ответ {i}", 1, "Наташа", [i * 10 + 1], date - 30)]
    turns += [
        Turn("user", f"Вопрос номер {i}: как мне тренироваться?" + " ещё" * (i % 7),
             member_id, member, [i * 10 + 2], date),
        Turn("assistant", f"Ответ {i}: начни с малого." + " Подробнее." * (i % 5),
             1, "Наташа", [i * 10 + 3], date + 120),
    ]
    status = status_cycle[i % len(status_cycle)]
    pair_id = add_pair(project, turns, origin="reply", chat_id=chat_id, status=status,
                       key=f"k{i}")
    set_pair_topics(project, pair_id, [TOPICS[i % len(TOPICS)]])
    project.conn.execute("UPDATE pairs SET quality = ? WHERE id = ?", ((i % 10) / 10, pair_id))
    return pair_id


def edit_answer(project, pair_id: int, text: str) -> None:
    from natasha_studio.core.pairs import get_pair

    pair = get_pair(project, pair_id)
    turns = list(pair.turns)
    last = turns[-1]
    turns[-1] = Turn(last.role, text, last.sender_id, last.sender_name, last.message_ids, last.date)
    set_turns(project, pair_id, turns)
