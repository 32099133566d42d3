"""A model's answer, corrected by the curator, saved back into the dataset as a new pair."""

from __future__ import annotations

from collections.abc import Sequence

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.pairs import Turn, add_pair
from natasha_studio.core.provider import ChatMessage
from natasha_studio.core.store import Project


def save_corrected_answer(project: Project, conversation: Sequence[ChatMessage],
                          corrected_answer: str, *, model_name: str = "",
                          original_answer: str = "") -> int:
    """Save ``conversation`` (ending with the member's question) + the corrected answer as a pair.

    The pair's origin is 'model' (written by a curator from a model's answer, not taken from
    Telegram); its note says which model gave the first draft. Returns the new pair's id.
    """
    turns = [Turn("user" if m.role == "user" else "assistant", m.content)
             for m in conversation if m.role in ("user", "assistant") and m.content.strip()]
    if not turns or turns[-1].role != "user":
        raise StudioError(translate("Chat", "There is no question to pair this answer with."))
    if not corrected_answer.strip():
        raise StudioError(translate("Chat", "The answer is empty."),
                          translate("Chat", "Write what the persona would answer."))
    turns.append(Turn("assistant", corrected_answer.strip()))
    note = translate("Chat", "Written by the curator from an answer of {model}.").format(
        model=model_name or translate("Chat", "a model"))
    if original_answer and original_answer.strip() == corrected_answer.strip():
        note = translate("Chat", "An answer of {model}, accepted unchanged by the curator.").format(
            model=model_name or translate("Chat", "a model"))
    return add_pair(project, turns, origin="model", notes=note)
