"""Why so few pairs: the last extraction's tally in plain sentences, the usual slips (no persona
ticked, an account that wrote nothing here, a persona who posts as her channel), and how many
pairs a wider answer window would add.

The tally of the last run is kept in the project (setting ``extraction_tally``) with the persona
and settings it was counted for. Where there is none (a project extracted before the tally
existed), ``dry_run`` counts it again without writing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from natasha_studio.core.dataset.extract import extract_pairs
from natasha_studio.core.dataset.settings import ExtractionSettings, persona_ids
from natasha_studio.core.dataset.tally import WIDER_WINDOWS, ExtractionTally
from natasha_studio.core.i18n import TranslationContext, translate
from natasha_studio.core.store import Project

TALLY_SETTING = "extraction_tally"

Why = TranslationContext("Why")


@dataclass
class Finding:
    """One plain sentence; ``tick`` is an account the curator may tick as the persona's."""

    text: str
    tick: int | None = None
    tick_name: str = ""


@dataclass
class WindowOption:
    """A wider answer window and the pairs it would add."""

    seconds: int
    added: int
    text: str


@dataclass
class Explanation:
    pairs: int
    turns: int = 0  # the persona's turns (messages written in a row)
    findings: list[Finding] = field(default_factory=list)
    options: list[WindowOption] = field(default_factory=list)

    @property
    def worth_showing(self) -> bool:
        """Whether the count is low enough to explain: none, or fewer pairs than the turns
        of hers that made none (a window that would add pairs is always worth a look)."""
        return bool(self.findings) and (self.pairs == 0 or bool(self.options)
                                        or self.turns - self.pairs > self.pairs)


def save_tally(project: Project, tally: ExtractionTally, persona: set[int],
               settings: ExtractionSettings) -> None:
    project.set_setting(TALLY_SETTING, {"persona": sorted(persona), "settings": asdict(settings),
                                        "tally": tally.as_dict()})


def stored_tally(project: Project) -> tuple[ExtractionTally, ExtractionSettings] | None:
    """The last run's tally and its settings, if it was counted for today's persona."""
    stored = project.get_setting(TALLY_SETTING, {}) or {}
    if not stored or sorted(stored.get("persona", [])) != sorted(persona_ids(project)):
        return None
    names = set(ExtractionSettings.__dataclass_fields__)
    settings = ExtractionSettings(**{k: v for k, v in (stored.get("settings") or {}).items()
                                     if k in names})
    return ExtractionTally.from_dict(stored.get("tally") or {}), settings


def dry_run(project: Project, settings: ExtractionSettings | None = None,
            progress: Callable[..., None] | None = None) -> ExtractionTally:
    """Count what extraction would decide, writing nothing (pairs are made and dropped).

    ``progress(done, total, detail)`` gets chats done out of all chats, and ``(0, 0, "")``
    now and then within a long chat; it may raise ``Cancelled`` to stop."""
    settings = settings or ExtractionSettings.load(project)
    tally = ExtractionTally()

    def on_chat(index: int, total: int, name: str) -> None:
        if progress is not None:
            progress(index, total, name)

    for count, _pair in enumerate(extract_pairs(project, set(persona_ids(project)), settings,
                                                on_chat=on_chat, tally=tally)):
        if progress is not None and count % 5000 == 4999:
            progress(0, 0, "")  # lets a cancel land during a long chat
    return tally


def explain_last_run(project: Project,
                     progress: Callable[..., None] | None = None) -> Explanation:
    """The last run's report in plain words; counted again, writing nothing, where the
    project holds none for today's persona (``progress`` as for ``dry_run``)."""
    stored = stored_tally(project)
    if stored is None:
        settings = ExtractionSettings.load(project)
        stored = dry_run(project, settings, progress), settings
    return explain(project, *stored)


def plain_lines(explanation: Explanation) -> list[str]:
    """The explanation as lines of plain text (the command line prints them)."""
    if not explanation.worth_showing:
        return []
    lines = [translate("Why", "No pairs found. Why:") if explanation.pairs == 0
             else translate("Why", "Why so few pairs:")]
    lines += [f"  - {finding.text}" for finding in explanation.findings]
    if explanation.options:
        lines.append(translate("Why", "A wider answer window would find more pairs:"))
        lines += [f"  - {option.text} (--answer-window {option.seconds})"
                  for option in explanation.options]
    return lines


def duration_text(seconds: int) -> str:
    """A window as people say it: "10 minutes", "3 hours", "1 day"."""
    if seconds >= 86400 and seconds % 86400 == 0:
        return Why.tr("%n day(s)", None, seconds // 86400)
    if seconds >= 3600 and seconds % 3600 == 0:
        return Why.tr("%n hour(s)", None, seconds // 3600)
    if seconds >= 60 and seconds % 60 == 0:
        return Why.tr("%n minute(s)", None, seconds // 60)
    return Why.tr("%n second(s)", None, seconds)


def explain(project: Project, tally: ExtractionTally | None,
            settings: ExtractionSettings) -> Explanation:
    """The plain-words account of a pair count, from ``tally`` counted with ``settings``."""
    persona = set(persona_ids(project))
    if not persona:
        return Explanation(0, findings=[Finding(translate(
            "Why", "No persona is ticked: tick her account in the list of people, and her "
                   "channel if its posts are hers."))])
    if tally is None:
        return Explanation(0)
    result = Explanation(tally.pairs, tally.persona_turns)
    add = result.findings.append
    if tally.persona_messages == 0:
        add(Finding(translate("Why", "The ticked account wrote no messages in these chats: it may "
                                     "be the wrong account.")))
        result.findings.extend(_suggestions(project, persona))
        return result
    add(Finding(Why.tr("The persona wrote %n message(s) in these chats.", None,
                       tally.persona_messages)))
    if tally.persona_turns != tally.persona_messages:
        add(Finding(Why.tr("Messages she sent in a row count as one answer: %n answer(s) in all.",
                           None, tally.persona_turns)))
    if tally.replied:
        add(Finding(Why.tr("%n reply(ies) to members' messages became pairs.", None,
                           tally.replied)))
    if tally.implicit:
        add(Finding(Why.tr("%n answer(s) written without \u201cReply\u201d right after a member's "
                           "message became pairs too.", None, tally.implicit)))
    window = duration_text(settings.implicit_window_s)
    reasons = [
        (tally.too_late, Why.tr(
            "%n answer(s) without \u201cReply\u201d came later than %1 after the member's message "
            "(the answer window), so they were left out.", None, tally.too_late)
         .replace("%1", window)),
        (tally.implicit_off, Why.tr(
            "%n answer(s) without \u201cReply\u201d follow a member's message, but pairing such "
            "answers is switched off.", None, tally.implicit_off)),
        (tally.after_self, Why.tr(
            "%n message(s) follow her own message with no question in between: posts, "
            "announcements, thoughts she went on with.", None, tally.after_self)),
        (tally.reply_to_self, Why.tr(
            "%n message(s) reply to her own message, not to a member's question.", None,
            tally.reply_to_self)),
        (tally.reply_to_post, Why.tr(
            "%n message(s) reply to a channel post: a remark on the post, not an answer to a "
            "member.", None, tally.reply_to_post)),
        (tally.after_post, Why.tr(
            "%n message(s) come right after a channel post, with no member's question before "
            "them.", None, tally.after_post)),
        (tally.first_in_chat, Why.tr(
            "%n message(s) open a chat or a topic: nothing came before them.", None,
            tally.first_in_chat)),
        (tally.already_answered, Why.tr(
            "%n message(s) follow a question she had already answered with \u201cReply\u201d.",
            None, tally.already_answered)),
        (tally.after_unknown, Why.tr(
            "%n message(s) follow a message whose author the export does not name.", None,
            tally.after_unknown)),
        (tally.too_short, Why.tr(
            "%n message(s) are too short to be an answer (under %1 characters).", None,
            tally.too_short).replace("%1", str(settings.min_answer_chars))),
    ]
    for count, text in sorted(reasons, key=lambda r: -r[0]):
        if count:
            add(Finding(text))
    if tally.pairs == 0 and not _members_write(project, persona):
        add(Finding(translate(
            "Why", "Nobody but the persona writes in these chats (a channel?): pairs need "
                   "members' questions. Import the discussion group or the chats where she "
                   "answers people.")))
    result.options = window_options(tally, settings)
    if tally.too_late and not result.options:
        add(Finding(translate("Why", "Those late answers came more than a day after the "
                                     "question: a wider window would not find them.")))
    return result


def window_options(tally: ExtractionTally, settings: ExtractionSettings) -> list[WindowOption]:
    """The wider windows that would add pairs, each with how many."""
    options = []
    for seconds in WIDER_WINDOWS:
        if seconds <= settings.implicit_window_s and settings.implicit:
            continue
        added = tally.added_by_window(seconds, settings.implicit, settings.implicit_window_s)
        if added and (not options or added > options[-1].added):
            options.append(WindowOption(seconds, added, Why.tr(
                "Within %1: %n more pair(s)", None, added).replace("%1", duration_text(seconds))))
    return options


def _suggestions(project: Project, persona: set[int]) -> list[Finding]:
    """Who the persona may be instead: a channel that posts here, else the most active person."""
    rows = project.conn.execute(
        "SELECT m.sender_id, coalesce(p.name, max(m.sender_name), '') AS name, count(*) AS n"
        " FROM messages m JOIN chats c ON c.id = m.chat_id AND c.included = 1"
        " LEFT JOIN participants p ON p.id = m.sender_id"
        " WHERE m.kind = 'message' AND m.sender_id IS NOT NULL"
        " AND m.sender_id NOT IN (SELECT value FROM json_each(?))"
        " GROUP BY m.sender_id ORDER BY n DESC, m.sender_id LIMIT 50",
        (str(sorted(persona)),)).fetchall()
    channels = [r for r in rows if r["sender_id"] < 0]
    if channels:
        best = channels[0]
        return [Finding(Why.tr(
            "The channel \u201c%1\u201d has %n post(s) here: if she writes as the channel, tick it "
            "as hers.", None, best["n"]).replace("%1", best["name"]), best["sender_id"],
            best["name"])]
    if rows:
        best = rows[0]
        return [Finding(Why.tr(
            "\u201c%1\u201d wrote the most here (%n message(s)): is that her account?", None,
            best["n"]).replace("%1", best["name"]), best["sender_id"], best["name"])]
    return []


def _members_write(project: Project, persona: set[int]) -> bool:
    """Whether anyone other than the persona and channels wrote in the included chats."""
    row = project.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM messages m JOIN chats c ON c.id = m.chat_id"
        " AND c.included = 1 WHERE m.kind = 'message' AND m.sender_id >= 0"
        " AND m.sender_id NOT IN (SELECT value FROM json_each(?)))",
        (str(sorted(persona)),)).fetchone()
    return bool(row[0])
