"""Russian named-entity recognition (people, places, organisations) with ``natasha``.

natasha's news NER model (slovnet with navec embeddings) ships inside the natasha wheel and
runs on numpy alone, offline. It loads once per process, in about a second.

Only the embeddings' quantised vectors are read from the navec archive: the tagger has a
word list of its own, and uses nothing else of navec's. Loading the whole archive through
navec (its 250,000-word list, and similarity tables precomputed with a 100 MB temporary)
would add over 100 MB to the window's process at its peak, for nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.meaning import EMBEDDING_FILE, natasha_data_dir, read_quantised

_BATCH = 32
_MODEL = "slovnet_ner_news_v1.tar"
_KINDS = {"PER": "person", "LOC": "place", "ORG": "organisation"}
_lock = threading.Lock()
_tagger = None


@dataclass
class _Quantised:
    indexes: np.ndarray   # vectors x qdim
    codes: np.ndarray     # qdim x centroids x chunk


@dataclass
class _Embeddings:
    """What slovnet's ``NER.navec`` reads of a navec model: its id and quantised vectors."""

    meta: object
    pq: _Quantised


def _embeddings(path: Path) -> _Embeddings:
    """navec's quantised vectors, without navec's word list (see the module's docstring)."""
    found = read_quantised(path)
    return _Embeddings(found.meta, _Quantised(found.indexes, found.codes))


def _load():
    global _tagger
    with _lock:
        if _tagger is None:
            try:
                from slovnet import NER

                data = natasha_data_dir()
                tagger = NER.load(str(data / "model" / _MODEL))
                tagger.navec(_embeddings(data / "emb" / EMBEDDING_FILE))
                tagger.batch_size = tagger.infer.encoder.batch_size = _BATCH
                _tagger = tagger
            except (ImportError, OSError, ValueError) as exc:
                raise StudioError(
                    translate("Privacy", "The name recogniser could not be loaded: {reason}").format(
                        reason=exc),
                    translate("Privacy", "Reinstall Natasha Studio; names of chat participants "
                                         "and patterns still work without it."),
                ) from exc
        return _tagger


def entities(texts: Iterable[str]) -> list[list[tuple[int, int, str]]]:
    """For each text, its entities as ``(start, end, kind)`` with kind person/place/organisation.

    Texts are tagged in one batch, which is several times faster than one by one.
    """
    texts = list(texts)
    if not texts:
        return []
    tagger = _load()
    # Texts of similar length share a batch, so little time goes on padding.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    # The model's matrices are small: BLAS threads only fight each other (several times
    # slower on a busy two-core machine), so one thread does the work. The tagger's numpy
    # state is not documented as thread-safe, hence the lock.
    with _lock, threadpool_limits(limits=1, user_api="blas"):
        markups = tagger.map([texts[i] if texts[i].strip() else " " for i in order])
        for i, markup in zip(order, markups, strict=True):
            out[i] = [(s.start, s.stop, _KINDS[s.type]) for s in markup.spans if s.type in _KINDS]
    return out
