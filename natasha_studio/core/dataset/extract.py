"""Pair extraction: from stored messages to question→answer candidates in the persona's voice.

One pass over each chat in time order, streaming (memory does not grow with the chat):

1. **Turns.** Consecutive messages of one sender in the same chat and forum topic, each within
   ``merge_gap_s`` of the previous, make one turn (a new explicit reply starts a new turn).
2. **Explicit replies.** A persona turn that replies to a member's message makes a pair; the
   reply chain above the question (up to ``max_context_turns``) becomes the context.
3. **Channel comments.** When the chain reaches a channel post (in a discussion group, the
   automatic forward of the post), the post opens the context and the pair is a ``comment``.
4. **Proximity.** A persona turn that replies to nothing (or to a message missing from the
   export) and follows a member's turn in the same chat and topic within
   ``implicit_window_s`` makes a lower-confidence ``implicit`` pair.

A pair's key is ``"<chat id>:<first message id of the answer>"``: the same answer gets the
same key on every run, so curator edits, statuses and labels stay attached to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import orjson

from natasha_studio.core.dataset.records import CHANNEL_SHIFT, bare_id
from natasha_studio.core.dataset.settings import ExtractionSettings
from natasha_studio.core.dataset.tally import ExtractionTally
from natasha_studio.core.store import Project

# Message ids whose turn is kept in memory for reply look-ups (older ones: SQL), in two
# generations: when the newer holds this many messages or this many characters of text, it
# becomes the older and the older goes at once (dropping the oldest entries of one dict bit
# by bit cost more). So the latest messages are at hand, and memory stays within some 50 MB
# however long the messages are.
_CACHE_LIMIT = 25_000
_CACHE_CHARS = 6_000_000
_READ_ROWS = 5_000  # messages read at a time (see _messages_in_order)

# A turn as plain values, in Turn's field order: role, text, sender id, sender name,
# message ids, date (plain tuples cross to the helper far cheaper than objects).
TurnValues = Sequence  # [str, str, int | None, str | None, list[int], int | None]

def turns_json(turns: Sequence[TurnValues]) -> bytes:
    """What ``pairs.turns_to_json`` writes for the same turns (a test checks it), as UTF-8
    bytes: the writer stores them with ``CAST(? AS TEXT)``, which saves decoding the JSON
    into a string only for SQLite to encode it back."""
    return orjson.dumps([
        {"role": role, "text": text, "sender_id": sender_id, "sender_name": sender_name,
         "message_ids": message_ids, "date": date}
        for role, text, sender_id, sender_name, message_ids, date in turns])


def message_ids_json(turns: Sequence[TurnValues]) -> bytes:
    """The message ids of all turns as a JSON list, UTF-8 bytes (see ``turns_json``)."""
    return orjson.dumps([i for turn in turns for i in turn[4]])


def question_and_answer(turns: Sequence[TurnValues]) -> tuple[str, str]:
    """``pairs.question_and_answer`` on plain turn values."""
    answer = turns[-1][1] if turns and turns[-1][0] == "assistant" else ""
    question = next((t[1] for t in reversed(turns[:-1]) if t[0] == "user"), "")
    return question, answer


@dataclass(slots=True)
class Block:
    """A turn in the making: one sender's consecutive messages."""

    sender_id: int | None
    sender_name: str | None
    topic: int | None
    first_date: int
    last_date: int
    reply_to: int | None
    ids: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    media: bool = False
    answered: bool = False  # a persona turn already answered it explicitly

    @property
    def text(self) -> str:
        texts = self.texts
        if len(texts) == 1:
            return texts[0]  # most turns are one message
        return "\n".join(filter(None, texts))

    @property
    def is_post(self) -> bool:
        # A channel (or a group writing as itself) wrote it: a post, not a member.
        return self.sender_id is not None and self.sender_id < 0


@dataclass
class ExtractedPair:
    key: str
    chat_id: int
    origin: str              # reply | implicit | comment
    confidence: float
    turns: list[list]        # turn values: role, text, sender id, sender name, message ids, date
    asker_id: int | None
    question_date: int | None
    answer_date: int | None
    link: str | None
    question: str = ""       # the last member turn's text
    answer: str = ""         # the persona's final turn's text
    question_media_only: bool = False
    answer_media_only: bool = False


def message_link(chat_id: int, chat_type: str, username: str | None, msg_id: int) -> str | None:
    """A t.me link to a message, where Telegram has one (channels and supergroups)."""
    if msg_id <= 0:
        return None  # messages of an upgraded basic group have no link
    if username:
        return f"https://t.me/{username}/{msg_id}"
    if chat_id <= -CHANNEL_SHIFT:
        return f"https://t.me/c/{bare_id(chat_id)}/{msg_id}"
    return None


class _ChatExtractor:
    def __init__(self, project: Project | None, chat: dict, persona: set[int],
                 settings: ExtractionSettings, tally: ExtractionTally | None = None,
                 reader: sqlite3.Connection | None = None) -> None:
        self.conn = reader or project.conn
        self.tally = tally
        self.chat_id = chat["id"]
        self.chat_type = chat["type"]
        self.username = chat["username"]
        self.persona = persona
        self.s = settings
        self.by_id: dict[int, Block] = {}     # message id -> its turn: the latest
        self.older: dict[int, Block] = {}     # ... and those before them
        self.open: dict[int | None, Block] = {}      # topic -> turn being built
        self.previous: dict[int | None, Block] = {}  # topic -> last closed turn
        self.earlier: dict[int | None, Block | None] = {}  # topic -> the turn closed before it

    # -- turns -------------------------------------------------------------------------------

    def _lookup(self, msg_id: int) -> Block | None:
        block = self.by_id.get(msg_id) or self.older.get(msg_id)
        if block is not None:
            return block
        row = self.conn.execute(
            "SELECT id, date, sender_id, sender_name, text, reply_to_id, topic_id, media_type, kind"
            " FROM messages WHERE chat_id = ? AND id = ?", (self.chat_id, msg_id)).fetchone()
        if row is None or row["kind"] != "message":
            return None
        return Block(row["sender_id"], row["sender_name"], row["topic_id"], row["date"],
                     row["date"], row["reply_to_id"], [row["id"]], [row["text"]],
                     bool(row["media_type"]))

    def _ids_follow_dates(self) -> bool:
        """Whether ordering the chat's messages by (date, id) gives them in id order (an
        import of another messenger's history, or dates without a time zone, may not)."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        ids = cursor.execute("SELECT id FROM messages WHERE chat_id = ? ORDER BY date, id",
                             (self.chat_id,))  # the date index alone, no table rows
        last = None
        for (msg_id,) in ids:
            if last is not None and msg_id < last:
                return False
            last = msg_id
        return True

    def run(self) -> Iterator[ExtractedPair]:
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples: a Row object per message costs
        # Time order. Ids nearly always follow it: then the rows are read in the table's own
        # order, a plain walk, instead of through the date index (a look-up per message).
        rows = _messages_in_order(cursor, self.chat_id, by_id=self._ids_follow_dates())
        gap = self.s.merge_gap_s
        by_id = self.by_id
        open_turns = self.open
        chars = 0  # of the texts in the newer generation
        for msg_id, date, sender, name, text, reply_to, topic, media in rows:
            current = open_turns.get(topic)
            if (current is not None and current.sender_id == sender and sender is not None
                    and date - current.last_date <= gap
                    and (reply_to is None or reply_to == current.reply_to
                         or reply_to in current.ids)):
                current.ids.append(msg_id)
                current.texts.append(text)
                current.last_date = date
                current.media = current.media or bool(media)
                block = current
            else:
                if current is not None:
                    yield from self._close(current)
                block = Block(sender, name, topic, date, date, reply_to, [msg_id], [text],
                              bool(media))
                open_turns[topic] = block
            by_id[msg_id] = block
            chars += len(text)
            if len(by_id) >= _CACHE_LIMIT or chars >= _CACHE_CHARS:
                self.older = by_id
                self.by_id = by_id = {}
                chars = 0
        for block in list(self.open.values()):
            yield from self._close(block)

    # -- pairs -------------------------------------------------------------------------------

    def _close(self, block: Block) -> Iterator[ExtractedPair]:
        previous = self.previous.get(block.topic)
        earlier = self.earlier.get(block.topic)
        self.earlier[block.topic] = previous
        self.previous[block.topic] = block
        if block.sender_id not in self.persona:
            return
        # The tally counts only the persona's turns, at each rule that decides about one:
        # a few additions per answer, nothing per member message.
        tally = self.tally
        if tally is not None:
            tally.persona_turns += 1
            tally.persona_messages += len(block.ids)
        if len(block.text) < self.s.min_answer_chars and not block.media:
            if tally is not None:
                tally.too_short += 1
            return
        question: Block | None = None
        origin, confidence = "reply", 1.0
        if block.reply_to is not None:
            question = self._lookup(block.reply_to)
            if question is not None and (question.sender_id in self.persona or question.is_post):
                if tally is not None:
                    tally.rejected_reply(question.sender_id in self.persona)
                return  # continues its own message, or remarks on a post: no question
        if question is None:
            if (not self.s.implicit or previous is None or previous.answered
                    or previous.sender_id in self.persona or previous.is_post
                    or previous.sender_id is None
                    or block.first_date - previous.last_date > self.s.implicit_window_s):
                if tally is not None:
                    tally.unpaired(block, previous, previous is not None
                                   and previous.sender_id in self.persona, self.s)
                return
            delay = block.first_date - previous.last_date
            question, origin = self._with_text_before(previous, earlier), "implicit"
            confidence = round(0.7 - 0.4 * max(delay, 0) / max(self.s.implicit_window_s, 1), 3)
        if tally is not None:
            tally.paired(origin)
        question.answered = True
        yield self._pair(block, question, origin, confidence)

    def _with_text_before(self, question: Block, earlier: Block | None) -> Block:
        """A photo (or other media) without text as the question of a proximity pair: when
        the same member wrote just before it (their text turn, not yet answered), the two
        are the question together ("Как вам мой шарф?" and then the photo); else the photo
        alone, which the quality score takes down as media without text."""
        if (not question.media or question.text.strip() or earlier is None
                or earlier.sender_id != question.sender_id or earlier.answered
                or not earlier.text.strip()
                or question.first_date - earlier.last_date > self.s.implicit_window_s):
            return question
        earlier.answered = True
        return Block(earlier.sender_id, earlier.sender_name, earlier.topic, earlier.first_date,
                     question.last_date, earlier.reply_to, earlier.ids + question.ids,
                     earlier.texts + question.texts, True)

    def _pair(self, answer: Block, question: Block, origin: str,
              confidence: float) -> ExtractedPair:
        chain: list[Block] = []
        seen = {id(question), id(answer)}
        target = question.reply_to
        while target is not None and len(chain) < self.s.max_context_turns:
            above = self._lookup(target)
            if above is None or id(above) in seen:
                break
            seen.add(id(above))
            chain.append(above)
            if above.is_post:
                if origin == "reply":
                    origin = "comment"
                break
            target = above.reply_to
        chain.reverse()
        persona = self.persona
        # Turns as plain values in Turn's field order (see TurnValues): they cross
        # to the scoring process as they are.
        turns: list[list] = []
        for block in [*chain, question, answer]:
            role = "assistant" if block.sender_id in persona else "user"
            text = block.text
            if turns and turns[-1][0] == role and block is not answer:
                last = turns[-1]
                last[1] = "\n".join(t for t in (last[1], text) if t)
                last[4] = last[4] + block.ids
                continue
            turns.append([role, text, block.sender_id, block.sender_name, list(block.ids),
                          block.first_date])
        while len(turns) > 2 and turns[0][0] == "assistant" and origin != "comment":
            turns.pop(0)  # a training example opens with the member, unless a post sets it up
        question_text, answer_text = question_and_answer(turns)
        return ExtractedPair(
            key=f"{self.chat_id}:{answer.ids[0]}",
            chat_id=self.chat_id,
            origin=origin,
            confidence=confidence,
            turns=turns,
            asker_id=question.sender_id,
            question_date=question.first_date,
            answer_date=answer.first_date,
            question=question_text,
            answer=answer_text,
            link=message_link(self.chat_id, self.chat_type, self.username, answer.ids[0]),
            question_media_only=question.media and not question.text.strip(),
            answer_media_only=answer.media and not answer.text.strip(),
        )


def _messages_in_order(cursor: sqlite3.Cursor, chat_id: int, *,
                       by_id: bool) -> Iterator[tuple]:
    """A chat's messages in time order, read ``_READ_ROWS`` at a time, each part in a read
    of its own: one read of a whole big chat would pin the project's write-ahead log for
    as long as finding its pairs takes, so nothing written meanwhile could be copied into
    the file, even when the curator stops editing for a while (see ``core.wal``). The
    extraction writes no messages, and nothing else writes them while it runs (see
    ``writer.claim``), so the parts join up exactly."""
    columns = ("SELECT id, date, sender_id, sender_name, text, reply_to_id, topic_id, media_type"
               " FROM messages WHERE chat_id = ? AND kind = 'message'")
    if by_id:
        sql = f"{columns} AND id > ? ORDER BY id LIMIT {_READ_ROWS}"
        after: tuple = (-(2 ** 63),)
    else:
        sql = f"{columns} AND (date, id) > (?, ?) ORDER BY date, id LIMIT {_READ_ROWS}"
        after = (-(2 ** 63), -(2 ** 63))
    while True:
        part = cursor.execute(sql, (chat_id, *after)).fetchall()
        yield from part
        if len(part) < _READ_ROWS:
            return
        last = part[-1]
        after = (last[0],) if by_id else (last[1], last[0])


def extract_pairs(
    project: Project,
    persona: set[int],
    settings: ExtractionSettings,
    chat_ids: list[int] | None = None,
    on_chat: Callable[[int, int, str], None] | None = None,
    tally: ExtractionTally | None = None,
    reader: sqlite3.Connection | None = None,
) -> Iterator[ExtractedPair]:
    """Stream the pairs of every included chat (or of ``chat_ids``).

    ``on_chat(index, total, name)`` is called as each chat starts (progress, cancellation).
    ``tally``, when given, counts what became of each of the persona's turns (see tally.py).
    Messages are read through ``reader`` when given (see ``pipeline._reading``).
    """
    return pairs_from(reader or project.conn, persona, settings, chat_ids, on_chat, tally)


def pairs_from(
    conn: sqlite3.Connection,
    persona: set[int],
    settings: ExtractionSettings,
    chat_ids: list[int] | None = None,
    on_chat: Callable[[int, int, str], None] | None = None,
    tally: ExtractionTally | None = None,
) -> Iterator[ExtractedPair]:
    """``extract_pairs`` reading through ``conn`` alone (rows as ``sqlite3.Row``): a helper
    process finds pairs this way on a read-only connection of its own (see ``finder``)."""
    if not persona:
        return
    rows = conn.execute(
        "SELECT id, name, type, username FROM chats WHERE included = 1 ORDER BY name, id").fetchall()
    chats = [dict(r) for r in rows if chat_ids is None or r["id"] in chat_ids]
    for index, chat in enumerate(chats):
        if on_chat is not None:
            on_chat(index, len(chats), chat["name"])
        yield from _ChatExtractor(None, chat, persona, settings, tally, conn).run()
