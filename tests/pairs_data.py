"""Test data for the Pairs area: chats, messages and pairs written straight into a project."""

from __future__ import annotations

import json
import random

from natasha_studio.core.pairs import Turn, set_pair_topics, turns_to_json
from natasha_studio.core.store import Project

CHATS = [(-1000000000101, "Клуб бега", "runclub"), (-1000000000102, "Питание и сон", None),
         (-5001, "Старая группа", None)]
TOPICS = ["бег", "питание", "сон", "травмы"]
WORDS = ("бег тренировка колено питание сон вода утро вечер пульс растяжка кроссовки "
         "белок завтрак марафон отдых боль спина шаги running pace").split()


def populate(project: Project, n: int = 200, seed: int = 7) -> list[int]:
    """``n`` pairs over three chats with messages, topics, qualities, statuses and edits."""
    rng = random.Random(seed)
    conn = project.conn
    ids = []
    with project.transaction():
        for chat_id, name, username in CHATS:
            conn.execute("INSERT INTO chats(id, name, type, username) VALUES (?, ?, ?, ?)",
                         (chat_id, name, "public_supergroup", username))
        for topic in TOPICS:
            conn.execute("INSERT INTO topics(name) VALUES (?)", (topic,))
        for i in range(n):
            chat_id = CHATS[i % len(CHATS)][0]
            qid, aid = 10 * i + 1, 10 * i + 2
            date = 1_700_000_000 + i * 3600
            question = " ".join(rng.choices(WORDS, k=rng.randint(3, 9))).capitalize() + "?"
            answer = " ".join(rng.choices(WORDS, k=rng.randint(4, 20))).capitalize() + "."
            if i % 11 == 0:
                question = "Как бегать с больным коленом?"
            for mid, text, sender, reply in ((qid - 1, "Всем привет!", "Ира", None),
                                             (qid, question, "Ира", None),
                                             (aid, answer, "Наташа", qid)):
                conn.execute(
                    "INSERT INTO messages(chat_id, id, date, sender_id, sender_name, text,"
                    " reply_to_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (chat_id, mid, date + mid % 10, 1 if sender == "Наташа" else 2, sender,
                     text, reply))
            turns = [Turn("user", question, 2, "Ира", [qid], date),
                     Turn("assistant", answer, 1, "Наташа", [aid], date + 60)]
            origin = "reply" if i % 3 else "implicit"
            cur = conn.execute(
                "INSERT INTO pairs(key, chat_id, origin, confidence, turns_original, question,"
                " answer, status, quality, quality_reasons, question_date, answer_date,"
                " message_ids, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f"k{i}", chat_id, origin, 1.0 if origin == "reply" else 0.6,
                 turns_to_json(turns), question, answer,
                 ("new", "approved", "rejected", "needs_work")[i % 4],
                 round(rng.random(), 2) if i % 13 else None,
                 json.dumps(["short_answer", "weird_code"] if i % 5 == 0 else []),
                 date, date + 60, json.dumps([qid, aid]), None))
            ids.append(int(cur.lastrowid))
        for pid in ids[::3]:
            set_pair_topics(project, pid, [TOPICS[pid % len(TOPICS)]], source="auto")
    return ids
