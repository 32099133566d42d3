"""How well the quality score tells a real question and its answer from the rest (prints
figures; asserts nothing).

    python benchmarks/bench_quality.py            # held-out part (never tuned on) and training part
    python benchmarks/bench_quality.py --speed    # also scoring speed on generated pairs

For each part of the labelled pairs in tests/fixtures/quality: ROC AUC, the share of real pairs
scoring 0.5 or above and of the others below 0.5, the pairs on the wrong side, and the score of
a chat where nobody asks anything (members thank, greet and report; the persona answers).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def roc_auc(scores: list[float], real: list[bool]) -> float:
    """The chance that a random real pair scores above a random other one (ties: half)."""
    pos = [s for s, r in zip(scores, real, strict=True) if r]
    neg = [s for s, r in zip(scores, real, strict=True) if not r]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / max(len(pos) * len(neg), 1)


def report(name: str, pairs, scored, show_wrong: bool) -> None:
    scores = [s for s, _r in scored]
    real = [p.real for p in pairs]
    n_real = sum(real)
    above = sum(1 for s, r in zip(scores, real, strict=True) if r and s >= 0.5)
    below = sum(1 for s, r in zip(scores, real, strict=True) if not r and s < 0.5)
    print(f"{name}: {len(pairs)} pairs ({n_real} real, {len(pairs) - n_real} not)")
    print(f"  ROC AUC                      {roc_auc(scores, real):.3f}")
    print(f"  real pairs at 0.5 or above   {above / n_real:6.1%} ({above}/{n_real})")
    print(f"  other pairs below 0.5        {below / (len(pairs) - n_real):6.1%}"
          f" ({below}/{len(pairs) - n_real})")
    if show_wrong:
        for p, (s, reasons) in zip(pairs, scored, strict=True):
            if (s >= 0.5) != p.real:
                kind = "real" if p.real else "not"
                print(f"    {kind:4} {s:.2f} {p.question[:50]!r} -> {p.answer[:40]!r} {reasons}")


def silent_chat() -> list[tuple[str, str, bool, bool, float]]:
    """A 20-author chat where nobody asks anything: what proximity pairing makes of it."""
    rnd = random.Random(5)
    said = ["Спасибо за вчерашний эфир, очень вдохновило!", "Всем доброе утро ☀️",
            "Сделала сегодня зарядку, горжусь собой", "Поздравляю Свету с днём рождения!",
            "Вот фото моего завтрака", "Прочитала главу, было интересно",
            "Ура, выходные!", "Напоминаю, встреча в четверг в 19:00",
            "Была на прогулке в лесу, так хорошо", "Закончила отчёт по работе наконец",
            "Хорошего всем вечера", "Сегодня медитировала двадцать минут",
            "Делюсь статьёй https://example.com/article", "Мы с мужем съездили на море",
            "Всем спокойной ночи 🌙", "Испекла пирог по вашему рецепту"]
    replies = ["Спасибо, дорогая! ❤️", "Умничка!", "Доброе утро!", "Как здорово!",
               "Красота какая 😍", "Рада за тебя!", "Молодец, так держать!",
               "Поздравляю! 🎉", "Спокойной ночи 🌙", "Обнимаю тебя 🤗",
               "Какая ты умница, горжусь тобой", "Отличного отдыха вам!"]
    return [(rnd.choice(said), rnd.choice(replies), False, False, 0.6) for _ in range(40)]


def speed(count: int) -> None:
    from quality_data import load_pairs

    from natasha_studio.core.dataset.quality_model import score_pairs

    pairs = load_pairs("train") + load_pairs("heldout")
    items = [(p.question, p.answer, False, False, 1.0) for p in pairs]
    items = (items * (count // len(items) + 1))[:count]
    score_pairs(items[:1000])  # loads the meaning model
    started = time.perf_counter()
    score_pairs(items)
    seconds = time.perf_counter() - started
    print(f"\nscoring speed: {count:,} pairs in {seconds:.2f} s"
          f" ({count / seconds:,.0f} pairs/s, one process)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--wrong", action="store_true", help="list the pairs on the wrong side")
    args = parser.parse_args()
    from quality_data import load_pairs

    from natasha_studio.core.dataset.quality_model import score_pairs

    for part in ("heldout", "train"):
        pairs = load_pairs(part)
        scored = score_pairs([(p.question, p.answer, False, False, 1.0) for p in pairs])
        report(f"{part} part", pairs, scored, args.wrong)
    silent = score_pairs(silent_chat())
    scores = sorted(s for s, _r in silent)
    print(f"chat where nobody asks (40 proximity pairs): scores {scores[0]:.2f}..{scores[-1]:.2f},"
          f" median {scores[len(scores) // 2]:.2f}, {sum(s < 0.5 for s in scores)}/40 below 0.5")
    if args.speed:
        speed(100_000)


if __name__ == "__main__":
    main()
