"""Token counting with tiktoken, offline.

tiktoken downloads its encoding files on first use, which fails without internet; the app ships
them in ``resources/tiktoken`` (named as tiktoken's cache names them) and points
``TIKTOKEN_CACHE_DIR`` there before the first encoding is loaded.

Counting follows OpenAI's chat fine-tuning data-preparation notebook: 3 tokens per message, the
tokens of every string value, 1 more for a ``name``, and 3 for the reply's priming. Gemini's
tokenizer is not public, so counts for Vertex are an estimate made with ``o200k_base`` and are
labelled as such.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tiktoken

from natasha_studio.core.resources import resource

# tiktoken's cache file name (sha1 of the download URL) for each bundled encoding.
BUNDLED_ENCODINGS = {
    "o200k_base": "fb374d419588a4632f3f557e76b4b70aebbca790",
    "cl100k_base": "9b5ad71b2ce5302211f9c61530b329a4922fc6a4",
}
DEFAULT_ENCODING = "o200k_base"
TOKENS_PER_MESSAGE = 3
TOKENS_PER_NAME = 1
REPLY_PRIMING_TOKENS = 3


def ensure_offline_encodings() -> Path:
    """Make tiktoken load the bundled encoding files; returns the folder it will read.

    When the user already set ``TIKTOKEN_CACHE_DIR``, the bundled files are copied into that
    folder where missing (their own cache keeps working); otherwise the variable points at the
    bundled folder.
    """
    bundled = resource("tiktoken")
    current = os.environ.get("TIKTOKEN_CACHE_DIR")
    if not current:
        os.environ["TIKTOKEN_CACHE_DIR"] = str(bundled)
        return bundled
    target = Path(current)
    for key in BUNDLED_ENCODINGS.values():
        if not (target / key).exists() and (bundled / key).exists():
            try:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(bundled / key, target / key)
            except OSError:
                # An unwritable cache folder: fall back to the bundled one for this process.
                os.environ["TIKTOKEN_CACHE_DIR"] = str(bundled)
                return bundled
    return target


@functools.lru_cache(maxsize=8)
def get_encoding(name: str) -> tiktoken.Encoding:
    """A tiktoken encoding by name, loaded from the bundled files."""
    ensure_offline_encodings()
    return tiktoken.get_encoding(name)


def encoding_name_for_model(model: str | None) -> str:
    """The encoding an OpenAI model uses; ``o200k_base`` for unknown and non-OpenAI models.

    Fine-tuned model names (``ft:gpt-4.1-mini-2025-04-14:org::id``) use their base model's.
    """
    if not model:
        return DEFAULT_ENCODING
    base = model.split(":")[1] if model.startswith("ft:") and ":" in model[3:] else model
    try:
        return tiktoken.encoding_name_for_model(base)
    except KeyError:
        return DEFAULT_ENCODING


def encoding_for_model(model: str | None) -> tiktoken.Encoding:
    return get_encoding(encoding_name_for_model(model))


class TokenCounter:
    """Counts tokens of many strings fast: unique strings are encoded once, in a batch.

    A dataset repeats its system prompt in every example, and exports repeat question texts
    across formats, so a per-string cache pays for itself.
    """

    def __init__(self, encoding: tiktoken.Encoding | str = DEFAULT_ENCODING) -> None:
        self.encoding = get_encoding(encoding) if isinstance(encoding, str) else encoding
        self._cache: dict[str, int] = {}

    @property
    def name(self) -> str:
        return self.encoding.name

    def prime(self, texts: Iterable[str]) -> None:
        """Encode every not-yet-seen text, in a few threads (tiktoken releases the GIL).

        Texts go to the threads in large chunks: tiktoken's own batch call makes one future per
        text, which costs more than encoding a short chat message.
        """
        todo = list({t for t in texts if t not in self._cache})
        if not todo:
            return
        encode = self.encoding.encode_ordinary
        threads = max(1, min(8, os.cpu_count() or 1))
        if threads == 1 or len(todo) < 2000:
            self._cache.update((t, len(encode(t))) for t in todo)
            return
        size = -(-len(todo) // threads)
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for chunk, counts in zip(chunks, pool.map(lambda c: [len(encode(t)) for t in c], chunks),
                                     strict=True):
                self._cache.update(zip(chunk, counts, strict=True))

    def count(self, text: str) -> int:
        """Tokens in ``text`` (special-token text such as ``<|endoftext|>`` counts as text)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = len(self.encoding.encode_ordinary(text))
            self._cache[text] = cached
        return cached

    def count_messages(self, messages: Sequence[dict]) -> int:
        """Tokens of a chat example, counted the way OpenAI's data-preparation notebook does.

        Non-string values (an assistant message's ``weight``) are not text and are skipped.
        """
        total = REPLY_PRIMING_TOKENS
        for message in messages:
            total += TOKENS_PER_MESSAGE
            for key, value in message.items():
                if isinstance(value, str):
                    total += self.count(value)
                    if key == "name":
                        total += TOKENS_PER_NAME
        return total

    def count_assistant(self, messages: Sequence[dict]) -> int:
        """Tokens of the assistant messages' content (what the model is trained to write)."""
        return sum(
            self.count(m["content"])
            for m in messages
            if m.get("role") == "assistant" and isinstance(m.get("content"), str)
        )
