"""Plain-words explanations of the words a curator meets in the app, each written once.

Tooltips, help lines and the Help → Getting started page all read their explanation from here,
so a term is explained the same way wherever it appears. An explanation says what the thing is
for and what to do with it, never just the term again in other words.
"""

from __future__ import annotations

from dataclasses import dataclass

from natasha_studio.core.i18n import translate


@dataclass(frozen=True)
class Term:
    key: str
    title: str  # the term as the window shows it, translated
    text: str  # its explanation, translated


def terms() -> tuple[Term, ...]:
    """Every term, translated into the current language, in the order of the flow.

    Built on each call (it is cheap) so that a language switch takes effect at once."""
    return (
        Term("system_prompt", translate("Glossary", "System prompt"), translate(
            "Glossary",
            "The instruction the model reads before every conversation: who it is and how it "
            "speaks (“You are Natasha, the host of…”). It goes into every training example, and "
            "the tuned model should be chatted with under the same prompt.")),
        Term("snapshot", translate("Glossary", "Snapshot (freeze)"), translate(
            "Glossary",
            "A frozen copy of the chosen pairs, with a name. Later edits to the pairs do not "
            "change it, so a fine-tune can always be traced back to exactly the data it learned "
            "from. Freezing is making such a copy; it takes a second and can be done as often as "
            "you like.")),
        Term("validation_share", translate("Glossary", "Validation share"), translate(
            "Glossary",
            "The part of the pairs the model does not learn from, kept aside to check it while it"
            " trains: if the validation loss stops falling while the training loss still falls, "
            "the model is memorising instead of learning. 10 % is usual; with under 100 pairs, "
            "5–10 pairs are enough.")),
        Term("heldout", translate("Glossary", "Held-out questions"), translate(
            "Glossary",
            "A few real questions kept out of training altogether. After the fine-tune the Test "
            "chat asks them to the models and shows each answer beside the persona's real one: "
            "the fairest test, because the model has never seen them.")),
        Term("split_seed", translate("Glossary", "Split seed"), translate(
            "Glossary",
            "The number that decides which pairs go to training, validation and held-out. The "
            "same number gives the same split every time, so two snapshots can be compared; "
            "change it only to draw a different split.")),
        Term("tokens", translate("Glossary", "Tokens"), translate(
            "Glossary",
            "The pieces of text a model reads: a short word is one token, a long Russian word two"
            " to four. Providers bill fine-tuning and chat by the token, and limit how long one "
            "example may be, so the app counts them for you.")),
        Term("epochs", translate("Glossary", "Epochs"), translate(
            "Glossary",
            "How many times the model goes through all the training pairs. More epochs copy the "
            "persona's manner more closely, but too many make it repeat her answers word for "
            "word; 2–4 is usual, and the cost grows with each.")),
        Term("loss", translate("Glossary", "Loss"), translate(
            "Glossary",
            "How far the model's answers still are from the persona's, as a number: it should "
            "fall quickly, then level off. It is not an error: every training run has one.")),
        Term("token_accuracy", translate("Glossary", "Token accuracy"), translate(
            "Glossary",
            "The share of the answer's tokens the model guesses right, one after another, on the "
            "training or validation pairs. It rises as the model learns; 60–80 % is good for "
            "free-form answers, and 100 % would mean it has memorised them.")),
        Term("lora", translate("Glossary", "LoRA"), translate(
            "Glossary",
            "A way of fine-tuning that leaves the base model as it is and trains a small add-on "
            "(an adapter) beside it. It is fast, fits on one graphics card, and the adapter is a "
            "small file. Its rank sets the adapter's size: a higher rank learns more detail and "
            "needs more memory.")),
        Term("dpo", translate("Glossary", "DPO"), translate(
            "Glossary",
            "Direct Preference Optimisation: a further round of training from pairs of answers to"
            " one question, one preferred and one not. Your blind A/B votes are exactly such "
            "pairs, so they can be exported for it.")),
        Term("interval95", translate("Glossary", "95 % interval"), translate(
            "Glossary",
            "Where the true win rate most likely lies, given the votes so far: with 95 % "
            "certainty it is between the two numbers. Few votes give a wide interval; when the "
            "intervals of two models do not overlap, one is really better.")),
        Term("o200k_base", translate("Glossary", "o200k_base"), translate(
            "Glossary",
            "The name of the tokenizer (the rule that cuts text into tokens) used by recent "
            "OpenAI models. Where a provider's own tokenizer is not available, the app counts "
            "with this one, so its counts are close estimates rather than exact.")),
        Term("p10_p90", translate("Glossary", "p10 / p90"), translate(
            "Glossary",
            "Percentiles: p10 is the length that only the shortest 10 % of the examples fall "
            "below, p90 the length that only the longest 10 % exceed. Together they show the "
            "usual range without the few extremes.")),
        Term("temp_file", translate("Glossary", "Temporary file"), translate(
            "Glossary",
            "The check writes the training file to a temporary folder on this computer to test it"
            " exactly as the provider will read it. It is not your project and can be ignored: "
            "the system clears that folder by itself.")),
    )


KEYS = ("system_prompt", "snapshot", "validation_share", "heldout", "split_seed", "tokens",
        "epochs", "loss", "token_accuracy", "lora", "dpo", "interval95", "o200k_base",
        "p10_p90", "temp_file")


def _term(key: str) -> Term:
    found = next((t for t in terms() if t.key == key), None)
    if found is None:
        raise KeyError(key)
    return found


def title(key: str) -> str:
    """The term, translated."""
    return _term(key).title


def explain(key: str) -> str:
    """The explanation of ``key``, translated."""
    return _term(key).text


def tooltip(*keys: str) -> str:
    """Rich text for a tooltip: each term in bold, then its explanation (wraps in Qt)."""
    found = [_term(k) for k in keys]
    return "<br><br>".join(f"<b>{_escape(t.title)}</b><br>{_escape(t.text)}" for t in found)


def entries() -> list[tuple[str, str]]:
    """(term, explanation) of every term, translated, in the order of the flow."""
    return [(t.title, t.text) for t in terms()]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
