"""The offline meaning model: related question and answer score above unrelated ones."""

from __future__ import annotations

import math

import numpy as np
import pytest

from natasha_studio.core.meaning import DIMENSIONS, model

QUESTIONS = [
    "Как быстрее заснуть, если вечером много мыслей?",
    "Что съесть перед тренировкой утром?",
    "Подскажите, можно ли бегать при болях в колене?",
]
ANSWERS = [
    "Попробуй за час до сна убрать телефон и записать мысли в блокнот, дыхание тоже помогает уснуть.",
    "Банан или овсянку за час до тренировки, и воду.",
    "С болью в колене лучше не бегать, сходи к ортопеду, пока можно плавать.",
]


@pytest.fixture(scope="module")
def meaning():
    return model()


def test_each_question_is_closest_to_its_own_answer(meaning):
    for i, question in enumerate(QUESTIONS):
        scores = meaning.relatedness([question] * len(ANSWERS), ANSWERS)
        assert int(np.argmax(scores)) == i, (question, scores)


def test_texts_without_known_words_are_unknown_not_unrelated(meaning):
    scores = meaning.relatedness(["Как спать?", "❤️❤️", ""], ["👍", "Спи больше", "Спи"])
    assert all(math.isnan(s) for s in scores)


def test_vectors_are_unit_or_zero_and_batches_agree(meaning):
    texts = [*QUESTIONS, "😊", *ANSWERS] * 5
    vectors = meaning.vectors(texts)
    assert vectors.shape == (len(texts), DIMENSIONS)
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[norms > 0], 1, atol=1e-4) and (norms == 0).sum() == 5
    one_by_one = np.array([meaning.relatedness([q], [a])[0] for q, a in zip(QUESTIONS, ANSWERS, strict=True)])
    together = meaning.relatedness(QUESTIONS, ANSWERS, batch=2)
    assert np.allclose(one_by_one, together, atol=1e-5)


def test_pairs_must_match_in_number(meaning):
    with pytest.raises(ValueError):
        meaning.relatedness(["a"], [])
