"""What a privacy scan finds: a span of a pair's text, its kind and the detector that found it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from natasha_studio.core.i18n import translate

# Kinds of personal data, in the order reports list them.
KINDS = (
    "person", "username", "phone", "email", "link", "card", "address", "place",
    "organisation", "custom",
)

# Detectors, each labelled in the result so the curator sees why a span was flagged.
SOURCES = ("participant", "persona", "deny_list", "pattern", "ner", "name_dictionary")


@dataclass(frozen=True)
class Finding:
    """One span of personal data in the turn ``turn`` of a pair (offsets into its text).

    ``key`` identifies the value (a participant, a normalised name, a phone's digits), so the
    same person gets the same pseudonym wherever they are mentioned.
    """

    turn: int
    start: int
    end: int
    kind: str
    source: str
    text: str
    key: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(int(data["turn"]), int(data["start"]), int(data["end"]), data["kind"],
                   data["source"], data["text"], data["key"])

    def overlaps(self, other: Finding) -> bool:
        return self.turn == other.turn and self.start < other.end and other.start < self.end


def kind_label(kind: str) -> str:
    """The kind's name for people (translated)."""
    labels = {
        "person": translate("Privacy", "Name"),
        "username": translate("Privacy", "Username"),
        "phone": translate("Privacy", "Phone"),
        "email": translate("Privacy", "E-mail"),
        "link": translate("Privacy", "Profile link"),
        "card": translate("Privacy", "Card number"),
        "address": translate("Privacy", "Address"),
        "place": translate("Privacy", "Place"),
        "organisation": translate("Privacy", "Organisation"),
        "custom": translate("Privacy", "Deny-list word"),
    }
    return labels.get(kind, kind)


def source_label(source: str) -> str:
    """The detector's name for people (translated)."""
    labels = {
        "participant": translate("Privacy", "chat participant"),
        "persona": translate("Privacy", "persona"),
        "deny_list": translate("Privacy", "deny-list"),
        "pattern": translate("Privacy", "pattern"),
        "ner": translate("Privacy", "language model (NER)"),
        "name_dictionary": translate("Privacy", "name dictionary"),
    }
    return labels.get(source, source)
