"""Precision and recall of the detectors over the labelled fixture (printed, with floors)."""

from __future__ import annotations

from collections import Counter

from fixtures.privacy.labelled import load_sentences, setup_project

from natasha_studio.core.privacy.detector import detector_for

# Kinds that are personal data in every project; places and organisations are reported too,
# but whether "Москва" must go is the curator's choice, so they are not held to a floor.
PERSONAL = {"person", "username", "phone", "email", "link", "card", "address"}
# place and address are one thing for matching: a street inside a city is still found.
_GROUP = {"address": "location", "place": "location"}


def _same(kind_a: str, kind_b: str) -> bool:
    return _GROUP.get(kind_a, kind_a) == _GROUP.get(kind_b, kind_b)


def evaluate(project):
    sentences = load_sentences()
    detector = detector_for(project)
    predicted = detector.detect([text for text, _ in sentences])
    tp, fp, fn = Counter(), Counter(), Counter()
    misses, false_alarms = [], []
    for (text, gold), found in zip(sentences, predicted, strict=True):
        matched_pred = set()
        for gs, ge, gk in gold:
            hit = next((i for i, (ps, pe, pk, _, _) in enumerate(found)
                        if ps < ge and gs < pe and _same(pk, gk)), None)
            if hit is None:
                fn[gk] += 1
                misses.append(f"{gk}: {text[gs:ge]!r} in {text!r}")
            else:
                tp[gk] += 1
                matched_pred.add(hit)
        for i, (ps, pe, pk, source, _) in enumerate(found):
            # A second finding inside one labelled span ("г. Москва" + "ул. Тверская, 12" in
            # one address) is no false alarm.
            inside = any(ps < ge and gs < pe and _same(pk, gk) for gs, ge, gk in gold)
            if i not in matched_pred and not inside:
                fp[pk] += 1
                false_alarms.append(f"{pk} ({source}): {text[ps:pe]!r} in {text!r}")
    return sentences, tp, fp, fn, misses, false_alarms


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def test_precision_and_recall_over_labelled_fixture(project):
    setup_project(project)
    sentences, tp, fp, fn, misses, false_alarms = evaluate(project)
    assert len(sentences) >= 100
    print(f"\nprivacy fixture: {len(sentences)} sentences, {sum((tp + fn).values())} labelled spans")
    for kind in sorted(set(tp) | set(fp) | set(fn)):
        print(f"  {kind:13} precision {_ratio(tp[kind], tp[kind] + fp[kind]):.2f}"
              f"  recall {_ratio(tp[kind], tp[kind] + fn[kind]):.2f}"
              f"  (tp {tp[kind]}, fp {fp[kind]}, fn {fn[kind]})")
    ptp = sum(tp[k] for k in PERSONAL)
    pfp = sum(fp[k] for k in PERSONAL)
    pfn = sum(fn[k] for k in PERSONAL)
    precision, recall = _ratio(ptp, ptp + pfp), _ratio(ptp, ptp + pfn)
    print(f"  personal data: precision {precision:.2f}, recall {recall:.2f}")
    for line in misses:
        print("  missed:", line)
    for line in false_alarms:
        print("  false alarm:", line)
    # Floors below the measured figures (see the printout), so that a regression fails.
    assert recall >= 0.90
    assert precision >= 0.85
