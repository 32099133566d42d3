"""Streaming reader of Telegram Desktop ``result.json`` files.

An export can be hundreds of megabytes, so the file is read in chunks and only the messages
arrays are parsed, a batch of whole messages at a time, by orjson: memory stays flat whatever
the file's size, and parsing runs close to orjson's own speed.

How batches are cut without a full JSON tokenizer: Telegram Desktop pretty-prints, so every
message of an array starts on its own line at one indentation, and a JSON string never holds a
raw newline. The text ``"\\n" + indent + "}"`` therefore closes a message and nothing else, and
everything up to its last occurrence in the buffer is a run of whole messages. Files without
that layout (minified) are read one message at a time instead, using the position orjson
reports when a document is followed by more content.

Known export defects are repaired on the fly (only for a batch that fails to parse, so clean
files pay nothing): ``\\xNN`` escapes, which are not JSON, become ``\\u00NN``; unquoted
custom-emoji ``document_id`` values get their quotes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate

CHUNK_SIZE = 4 << 20
_MESSAGES_KEY = re.compile(rb'"messages"\s*:\s*\[')
# Structural bytes of JSON; strings are skipped with bytes.find, so that a long string costs
# nothing but the pass over it (a regex for a whole string held ~120 bytes per character).
_STRUCT = re.compile(rb'["{}\[\],]')
# Bytes of whole messages parsed at once where messages are not laid out one line each.
_SINGLE_BATCH = 1 << 20
_DECODE = json.JSONDecoder().raw_decode
_BAD_ESCAPE = re.compile(rb"(?<!\\)((?:\\\\)*)\\x([0-9a-fA-F]{2})")
_UNQUOTED_DOC_ID = re.compile(rb'("document_id"\s*:\s*)(?![\s"\-0-9\[{nft])([^\r\n,}]+?)(\s*[\r\n,}])')
_WS = b" \t\r\n"
_GAP_LIMIT = 64 << 20


class ExportError(StudioError):
    """A file that cannot be read as a Telegram Desktop export."""


def repair(data: bytes) -> bytes:
    """Fix the known invalid-JSON defects of Telegram Desktop exports in ``data``."""
    data = _BAD_ESCAPE.sub(rb"\1\\u00\2", data)

    def quote(m: re.Match) -> bytes:
        value = m.group(2).strip().replace(b"\\", b"\\\\").replace(b'"', b'\\"')
        return m.group(1) + b'"' + value + b'"' + m.group(3)

    return _UNQUOTED_DOC_ID.sub(quote, data)


@dataclass
class ExportChat:
    """One chat of an export: its header fields and a one-pass stream of message batches."""

    header: dict[str, Any]
    batches: Iterator[list[dict[str, Any]]] = field(repr=False)


class ExportReader:
    """Reads one ``result.json``; iterate :meth:`chats` once, consuming each chat's batches."""

    def __init__(self, path: Path | str, chunk_size: int = CHUNK_SIZE) -> None:
        self.path = Path(path)
        self.chunk_size = chunk_size
        self.size = 0
        self._fh: BinaryIO | None = None
        self._buf = b""
        self._pos = 0
        self._base = 0          # file offset of _buf[0]
        self._eof = False
        self.skipped = 0        # elements of a messages array that are not objects

    # -- public ------------------------------------------------------------------------------

    @property
    def position(self) -> int:
        """Bytes of the file consumed so far (for progress)."""
        return self._base + self._pos

    def chats(self) -> Iterator[ExportChat]:
        try:
            self._fh = self.path.open("rb")
            self.size = self.path.stat().st_size
        except OSError as exc:
            raise ExportError(
                translate("Import", "The file {name} cannot be read: {reason}").format(
                    name=self.path.name, reason=exc.strerror or exc),
                translate("Import", "Check that the file exists and that you may open it."),
            ) from exc
        try:
            yield from self._chats()
        finally:
            self._fh.close()

    # -- buffer ------------------------------------------------------------------------------

    def _fill(self) -> bool:
        """Read the next chunk, dropping what was consumed; False at the end of the file."""
        if self._eof:
            return False
        try:
            chunk = self._fh.read(self.chunk_size)
        except OSError as exc:
            raise ExportError(translate("Import", "Reading {name} failed: {reason}").format(
                name=self.path.name, reason=exc.strerror or exc)) from exc
        if self._pos:
            self._base += self._pos
            self._buf = self._buf[self._pos:]
            self._pos = 0
        if not chunk:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _skip_ws(self) -> bytes:
        """Skip whitespace; the next byte, or b'' at the end of the file."""
        while True:
            buf, pos = self._buf, self._pos
            while pos < len(buf) and buf[pos] in _WS:
                pos += 1
            self._pos = pos
            if pos < len(buf):
                return buf[pos:pos + 1]
            if not self._fill():
                return b""

    def _line_at(self, index: int) -> int:
        return self._lines_before_buffer() + self._buf.count(b"\n", 0, index) + 1

    def _lines_before_buffer(self) -> int:
        """Newlines in the file before the buffer: counted only when an error names a line
        (counting them as the file is read cost a pass over every byte)."""
        count, left = 0, self._base
        try:
            with self.path.open("rb") as fh:
                while left > 0:
                    block = fh.read(min(left, 1 << 22))
                    if not block:
                        break
                    count += block.count(b"\n")
                    left -= len(block)
        except OSError:
            pass  # the line number is then counted from the buffer's start
        return count

    def _error(self, index: int, what: str) -> ExportError:
        return ExportError(
            translate("Import", "{name} is damaged near line {line}: {what}").format(
                name=self.path.name, line=self._line_at(index), what=what),
            translate("Import", "Export the chat again from Telegram Desktop (format: JSON). "
                      "Nothing was imported from this file."),
        )

    def _truncated(self) -> ExportError:
        return ExportError(
            translate("Import", "{name} ends in the middle of the messages (line {line}).").format(
                name=self.path.name, line=self._line_at(len(self._buf))),
            translate("Import", "The file was probably cut short while copying or downloading. "
                      "Copy it again, or export the chat again. Nothing was imported from it."),
        )

    # -- structure ---------------------------------------------------------------------------

    def _chats(self) -> Iterator[ExportChat]:
        self._fill()
        if self._buf.startswith(b"\xef\xbb\xbf"):
            self._pos = 3
        first = self._skip_ws()
        if first != b"{":
            raise ExportError(
                translate("Import", "{name} is not a Telegram export: it is not a JSON file.").format(
                    name=self.path.name) if first not in (b"[",) else
                translate("Import", "{name} is not a Telegram export.").format(name=self.path.name),
                translate("Import", "In Telegram Desktop choose Export chat history, format "
                          "\"Machine-readable JSON\", and pick the result.json it writes."),
            )
        found = 0
        while True:
            match = _MESSAGES_KEY.search(self._buf, self._pos)
            while match is None:
                if found and len(self._buf) - self._pos > _GAP_LIMIT:
                    # Far past the last chat: drop the gap so memory stays flat.
                    self._pos = len(self._buf) - 64
                if not self._fill():
                    break
                match = _MESSAGES_KEY.search(self._buf, self._pos)
            if match is None:
                break
            header = self._header(self._buf[self._pos:match.start()])
            self._pos = match.end()
            found += 1
            batches = self._messages()
            yield ExportChat(header, batches)
            for _ in batches:  # the caller may stop early: skip what it left
                pass
        if found and not self._ends_whole():
            raise ExportError(
                translate("Import", "{name} ends between two chats: the file was cut short.").format(
                    name=self.path.name),
                translate("Import", "Copy the file again, or export the chats again. Nothing was "
                          "imported from it."),
            )
        if not found:
            raise ExportError(
                translate("Import", "{name} has no messages: it is not a Telegram chat export.").format(
                    name=self.path.name),
                translate("Import", "In Telegram Desktop choose Export chat history, format "
                          "\"Machine-readable JSON\", and pick the result.json it writes."),
            )

    def _ends_whole(self) -> bool:
        """Whether the file ends as a JSON document does (a cut between two chats leaves no
        messages key to find, so the chats after the cut would go missing without a word)."""
        try:
            self._fh.seek(max(0, self.size - 256))
            tail = self._fh.read().rstrip()
        except OSError:
            return True  # reading failed: what was read parsed, and the rest is not known
        return tail.endswith(b"}")

    @staticmethod
    def _header(gap: bytes) -> dict[str, Any]:
        """The scalar fields (name, type, id) of the object that owns a messages key."""
        last_open = -1
        for index, char in _structure(gap):
            if char == 0x7B:  # {
                last_open = index
        if last_open < 0:
            return {}
        text = gap[last_open:].rstrip()
        text = text + (b"" if text.endswith((b",", b"{")) else b",") + b'"messages": []}'
        for candidate in (text, repair(text)):
            try:
                value = orjson.loads(candidate)
            except orjson.JSONDecodeError:
                continue
            return value if isinstance(value, dict) else {}
        return {}

    # -- messages ----------------------------------------------------------------------------

    def _messages(self) -> Iterator[list[dict[str, Any]]]:
        start = self._pos
        nxt = self._skip_ws()
        if nxt == b"]":
            self._pos += 1
            return
        if not nxt:
            raise self._truncated()
        ws = self._buf[start:self._pos] if self._pos >= start else b""
        if b"\n" in ws:
            indent = ws[ws.rfind(b"\n") + 1:]
            yield from self._pretty_batches(indent)
        else:
            yield from self._single_messages()

    def _pretty_batches(self, indent: bytes) -> Iterator[list[dict[str, Any]]]:
        marker = b"\n" + indent + b"}"
        array_end = (re.compile(rb"\n[ \t]{0,%d}\]" % (len(indent) - 1)) if indent
                     else re.compile(rb"(?!)"))
        while True:
            # Nearly always everything up to the last message end is messages. Parsing it
            # fails when the array ends before that (another chat's messages follow): only
            # then is the end looked for (a pass over every line of the file otherwise).
            idx = self._buf.rfind(marker, self._pos)
            items = self._parse_batch(self._pos, idx + len(marker), quiet=True) \
                if idx >= 0 else None
            if items is None:
                end_match = array_end.search(self._buf, self._pos)
                limit = end_match.start() if end_match else len(self._buf)
                idx = self._buf.rfind(marker, self._pos, limit)
                if idx < 0:
                    if end_match is not None or len(self._buf) - self._pos > self.chunk_size:
                        # Only a partial or oddly laid-out message is left, or the messages
                        # are not laid out as Telegram does (each on one line, say): read on
                        # element by element, never the whole file into memory.
                        yield from self._single_messages()
                        return
                    if not self._fill():
                        # The end of the file and no message end of this layout: read what is
                        # left element by element (it says where a cut file ends).
                        yield from self._single_messages()
                        return
                    continue
                items = self._parse_batch(self._pos, idx + len(marker))
            end = idx + len(marker)
            yield items
            self._pos = end
            nxt = self._skip_ws()
            if nxt == b",":
                self._pos += 1
            elif nxt == b"]":
                self._pos += 1
                return
            elif not nxt:
                raise self._truncated()
            else:
                raise self._error(self._pos, translate("Import", "a message is not followed by a comma"))

    def _parse_batch(self, start: int, end: int, *,
                     quiet: bool = False) -> list[dict[str, Any]] | None:
        """The messages in ``_buf[start:end]``; ``quiet``: None when that is not a run of
        clean JSON objects, instead of repairing it or raising."""
        buf = self._buf
        while start < end and buf[start] in b" \t\r\n,":
            start += 1
        body = memoryview(buf)[start:end]
        data = b"".join((b"[", body, b"]"))  # one copy of a few MB, not two
        try:
            items = orjson.loads(data)
        except orjson.JSONDecodeError:
            if quiet:
                return None
            fixed = repair(data)
            try:
                items = orjson.loads(fixed)
            except orjson.JSONDecodeError as exc:
                line = self._line_at(end - len(body)) + exc.lineno - 1
                raise ExportError(
                    translate("Import", "{name} is damaged near line {line}: {what}").format(
                        name=self.path.name, line=line, what=exc.msg),
                    translate("Import", "Export the chat again from Telegram Desktop (format: JSON). "
                              "Nothing was imported from this file."),
                ) from exc
        if not all(isinstance(item, dict) for item in items):
            if quiet:
                return None
            # A number or a list where a message should be: valid JSON, counted and skipped.
            kept = [item for item in items if isinstance(item, dict)]
            self.skipped += len(items) - len(kept)
            return kept
        return items

    def _single_messages(self) -> Iterator[list[dict[str, Any]]]:
        """Messages of an array not laid out as Telegram does. One message per line (as other
        tools write JSON) is cut at line ends, as a raw newline is never inside a JSON string;
        otherwise (minified) messages are decoded one after another about a megabyte at a time,
        and one longer than that is delimited by a scan that resumes across reads. Time is
        linear in the file, memory a small multiple of the longest message."""
        lines = True
        while True:
            nxt = self._skip_ws()
            if nxt == b",":
                self._pos += 1
                continue
            if nxt == b"]":
                self._pos += 1
                return
            if not nxt:
                raise self._truncated()
            start = self._pos
            if lines:
                cut = self._line_cut(start)
                items = self._parse_batch(start, cut, quiet=True) if cut > start else None
                if items is not None:
                    yield items
                    self._pos = cut
                    continue
                if cut > start:
                    lines = False  # lines are not whole messages here (or the array ends)
            items, end = self._decode_some(start)
            if items is None:
                end = self._scan_one(start)
                items = self._parse_long(self._pos, end)
            yield items
            self._pos = end

    def _line_cut(self, start: int) -> int:
        """The end of the last whole line after ``start``, without its comma: the end of a run
        of messages when each is on its own line."""
        buf = self._buf
        idx = buf.rfind(b"\n", start)
        if idx < 0:
            if not self._eof and len(buf) - start < self.chunk_size:
                return start  # a partial line: read on first
            idx = len(buf)
        while idx > start and buf[idx - 1] in b" \t\r\n,":
            idx -= 1
        return idx

    def _decode_some(self, start: int) -> tuple[list[dict[str, Any]] | None, int]:
        """Whole elements from ``start`` (about ``_SINGLE_BATCH`` bytes of them) decoded with
        the standard library's scanner, which reports where each ends; (None, start) when
        not even the first is whole in the buffer or it is not clean JSON."""
        raw = bytes(memoryview(self._buf)[start:start + 2 * _SINGLE_BATCH])
        # surrogateescape keeps one character per undecodable byte, so positions map back.
        text = raw.decode("utf-8", "surrogateescape")
        items: list[Any] = []
        i = done = 0
        n = len(text)
        while done < _SINGLE_BATCH:
            while i < n and text[i] in " \t\r\n,":
                i += 1
            if i >= n or text[i] == "]":
                break
            try:
                value, i = _DECODE(text, i)
            except ValueError:
                break
            items.append(value)
            done = i
        if not items:
            return None, start
        kept = [item for item in items if isinstance(item, dict)]
        self.skipped += len(items) - len(kept)
        return kept, start + len(text[:done].encode("utf-8", "surrogateescape"))

    def _parse_long(self, start: int, end: int) -> list[dict[str, Any]]:
        """One element longer than a batch (a very long text). The standard library's parser
        holds about two copies of it; orjson reserves a working pool many times its size."""
        try:
            value = json.loads(bytes(memoryview(self._buf)[start:end]))
        except ValueError:
            return self._parse_batch(start, end)  # repairs what it can, or says where it fails
        if isinstance(value, dict):
            return [value]
        self.skipped += 1
        return []

    def _scan_one(self, start: int) -> int:
        """The end of the element at ``start``, reading on as far as it goes."""
        scan = _Scan(start)
        while True:
            end = scan.run(self._buf)
            if end is not None:
                return end
            scan.rebase(self._pos)
            if not self._fill_more():
                raise self._truncated()
            scan.restore(self._pos)

    def _fill_more(self) -> bool:
        """``_fill`` that grows the read with the element being read, so that one very long
        message is read in a few large reads rather than re-copied at every 4 MB."""
        size = self.chunk_size
        self.chunk_size = max(size, len(self._buf) - self._pos)
        try:
            return self._fill()
        finally:
            self.chunk_size = size


class _Scan:
    """Finds where one JSON element ends, resumable when the buffer ends first."""

    __slots__ = ("depth", "in_string", "pos", "start")

    def __init__(self, start: int) -> None:
        self.start = start      # where the element starts in the buffer
        self.pos = start        # where scanning resumes
        self.depth = 0
        self.in_string = False

    def rebase(self, origin: int) -> None:
        self.start -= origin
        self.pos -= origin

    def restore(self, origin: int) -> None:
        self.start += origin
        self.pos += origin

    def run(self, buf: bytes) -> int | None:
        """The end (exclusive) of the element, or None when ``buf`` ends first."""
        i, depth, search = self.pos, self.depth, _STRUCT.search
        while True:
            if self.in_string:
                j = buf.find(b'"', i)
                if j < 0:
                    self.pos, self.depth = len(buf), depth
                    return None
                k = j
                while k > self.start and buf[k - 1] == 0x5C:  # backslashes before the quote
                    k -= 1
                i = j + 1
                if (j - k) % 2 == 0:
                    self.in_string = False
                continue
            m = search(buf, i)
            if m is None:
                self.pos, self.depth = len(buf), depth
                return None
            char, i = buf[m.start()], m.end()
            if char == 0x22:  # "
                self.in_string = True
            elif char in (0x7B, 0x5B):  # { [
                depth += 1
            elif char in (0x7D, 0x5D):  # } ]
                if depth == 0:
                    return m.start()  # the array's end, after a bare value
                depth -= 1
                if depth == 0:
                    return i
            elif depth == 0:  # a comma after a bare value
                return m.start()


def _structure(data: bytes) -> Iterator[tuple[int, int]]:
    """(index, byte) of each structural byte of ``data`` outside strings."""
    i, in_string, search = 0, False, _STRUCT.search
    while True:
        if in_string:
            j = data.find(b'"', i)
            if j < 0:
                return
            k = j
            while k > 0 and data[k - 1] == 0x5C:
                k -= 1
            i = j + 1
            in_string = (j - k) % 2 == 1
            continue
        m = search(data, i)
        if m is None:
            return
        char, i = data[m.start()], m.end()
        if char == 0x22:
            in_string = True
        else:
            yield m.start(), char
