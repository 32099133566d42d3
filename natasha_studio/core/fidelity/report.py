"""The report card's content, read from the project, and the card as a standalone HTML page.

``card_data`` gathers what the card shows (the window draws it, ``report_html`` writes it):
each model's line, its best and worst answers beside her real ones, the curator's blind votes,
and the score across the project's fine-tunes, drawn in the page as an SVG chart.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from natasha_studio.core.chat.blind import win_rates
from natasha_studio.core.fidelity import storage
from natasha_studio.core.fidelity.aggregate import ModelResult
from natasha_studio.core.fidelity.axes import axis_name, explanation
from natasha_studio.core.fidelity.storage import Example
from natasha_studio.core.i18n import TranslationContext, language, number, translate
from natasha_studio.core.store import Project

# Plurals: lupdate reads "Fidelity.tr(text, None, n)" as a counted entry of this context.
Fidelity = TranslationContext("Fidelity")


@dataclass
class Votes:
    rate: float | None     # 0..100
    low: float
    high: float
    count: int


@dataclass
class CardData:
    title: str
    questions: int
    results: list[ModelResult]
    best: dict[int, list[Example]] = field(default_factory=dict)
    worst: dict[int, list[Example]] = field(default_factory=dict)
    votes: dict[int, Votes] = field(default_factory=dict)
    history: list[ModelResult] = field(default_factory=list)
    judged: bool = False
    stopped: bool = False

    def axes(self) -> list[str]:
        """The axes the card shows: style and meaning, the judge and votes where there are."""
        return ["style", "meaning"] + (["judge"] if self.judged else []) + (
            ["votes"] if any(v.count for v in self.votes.values()) else [])


def card_data(project: Project, run_id: int, examples: int = 1) -> CardData | None:
    """Everything the card of a stored run shows; None if there is no such run."""
    run = next((r for r in storage.list_runs(project) if r["id"] == run_id), None)
    if run is None:
        return None
    results = storage.run_results(project, run_id)
    data = CardData(run["title"], int(run["options"].get("questions") or 0), results,
                    judged=bool(run["options"].get("judge_model")),
                    stopped=run["status"] == "stopped")
    for r in results:
        data.best[r.model_id], data.worst[r.model_id] = storage.examples(
            project, run_id, r.model_id, examples)
    for rate in win_rates(project):
        if rate.model_id is not None and rate.rate is not None:
            low, high = rate.interval
            data.votes[rate.model_id] = Votes(100 * rate.rate, 100 * low, 100 * high,
                                              rate.decided)
    data.history = storage.score_history(project)
    return data


def _value(value: float | None) -> str:
    return "—" if value is None else number(value, 0)


def _bar(value: float | None, low: float | None = None, high: float | None = None) -> str:
    width = 0.0 if value is None else max(0.0, min(100.0, value))
    whisker = ""
    if low is not None and high is not None:
        whisker = (f'<span class="ci" style="left:{max(0.0, low):.1f}%;'
                   f'width:{max(0.0, min(100.0, high) - max(0.0, low)):.1f}%"></span>')
    return f'<span class="bar"><span class="fill" style="width:{width:.1f}%"></span>{whisker}</span>'


def _history_svg(history: list[ModelResult]) -> str:
    w, h, left, bottom, top = 640, 220, 36, 40, 10
    plot_w, plot_h = w - left - 16, h - top - bottom
    parts = [f'<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img">']
    for v in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - v / 100)
        parts.append(f'<line x1="{left}" x2="{w - 16}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
    step = plot_w / max(len(history), 1)
    points = []
    for i, r in enumerate(history):
        x = left + step * (i + 0.5)
        y = top + plot_h * (1 - (r.score or 0) / 100)
        points.append(f"{x:.1f},{y:.1f}")
        if r.low is not None and r.high is not None:
            y1, y2 = top + plot_h * (1 - r.low / 100), top + plot_h * (1 - r.high / 100)
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y1:.1f}" y2="{y2:.1f}" class="ci"/>')
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" class="dot"/>'
                     f'<text x="{x + 7:.1f}" y="{y - 6:.1f}">{_value(r.score)}</text>'
                     f'<text x="{x:.1f}" y="{h - bottom + 18}" text-anchor="middle">'
                     f'{html.escape(r.name[:28])}</text>')
    if len(points) > 1:
        parts.insert(1, f'<polyline points="{" ".join(points)}" class="line"/>')
    parts.append("</svg>")
    return "".join(parts)


def _example(heading: str, e: Example, name: str) -> str:
    esc = html.escape
    return (f'<div class="example"><b>{esc(heading)}</b> · '
            f'{esc(translate("Fidelity", "score {score}").format(score=_value(e.score)))}'
            f'<p class="muted">{esc(translate("Fidelity", "Question: {text}").format(text=e.question))}</p>'
            f'<div class="two"><div><p class="muted">{esc(translate("Fidelity", "Her real answer"))}'
            f'</p><p>{esc(e.real_answer)}</p></div><div><p class="muted">{esc(name)}</p>'
            f'<p>{esc(e.answer)}</p></div></div></div>')


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:980px;margin:24px auto;
color:#1d1b24;background:#fff;line-height:1.4;padding:0 16px}
h1{font-size:1.4em;margin-bottom:4px}.muted{color:#5f5c6d;margin:2px 0}
.model{border:1px solid #c9c5d8;border-radius:8px;padding:12px 14px;margin:14px 0}
.head{display:flex;align-items:baseline;gap:12px}.name{font-weight:600;font-size:1.1em;flex:1}
.score{font-size:1.8em;font-weight:600}
.bar{display:inline-block;position:relative;width:100%;height:10px;background:#e4e1ee;border-radius:3px}
.fill{position:absolute;left:0;top:0;bottom:0;background:#6d4fd8;border-radius:3px}
.ci{position:absolute;top:4px;height:2px;background:#1d1b24}
table.axes{width:100%;border-collapse:collapse;margin-top:6px}
table.axes td{padding:3px 6px}table.axes td.bar-cell{width:60%}
.examples{display:flex;gap:10px;margin-top:10px}
.example{flex:1;border:1px solid #e4e1ee;border-radius:6px;padding:8px;font-size:.95em}
.two{display:flex;gap:10px}.two>div{flex:1}
svg text{font-size:11px;fill:#5f5c6d}svg .grid{stroke:#e4e1ee}
svg .line{fill:none;stroke:#6d4fd8;stroke-width:2}svg .dot{fill:#6d4fd8}svg line.ci{stroke:#1d1b24}
"""


def report_html(data: CardData) -> str:
    """The card as one HTML page with nothing to fetch (the chart is inline SVG)."""
    esc = html.escape
    title = translate("Fidelity", "How much each model sounds like her")
    sub = Fidelity.tr("{title} · %n held-out question(s)", None, data.questions).format(
        title=data.title)
    if data.stopped:
        sub += " · " + translate("Fidelity", "stopped before the end: scored on the answers it has")
    out = [f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
           f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{esc(title)}</h1><p class=\"muted\">{esc(sub)} · "
           f"{dt.date.today().isoformat()}</p>"]
    out += [f'<p class="muted">{esc(explanation(a))}</p>' for a in ["score", *data.axes()]]
    for r in data.results:
        likely = translate("Fidelity", "likely {low}–{high}").format(low=_value(r.low),
                                                                     high=_value(r.high))
        out.append(f'<div class="model"><div class="head"><span class="name">{esc(r.name)}'
                   f'</span><span class="muted">{esc(likely)}</span><span class="score">'
                   f"{_value(r.score)}</span></div>{_bar(r.score, r.low, r.high)}"
                   '<table class="axes">')
        for axis in data.axes():
            if axis == "votes":
                v = data.votes.get(r.model_id)
                value = v.rate if v else None
                note = Fidelity.tr("%n votes", None, v.count) if v else ""
            else:
                value, note = getattr(r, axis), ""
            out.append(f"<tr><td>{esc(axis_name(axis))}</td><td class=\"bar-cell\">"
                       f"{_bar(value)}</td><td>{_value(value)} {esc(note)}</td></tr>")
        out.append("</table>")
        if r.errors:
            missing = Fidelity.tr("Unanswered questions: %n. The score leaves them out.",
                                  None, r.errors)
            out.append(f'<p class="muted">{esc(missing)}</p>')
        examples = [_example(translate("Fidelity", "Closest to hers"), e, r.name)
                    for e in data.best.get(r.model_id, [])[:1]]
        examples += [_example(translate("Fidelity", "Furthest from hers"), e, r.name)
                     for e in data.worst.get(r.model_id, [])[:1]]
        if examples:
            out.append('<div class="examples">' + "".join(examples) + "</div>")
        out.append("</div>")
    if len(data.history) >= 2:
        out.append(f"<h2>{esc(translate('Fidelity', 'Score across fine-tunes'))}</h2>"
                   + _history_svg(data.history))
    out.append("</body></html>")
    return "\n".join(out)
