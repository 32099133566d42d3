"""How close two texts are in meaning, offline and on a CPU.

The Russian word vectors that ship inside the ``natasha`` wheel (navec: 250,000 words of news
and fiction, 300 dimensions, product-quantised) give every text a vector: the weighted mean of
its words' vectors, rarer words weighing more (smooth inverse frequency, ``a / (a + p(word))``),
so that "как", "это" and "я" barely count. The cosine of two such vectors says how related the
texts are: a question about sleep and an answer about sleep score well above a question about
sleep and "Спасибо, дорогая!".

Speed: a million-message chat has some 300,000 pairs, all scored during import. Vectors are
projected once onto their 128 main directions (a PCA of the most frequent words), and a text's
words are looked up in a dictionary and summed with numpy a batch at a time, so scoring costs
about a second per 100,000 pairs. Texts whose words the model does not know (English, slang,
emoji) get no vector, and their relatedness is ``nan``: unknown, not zero.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import tarfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np

EMBEDDING_FILE = "navec_news_v1_1B_250K_300d_100q.tar"
DIMENSIONS = 128         # main directions kept of the 300
MAX_WORDS = 48           # known words of a text looked at (its beginning)
SIF_A = 1e-4             # smooth inverse frequency weight: a / (a + p(word))
_PCA_SAMPLE = 20_000     # most frequent words the directions are found on
_WORD = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)?")


# What may cling to a word in chat text (split at spaces): stripped when the word as split is
# not in the vocabulary.
_CLINGING = ".,!?;:()[]{}\"'«»“”„…—–/\\|*_+=<>~`@#$%^&0123456789"


def natasha_data_dir() -> Path:
    """natasha's data folder, found without importing natasha itself (its package imports
    every tool it has: morphology, syntax, grammars)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("the natasha package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@dataclass
class Quantised:
    """navec's product-quantised vectors: vector i is ``codes[q, indexes[i, q]]`` over q."""

    meta: object
    indexes: np.ndarray   # vectors x qdim (uint8)
    codes: np.ndarray     # qdim x centroids x chunk (float32)


def read_quantised(path: Path, limit: int | None = None) -> Quantised:
    """The quantised vectors of a navec archive, read straight into their arrays (navec's own
    loader also precomputes similarity tables with a 100 MB temporary, needed by nothing here);
    ``limit``: only the first (most frequent) this many words' vectors."""
    from navec.meta import Meta
    from navec.navec import META, PQ_

    with tarfile.open(path) as tar:
        meta = Meta.from_file(tar.extractfile(tar.getmember(META)))
        Meta.check_protocol(meta.protocol)
        member = tar.getmember(PQ_)
    with open(path, "rb") as fh:
        fh.seek(member.offset_data)
        vectors, _dim, qdim, centroids = (int(v) for v in np.fromfile(fh, np.uint32, 4))
        kept = vectors if limit is None else min(limit, vectors)
        indexes = np.fromfile(fh, np.uint8, kept * qdim).reshape(kept, qdim)
        fh.seek(member.offset_data + 16 + vectors * qdim)
        size = (member.size - 16 - vectors * qdim) // 4
        codes = np.fromfile(fh, np.float32, size)
    if indexes.size != kept * qdim or codes.size != size or size % (qdim * centroids):
        raise ValueError("the embeddings file is cut short")
    return Quantised(meta, indexes, codes.reshape(qdim, centroids, -1))


def _read_vocabulary(path: Path, limit: int | None = None) -> tuple[list[str], np.ndarray]:
    from navec.navec import VOCAB

    with tarfile.open(path) as tar:
        data = gzip.decompress(tar.extractfile(tar.getmember(VOCAB)).read())
    size = int(np.frombuffer(data[:4], np.uint32)[0])
    counts = np.frombuffer(data[4:4 + 4 * size], np.uint32).astype(np.float64)
    if limit is None:
        return data[4 + 4 * size:].decode("utf-8").split("\n"), counts
    # Only the first words become strings (a quarter of a million cost some 30 MB).
    text = data[4 + 4 * size:]
    del data
    return text.decode("utf-8").split("\n", limit)[:limit], counts


class MeaningModel:
    """Text vectors and relatedness (see the module's docstring). Loads in about a second;
    use :func:`model` for the process's shared one."""

    def __init__(self, path: Path | None = None, vocabulary: int | None = None,
                 dimensions: int = DIMENSIONS) -> None:
        """``vocabulary``: keep only this many of the most frequent words; ``dimensions``:
        main directions kept. Both less: less memory and time (the whole vocabulary takes
        some 85 MB; 100,000 words and 64 directions, the pair quality score's, about 35)."""
        path = path or natasha_data_dir() / "emb" / EMBEDDING_FILE
        quantised = read_quantised(path, vocabulary)
        words, counts = _read_vocabulary(path, vocabulary)
        n = min(len(words), quantised.indexes.shape[0])
        self.dimensions = dimensions
        self._ids = {word: i for i, word in enumerate(words[:n]) if word and word[0] != "<"}
        probability = counts[:n] / max(counts[:n].sum(), 1.0)
        self._weight = (SIF_A / (SIF_A + probability)).astype(np.float32)
        self._quantised = quantised
        self._qdims = np.arange(quantised.indexes.shape[1])
        # The main directions, from the most frequent words (ids are in frequency order).
        sample = self._decode(np.arange(min(_PCA_SAMPLE, n)))
        self._mean = sample.mean(axis=0)
        centred = sample - self._mean
        _values, directions = np.linalg.eigh(centred.T @ centred)   # ascending
        self._basis = np.ascontiguousarray(directions[:, ::-1][:, :dimensions])  # 300 x dims
        self._row_of = np.full(n, -1, np.int32)   # word id -> row of _projected, -1: not yet
        self._projected = np.zeros((0, dimensions), np.float32)  # grows by doubling
        self._used = 0   # rows of _projected filled
        self._lock = threading.Lock()

    def _decode(self, ids: np.ndarray) -> np.ndarray:
        q = self._quantised
        return q.codes[self._qdims, q.indexes[ids]].reshape(len(ids), -1)

    def _rows(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Rows of the projected vectors for word ids (decoding the ones not seen before),
        and the table they index."""
        with self._lock:
            rows = self._row_of[ids]
            if (rows < 0).any():
                new = np.unique(ids[rows < 0])
                start = self._used
                if start + len(new) > len(self._projected):
                    # Doubling: a big chat meets new words batch after batch, and copying
                    # the whole table for each batch cost more than the look-ups.
                    grown = np.zeros((max(2 * len(self._projected), start + len(new), 1024),
                                      self.dimensions), np.float32)
                    grown[:start] = self._projected[:start]
                    self._projected = grown
                vectors = (self._decode(new) - self._mean) @ self._basis
                self._projected[start:start + len(new)] = vectors
                self._used = start + len(new)
                self._row_of[new] = np.arange(start, start + len(new), dtype=np.int32)
                rows = self._row_of[ids]
            return rows, self._projected

    def word_ids(self, text: str, max_words: int = MAX_WORDS) -> list[int]:
        """The known words of a text's beginning (at most ``max_words``), as vocabulary ids."""
        # Split at spaces, each piece looked up as it is, then without the punctuation
        # around it, and only then with the regex: three times faster than the regex alone
        # on chat text, where most pieces are plain words.
        get = self._ids.get
        found: list[int] = []
        for piece in text[:max_words * 12].lower().replace("ё", "е").split()[:max_words * 2]:
            i = get(piece)
            if i is None:
                i = get(piece.strip(_CLINGING))
                if i is None:
                    found.extend(j for j in map(get, _WORD.findall(piece)) if j is not None)
                    continue
            found.append(i)
        return found[:max_words]

    def vectors(self, texts: Sequence[str], max_words: int = MAX_WORDS) -> np.ndarray:
        """One unit vector per text (``texts x dimensions``) from its first ``max_words``
        known words; a row of zeros for a text with no known word."""
        word_ids = self.word_ids
        per_text = [word_ids(t, max_words) for t in texts]
        out = np.zeros((len(texts), self.dimensions), np.float32)
        lengths = np.fromiter(map(len, per_text), np.intp, len(per_text))
        if not lengths.any():
            return out
        flat = np.fromiter(chain.from_iterable(per_text), np.intp, int(lengths.sum()))
        rows, table = self._rows(flat)
        weighted = table[rows] * self._weight[flat][:, None]
        nonempty = lengths > 0
        starts = (np.cumsum(lengths) - lengths)[nonempty]
        sums = np.add.reduceat(weighted, starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[nonempty] = sums / np.maximum(norms, 1e-9)
        return out

    def relatedness(self, first: Sequence[str], second: Sequence[str],
                    batch: int = 1024, max_words: int = MAX_WORDS) -> np.ndarray:
        """Cosine of ``first[i]`` and ``second[i]``'s vectors, -1..1; ``nan`` where either text
        has no known word. ``max_words``: known words of each text's beginning looked at
        (fewer: faster)."""
        if len(first) != len(second):
            raise ValueError("relatedness needs texts in pairs")
        out = np.full(len(first), np.nan, np.float32)
        for start in range(0, len(first), batch):
            a = self.vectors(first[start:start + batch], max_words)
            b = self.vectors(second[start:start + batch], max_words)
            known = a.any(axis=1) & b.any(axis=1)
            cosine = np.einsum("ij,ij->i", a, b)
            out[start:start + batch] = np.where(known, cosine, np.nan)
        return out


_shared: MeaningModel | None = None
_shared_lock = threading.Lock()


def model() -> MeaningModel:
    """The process's meaning model, loaded on first use (about a second, some 60 MB)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = MeaningModel()
        return _shared
