"""The fast paths of extraction give exactly what the plain ways of computing the same give."""

from __future__ import annotations

import dataclasses
import json
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natasha_studio.core.dataset.bulk import deferred_indexes
from natasha_studio.core.dataset.extract import turns_json
from natasha_studio.core.dataset.quality import DuplicateFinder, assess, letter_counts, normalise
from natasha_studio.core.dataset.topics import Lexicon, Topic, word_forms
from natasha_studio.core.pairs import Turn, turns_to_json

# Russian and Latin letters, other Cyrillic letters, letters that look Latin or Cyrillic and
# are neither's basic block (İ ı ſ, the Kelvin sign, U+1C80...), punctuation, emoji, URLs.
_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x400, 0x480)]
    + list("abcxyzABCXYZ ,.!?-—«»…:/\n\"\\")
    + ["\u0130", "\u0131", "\u017f", "\u212a", "\u1c80", "\u1c86", "\u1c87", "😀", "🙏", "\u0100"]
    + ["https://t.me/x ", "www.", "спасибо", "Скидка", "промокод", "прошлые жизни"])
_TEXTS = st.lists(_ALPHABET, max_size=40).map("".join)


def _plain_letter_counts(text: str) -> tuple[int, int]:
    return len(re.findall("[\u0400-\u04ff]", text)), len(re.findall("[A-Za-z]", text))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_letter_counts_match_the_plain_regexes(text):
    assert letter_counts(text) == _plain_letter_counts(text)


def _plain_assess_reasons(question: str, answer: str) -> list[str]:
    """The checks of ``assess`` written the straightforward (slow) way."""
    from natasha_studio.core.dataset import quality as q

    reasons = []
    qs, a = question.strip(), answer.strip()
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", a)]
    if not qs and not a:
        reasons.append("media_only")
    elif q.is_emoji_only(a):
        reasons.append("emoji_only")
    elif (all(w in q._GREETING_WORDS for w in words) if words else q.is_emoji_only(a)):
        reasons.append("greeting_only")
    elif q._URL.search(a) and not q._letters(q._URL.sub("", a)):
        reasons.append("link_only")
    elif len(a) < q.MIN_ANSWER_CHARS:
        reasons.append("too_short")
    if len(a) > q.MAX_ANSWER_CHARS:
        reasons.append("too_long")
    if qs and len(qs) < q.MIN_QUESTION_CHARS:
        reasons.append("question_too_short")

    def ad(text):
        words = re.findall(r"[^\W\d_]+", text[:2000].lower())
        found = {w for w in words if w.startswith(q._AD_PREFIXES)}
        linked = any(s in text[:2000].lower() for s in ("://", "www.", "t.me/"))
        return bool(found) and (words[0] in found or len(found) >= 2 or linked)

    if ad(a) or (q._URL.search(qs) and ad(qs)):
        reasons.append("advertising")

    def script(text):
        sample = q._URL.sub("", text[:1500])
        cyr, lat = _plain_letter_counts(sample)
        if cyr + lat < 12:
            return None
        return "cyrillic" if cyr >= 0.7 * (cyr + lat) else "latin" if lat >= 0.7 * (cyr + lat) else None

    sq, sa = script(qs), script(a)
    if sq and sa and sq != sa:
        reasons.append("language_mismatch")
    return reasons


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _TEXTS)
def test_assess_matches_the_plain_checks(question, answer):
    assert assess(question, answer)[1] == _plain_assess_reasons(question, answer)


_SCORING_TOPICS = [Topic(1, "Past", ["прошлая жизнь", "карма"], False),
                   Topic(2, "Energy", ["энергия", "онлайн-курс"], False),
                   Topic(3, "Sales", ["скидка", "промокод"], False)]


@settings(max_examples=200, deadline=None)
@given(_TEXTS, _TEXTS)
def test_scorer_gives_what_assess_and_tag_give(question, answer):
    """The scorer lower-cases and splits each text once for all checks and topic tags."""
    from natasha_studio.core.dataset.quality_model import score_pairs
    from natasha_studio.core.dataset.scoring import _Quality

    quality = _Quality(_SCORING_TOPICS)
    score, reasons_json, topics = quality.score([(question, answer, False, False, 1.0, True)],
                                                [None])[0]
    assert (score, json.loads(reasons_json)) == score_pairs([(question, answer, False, False,
                                                              1.0)])[0]
    tagged = Lexicon(_SCORING_TOPICS).tag(question + "\n" + answer)
    assert topics == tuple(sorted(t.id for t in _SCORING_TOPICS if t.name in tagged))


def _one_by_one(questions, window=DuplicateFinder.WINDOW):
    """The duplicate check of one question at a time, hashing in plain Python integers; a
    near match only with one of the latest ``window`` questions that got that far."""
    import zlib

    from rapidfuzz import fuzz

    m64 = (1 << 64) - 1

    def mix(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & m64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & m64
        return z ^ (z >> 31)

    exact, bands, out, number = set(), {}, [], 0
    families = [(0x9E3779B1 + 2 * i + 1, 0x7F4A7C15 * (i + 1)) for i in range(4)]
    for question in questions:
        norm = normalise(question)
        if len(norm) < 8:
            out.append(None)
            continue
        if norm in exact:
            out.append("duplicate")
            continue
        exact.add(norm)
        words = norm.split()[:60]
        if len(set(words)) < 3:
            out.append(None)
            continue
        hashed = [mix(zlib.crc32(w.encode())) for w in words]
        hashes = set(hashed) | {mix(((a * 0x9E3779B97F4A7C15) & m64) ^ b)
                                for a, b in zip(hashed, hashed[1:], strict=False)}
        mins = [min((h * m + a) & 0xFFFFFFFFFFFF for h in hashes) for m, a in families]
        found = None
        for band in range(2):
            key = (band, *mins[band * 2:band * 2 + 2])
            if key not in bands or number - bands[key][0] >= window:
                bands[key] = (number, norm)
            elif found is None and fuzz.ratio(norm, bands[key][1]) >= 88.0:
                found = "near_duplicate"
        number += 1
        out.append(found)
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from("как мне начать медитировать каждый день если нет времени "
                                         "энергия уходит вечером муж".split()), max_size=12)
                .map(" ".join), max_size=40),
       st.integers(min_value=1, max_value=7), st.sampled_from([1, 2, 3, 5, 8, 50_000]))
def test_duplicates_in_batches_match_one_by_one(questions, batch, window):
    finder = DuplicateFinder()
    finder.WINDOW = window
    found = []
    for start in range(0, len(questions), batch):
        found += finder.check_many(questions[start:start + batch])
    assert found == _one_by_one(questions, window)


def test_duplicates_found_exact_and_near():
    finder = DuplicateFinder()
    base = "Как мне начать медитировать каждый день, если совсем нет времени на практику?"
    near = "Как мне начать медитировать каждый день, если совсем нет времени на практику дома?"
    other = "Что делать, если муж стал холоднее после переезда в другой город?"
    assert finder.check_many([base, base.upper() + "!", near, other]) == [
        None, "duplicate", "near_duplicate", None]
    # Near matches among the latest questions only; exact ones among all.
    finder = DuplicateFinder()
    finder.WINDOW = 10
    vocabulary = ("луна солнце река гора лес поле город дом окно дверь стол книга письмо "
                  "утро вечер зима лето осень весна море берег ветер дождь снег облако звезда "
                  "дорога мост сад цветок трава камень песок огонь вода хлеб соль чай кофе "
                  "сестра брат друг соседка учитель врач художник музыка песня танец").split()
    rnd = random.Random(4)
    others = [" ".join(rnd.sample(vocabulary, 8)) + "?" for _ in range(30)]
    assert finder.check_many([base, *others[:5], near]) == [None] * 6 + ["near_duplicate"]
    assert finder.check_many([*others[5:], near.replace("дома", "вечером"), base]) == \
        [None] * 26 + ["duplicate"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.builds(
    Turn, role=st.sampled_from(["user", "assistant"]), text=st.text(max_size=20),
    sender_id=st.one_of(st.none(), st.integers(-10**13, 10**10)),
    sender_name=st.one_of(st.none(), st.text(max_size=8)),
    message_ids=st.lists(st.integers(-10**6, 10**9), max_size=4),
    date=st.one_of(st.none(), st.integers(0, 2**31))), max_size=5))
def test_turns_json_is_what_pairs_writes(turns):
    assert turns_json([dataclasses.astuple(t) for t in turns]).decode() == turns_to_json(turns)


_LEXICON_TOPICS = [Topic(1, "Past", ["прошлая жизнь", "карма"], False),
                   Topic(2, "Energy", ["энергия", "онлайн-курс"], False)]


def _plain_tags(text: str) -> set[str]:
    """Word by word: a keyword word matches its forms (``word_forms``); a phrase needs its
    words one after another."""
    words = re.findall(r"[а-яёa-z]+(?:-[а-яёa-z]+)?", text.lower().replace("ё", "е"))
    found = set()
    for topic in _LEXICON_TOPICS:
        for keyword in topic.keywords:
            keys = re.findall(r"[а-яёa-z]+(?:-[а-яёa-z]+)?", keyword)
            for i in range(len(words) - len(keys) + 1):
                if all(words[i + k] in word_forms(key) for k, key in enumerate(keys)):
                    found.add(topic.name)
    return found


def test_lexicon_matches_every_form_of_a_keyword():
    lexicon = Lexicon(_LEXICON_TOPICS)
    cases = {"В ПРОШЛОЙ ЖИЗНИ я была": {"Past"}, "жизнь прошлая": set(), "Кармы нет": {"Past"},
             "Энергии много": {"Energy"}, "Онлайн-курсы": {"Energy"}, "онлайн курс": set(),
             "Ёлка": set(), "прошлые жизни и энергия": {"Past", "Energy"}, "": set(),
             "прошлая,жизнь": {"Past"}, "карма—энергия": {"Past", "Energy"},
             "«прошлые\u00a0жизни»": {"Past"}, "энергия-карма": set(),
             "cпасибо (латинская c) и карма": {"Past"}, "-карма- -": {"Past"},
             "ЭНЕРГИЯ!!! 🙏карма": {"Past", "Energy"}, "ЭНЕРГИЕЙ и кармою": {"Past", "Energy"}}
    for text, expected in cases.items():
        assert lexicon.tag(text) == expected == _plain_tags(text), text
    assert {"дети", "детей", "ребенка"} <= word_forms("ребёнок")
    assert {"онлайн-курсы", "онлайн-курсами"} <= word_forms("Онлайн-курс")
    assert word_forms("energy") == {"energy"}


_TAG_WORDS = ["прошлая", "прошлой", "жизни", "жизнь", "карма", "кармы", "энергия", "онлайн",
              "курс", "курсы", "é", "c", "-", ",", "—", "🙏", "1", "ё", "ЖИЗНЕЙ", "Прошлых"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TAG_WORDS),
                          st.sampled_from(["", " ", "\n", "-", ",", "\u00a0", "  "])),
                max_size=12))
def test_lexicon_tags_any_mix_of_words_and_separators_like_the_plain_way(parts):
    text = "".join(word + sep for word, sep in parts)
    assert Lexicon(_LEXICON_TOPICS).tag(text) == _plain_tags(text)


def _indexes(project):
    return sorted(tuple(row) for row in project.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pairs'"
        " AND sql IS NOT NULL"))


def test_deferred_indexes_come_back(project):
    before = _indexes(project)
    assert before
    with project.transaction(), deferred_indexes(project, "pairs"):
        assert _indexes(project) == []
    assert _indexes(project) == before


def test_indexes_named_to_keep_stay_throughout(project):
    before = _indexes(project)
    with project.transaction(), deferred_indexes(project, "pairs", keep=["pairs_edited"]):
        assert [name for name, _sql in _indexes(project)] == ["pairs_edited"]
    assert _indexes(project) == before


def test_deferred_indexes_come_back_when_the_work_fails(project):
    before = _indexes(project)
    with pytest.raises(RuntimeError), project.transaction(), deferred_indexes(project, "pairs"):
        raise RuntimeError("cancelled")
    assert _indexes(project) == before


@pytest.mark.parametrize("first_pair", [1, 2**31 - 2, 2**40])
def test_topic_rows_packed_into_one_list_come_out_as_rows(project, first_pair):
    from natasha_studio.core.dataset.pipeline import _TOPIC_BITS, _add_topics
    from natasha_studio.core.dataset.topics import ensure_default_lexicon

    ensure_default_lexicon(project)
    topics = [r[0] for r in project.conn.execute("SELECT id FROM topics ORDER BY id")]
    rows = [(first_pair + i, topic) for i in range(3) for topic in topics[i:i + 3]]
    with project.transaction() as conn:
        conn.executemany("INSERT INTO pairs(id, turns_original) VALUES (?, '[]')",
                         [(first_pair + i,) for i in range(3)])
        conn.execute("INSERT INTO pair_topics(pair_id, topic_id, source)"
                     " VALUES (?, ?, 'manual')", rows[0])  # already there: left as it is
        _add_topics(conn, [pair << _TOPIC_BITS | topic for pair, topic in rows])
    stored = project.conn.execute("SELECT pair_id, topic_id, source FROM pair_topics"
                                  " ORDER BY 1, 2").fetchall()
    assert [tuple(r) for r in stored] == \
        [(*rows[0], "manual")] + [(*row, "auto") for row in rows[1:]]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("аЁбxY1_-,. \n\u00a0🙏éİ")), max_size=40))
def test_normalise_is_the_words_of_the_text(text):
    assert normalise(text) == " ".join(re.findall(r"[^\W\d_]+", text.lower()))


_CHAT_SPECS = st.lists(
    st.tuples(st.sampled_from([1, 3, 4]),                         # sender (1: the persona)
              st.integers(min_value=-600, max_value=900),         # seconds from the previous
              st.one_of(st.none(), st.integers(min_value=1, max_value=30)),
              st.sampled_from(["Как быть с медитацией?", "Дыши глубже, это помогает.", "да"])),
    min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(specs=_CHAT_SPECS)
def test_reading_in_id_order_gives_what_time_order_gives(tmp_path_factory, specs):
    """Extraction reads a chat in id order when ids follow dates; the result is always the
    result of reading it by (date, id), whether or not the dates go back now and then."""
    from natasha_studio.core.dataset import extract
    from natasha_studio.core.dataset.messages import store_messages
    from natasha_studio.core.dataset.pipeline import run_extraction
    from natasha_studio.core.dataset.records import ChatRecord, MessageRecord
    from natasha_studio.core.dataset.settings import set_persona_ids
    from natasha_studio.core.store import Project

    def pairs(force_date_order: bool):
        folder = tmp_path_factory.mktemp("order")
        project = Project.create(folder / "p.nstudio", "Наташа")
        chat = ChatRecord(id=-1000000000042, name="Чат", type="private_supergroup")
        t, records = 1_700_000_000, []
        for i, (sender, gap, reply, text) in enumerate(specs, start=1):
            t += gap
            records.append(MessageRecord(chat.id, i, t, sender, f"u{sender}", text=text,
                                         reply_to_id=reply if reply != i else None))
        store_messages(project, chat, records)
        set_persona_ids(project, [1])
        original = extract._ChatExtractor._ids_follow_dates
        if force_date_order:
            extract._ChatExtractor._ids_follow_dates = lambda self: False
        try:
            run_extraction(project)
        finally:
            extract._ChatExtractor._ids_follow_dates = original
        rows = [tuple(r) for r in project.conn.execute(
            "SELECT key, origin, confidence, turns_original, quality_reasons FROM pairs"
            " ORDER BY key")]
        in_order = extract._ChatExtractor(project, {"id": chat.id, "type": chat.type,
                                                    "username": None}, {1},
                                          None)._ids_follow_dates()
        project.close()
        return rows, in_order

    fast, in_order = pairs(False)
    plain, _ = pairs(True)
    assert fast == plain
    dates = [gap for _sender, gap, _reply, _text in specs[1:]]
    assert in_order == all(gap >= 0 for gap in dates)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=12) | _TEXTS)
def test_emoji_only_matches_its_plain_definition(text):
    from natasha_studio.core.dataset import quality as q

    stripped = "".join(text.split())
    plain = bool(stripped) and not any(ch.isalnum() for ch in stripped) and any(
        q.unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf") or ord(ch) > 0x2000
        for ch in stripped)
    assert q.is_emoji_only(text) == plain
    assert bool(q._ALNUM.search(text)) == any(ch.isalnum() for ch in text)


@settings(max_examples=60, deadline=None)
@given(dates=st.lists(st.integers(min_value=-3, max_value=3), min_size=0, max_size=25),
       part=st.integers(min_value=1, max_value=4), by_id=st.booleans())
def test_reading_a_chat_in_parts_gives_the_messages_of_one_read(tmp_path_factory, dates, part,
                                                                 by_id):
    """A chat is read a few thousand messages at a time; joined, the parts are exactly the
    messages one read gives, in the same order, equal dates and negative ones included."""
    from natasha_studio.core.dataset import extract
    from natasha_studio.core.dataset.messages import store_messages
    from natasha_studio.core.dataset.records import ChatRecord, MessageRecord
    from natasha_studio.core.store import Project

    project = Project.create(tmp_path_factory.mktemp("parts") / "p.nstudio", "Наташа")
    try:
        chat = ChatRecord(id=-1000000000042, name="Чат", type="private_supergroup")
        other = ChatRecord(id=-1000000000043, name="Другой", type="private_supergroup")
        store_messages(project, chat, [MessageRecord(chat.id, i, date, 1, "u1", text=str(i))
                                       for i, date in enumerate(dates, start=1)])
        store_messages(project, other, [MessageRecord(other.id, 1, 0, 1, "u1", text="чужое")])
        order = "id" if by_id else "date, id"
        one_read = [tuple(r) for r in project.conn.execute(
            "SELECT id, date, sender_id, sender_name, text, reply_to_id, topic_id, media_type"
            f" FROM messages WHERE chat_id = ? ORDER BY {order}", (chat.id,))]
        original = extract._READ_ROWS
        extract._READ_ROWS = part
        try:
            cursor = project.conn.cursor()
            cursor.row_factory = None
            parts = list(extract._messages_in_order(cursor, chat.id, by_id=by_id))
        finally:
            extract._READ_ROWS = original
        assert parts == one_read
    finally:
        project.close()
