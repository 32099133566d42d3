"""Pattern detectors: phones, e-mails, @mentions, profile links, card numbers, street addresses.

Each returns ``(start, end, kind, key)`` tuples for one text. Candidates are validated after
the regular expression matches (digit counts, the Luhn checksum) so that dates, prices and
order numbers are not taken for phones or cards.
"""

from __future__ import annotations

import re

Match = tuple[int, int, str, str]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")

# Profile links on the networks a community's members use; a link to an article is not
# personal data, a link to a person's page is.
_PROFILE_LINK = re.compile(
    r"(?<![\w/])(?:https?://)?(?:www\.)?"
    r"(?:t\.me|telegram\.me|telegram\.dog|wa\.me|vk\.com|vk\.ru|m\.vk\.com|ok\.ru|"
    r"instagram\.com|instagr\.am|facebook\.com|fb\.com|m\.facebook\.com|twitter\.com|x\.com|"
    r"tiktok\.com|linkedin\.com/in|youtube\.com/(?:@|c/|channel/|user/)|github\.com|"
    r"threads\.net|dzen\.ru|zen\.yandex\.ru|taplink\.cc|linktr\.ee)"
    r"/?[\w@+\-./%?=&#]*[\w/]",
    re.IGNORECASE,
)

_MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z][A-Za-z0-9_]{3,31})\b")

# Sequences of digits and the separators people type between them.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?\d[\d\s\-().]{7,22}\d|\(?\d[\d\s\-().]{8,18}\d)(?![\w])"
)
_CARD = re.compile(r"(?<![\d])(?:\d{4}[ \-]?){3}\d{1,7}(?![\d])")

_STREET_RU = (
    r"(?i:ул\.|улица|улице|улицы|улицу|пр-т|пр\.|проспект|проспекте|пер\.|переулок|переулке|"
    r"б-р|бульвар|бульваре|шоссе|наб\.|набережная|набережной|пл\.|площадь|площади|мкр\.?|"
    r"микрорайон|микрорайоне|проезд|проезде|тупик)"
)
_ADDRESS_RU = re.compile(
    r"(?<![\w])" + _STREET_RU + r"\s+(?:[А-ЯЁA-Z0-9][\w\-]*\.?\s*){1,3}"
    r"(?:,?\s*(?i:д\.|дом)?\s*\d+[а-яА-Я]?(?:/\d+)?)?"
    r"(?:,?\s*(?i:к\.|корп\.|корпус|стр\.)\s*\d+)?"
    r"(?:,?\s*(?i:кв\.|квартира|кв)\s*\d+)?",
)
_ADDRESS_EN = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Court|Ct|Way|Place|Pl)\b\.?"
    r"(?:,?\s*(?:Apt|Apartment|Suite|Unit)\.?\s*\d+\w?)?"
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def luhn_valid(digits: str) -> bool:
    """The checksum every payment card number carries."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _phone_key(candidate: str) -> str | None:
    """The normalised number if ``candidate`` looks like a phone, else None."""
    digits = _digits(candidate)
    stripped = candidate.strip()
    if stripped.startswith("+"):
        return digits if 10 <= len(digits) <= 15 else None
    # Without "+": Russian numbers written 8XXXXXXXXXX / 7XXXXXXXXXX, or a mobile 9XXXXXXXXX.
    if len(digits) == 11 and digits[0] in "78":
        return "7" + digits[1:]
    if len(digits) == 10 and digits[0] == "9":
        # A run of ten bare digits with no separators is more often an id than a phone.
        if re.search(r"[\s\-()]", stripped):
            return "7" + digits
    return None


def find_cards(text: str) -> list[Match]:
    out = []
    for m in _CARD.finditer(text):
        digits = _digits(m.group())
        if not 13 <= len(digits) <= 19 or len(set(digits)) < 2:
            continue
        # Four groups of four typed with separators read as a card even with a typo in it;
        # a bare run of digits must also pass the checksum.
        grouped = len(digits) == 16 and re.fullmatch(r"(?:\d{4}[ \-]){3}\d{4}", m.group())
        if grouped or luhn_valid(digits):
            out.append((m.start(), m.end(), "card", "card:" + digits[-4:]))
    return out


def find_phones(text: str) -> list[Match]:
    out = []
    for m in _PHONE.finditer(text):
        raw = m.group()
        # The match may swallow a trailing ")" or "." typed after the number.
        trimmed = raw.rstrip(").- ")
        if trimmed.count("(") < trimmed.count(")"):
            trimmed = trimmed.rstrip(")")
        key = _phone_key(trimmed)
        if key is None:
            continue
        if re.fullmatch(r"\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}", trimmed):
            continue  # a date
        out.append((m.start(), m.start() + len(trimmed), "phone", "phone:" + key))
    return out


def find_emails(text: str) -> list[Match]:
    return [(m.start(), m.end(), "email", "email:" + m.group().lower()) for m in _EMAIL.finditer(text)]


def find_links(text: str) -> list[Match]:
    out = []
    for m in _PROFILE_LINK.finditer(text):
        value = m.group()
        path = re.sub(r"^(?:https?://)?(?:www\.)?[^/]+/?", "", value, flags=re.IGNORECASE)
        if not path.strip("/"):
            continue  # the network's home page names nobody
        out.append((m.start(), m.end(), "link", "link:" + value.lower().rstrip("/")))
    return out


def find_mentions(text: str) -> list[Match]:
    return [(m.start(), m.end(), "username", "user:" + m.group(1).lower())
            for m in _MENTION.finditer(text)]


def find_addresses(text: str) -> list[Match]:
    out = []
    for rx in (_ADDRESS_RU, _ADDRESS_EN):
        for m in rx.finditer(text):
            value = m.group().rstrip(" ,.")
            # "на улице" alone is no address: a street needs a name after the word.
            if len(value.split()) < 2:
                continue
            key = "address:" + re.sub(r"\s+", " ", value.lower())
            out.append((m.start(), m.start() + len(value), "address", key))
    return out


def find_patterns(text: str) -> list[Match]:
    """Every pattern match in ``text``; overlaps are resolved by the caller."""
    return (find_emails(text) + find_links(text) + find_mentions(text) + find_cards(text)
            + find_phones(text) + find_addresses(text))
