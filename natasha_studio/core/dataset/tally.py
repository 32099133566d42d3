"""What extraction decided about each of the persona's turns, counted as it runs.

Extraction looks at the persona's turns only (a member's turn makes no pair by itself), and
each one meets one deciding rule: it becomes a pair, or it is too short, replies to her own
message or to a channel post, or, written without "Reply", has no member's message right
before it within the answer window. The tally counts each outcome, so that a low or zero
pair count can be explained in plain words (see ``why.py``).

For answers that came later than the window it keeps how many would have come in under a
few wider windows: a wider window changes nothing else (a turn it admits answers the member's
turn just before it, which no other turn of hers can answer by proximity), so the pairs it
would add are known without running extraction again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

# Wider answer windows the curator is offered, in seconds: an hour, three hours, a day.
WIDER_WINDOWS = (3600, 3 * 3600, 24 * 3600)


@dataclass(slots=True)
class ExtractionTally:
    """Counts of the persona's turns by the rule that decided about them."""

    persona_messages: int = 0   # her messages in the included chats
    persona_turns: int = 0      # ... grouped into turns (messages written in a row)
    replied: int = 0            # pairs from "Reply" to a member (comments included)
    implicit: int = 0           # pairs from an answer right after a member, without "Reply"
    too_short: int = 0          # shorter than the minimum answer length
    reply_to_self: int = 0      # "Reply" to her own message: she goes on, nobody asked
    reply_to_post: int = 0      # "Reply" to a channel post: a remark on the post
    first_in_chat: int = 0      # without "Reply", nothing before it in the chat or topic
    after_self: int = 0         # without "Reply", right after her own turn (posts, announcements)
    after_post: int = 0         # without "Reply", right after a channel post
    after_unknown: int = 0      # without "Reply", after a message of an unknown sender
    already_answered: int = 0   # without "Reply", after a question she answered with "Reply"
    implicit_off: int = 0       # would pair by proximity, but such pairs are switched off
    too_late: int = 0           # without "Reply", after a member but later than the window
    late_within: dict[int, int] = field(
        default_factory=lambda: dict.fromkeys(WIDER_WINDOWS, 0))  # window -> late turns inside it

    @property
    def pairs(self) -> int:
        return self.replied + self.implicit

    # -- counting (called by the extractor, once per persona turn) ------------------------------

    def paired(self, origin: str) -> None:
        if origin == "implicit":
            self.implicit += 1
        else:
            self.replied += 1

    def rejected_reply(self, to_self: bool) -> None:
        if to_self:
            self.reply_to_self += 1
        else:
            self.reply_to_post += 1

    def unpaired(self, block: Any, previous: Any, previous_is_persona: bool,
                 settings: Any) -> None:
        """A turn with no question by "Reply": say which proximity rule left it out (the
        same rules, in the same order, as the extractor; the switch for such pairs last, so
        that turning it on can be previewed like a wider window)."""
        if previous is None:
            self.first_in_chat += 1
        elif previous.answered:
            self.already_answered += 1
        elif previous_is_persona:
            self.after_self += 1
        elif previous.is_post:
            self.after_post += 1
        elif previous.sender_id is None:
            self.after_unknown += 1
        else:
            delay = block.first_date - previous.last_date
            if delay <= settings.implicit_window_s:
                self.implicit_off += 1
                return
            self.too_late += 1
            for window, count in self.late_within.items():
                if delay <= window:
                    self.late_within[window] = count + 1

    # -- previews ------------------------------------------------------------------------------

    def added_by_window(self, window_s: int, implicit_now: bool, window_now: int) -> int:
        """How many pairs answering within ``window_s`` (answers without "Reply" switched on)
        would add to the pairs counted here, for the windows offered."""
        if window_s not in self.late_within or window_s <= window_now:
            return 0 if implicit_now else self.implicit_off
        return self.late_within[window_s] + (0 if implicit_now else self.implicit_off)

    # -- storage -------------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["late_within"] = {str(k): v for k, v in self.late_within.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractionTally:
        names = {f.name for f in fields(cls)} - {"late_within"}
        tally = cls(**{k: int(v) for k, v in data.items() if k in names})
        late = data.get("late_within") or {}
        tally.late_within = {w: int(late.get(str(w), 0)) for w in WIDER_WINDOWS}
        return tally
