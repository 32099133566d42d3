"""The hand-labelled pairs of ``tests/fixtures/quality`` (see its README), for tests, the
quality benchmark and fitting the default weights."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "fixtures" / "quality"


@dataclass(frozen=True)
class LabelledPair:
    question: str
    answer: str
    real: bool   # a real question (or request) and its answer
    chat: str    # the kind of chat it comes from


def load_pairs(part: str) -> list[LabelledPair]:
    """``train`` or ``heldout``."""
    pairs: list[LabelledPair] = []
    chat = ""
    for number, line in enumerate((FOLDER / f"{part}.txt").read_text("utf-8").splitlines(), 1):
        if line.startswith("# chat:"):
            chat = line.removeprefix("# chat:").strip()
        if not line.strip() or line.startswith("#"):
            continue
        label, _, rest = line.partition(" ")
        question, sep, answer = rest.partition(" | ")
        if label not in "+-" or not sep:
            raise ValueError(f"{part}.txt:{number}: not a labelled pair")
        pairs.append(LabelledPair(question.replace("\\n", "\n").strip(),
                                  answer.replace("\\n", "\n").strip(), label == "+", chat))
    return pairs
