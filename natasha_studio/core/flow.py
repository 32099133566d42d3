"""Where a project stands in the flow: which of the curator's six steps are done.

Sources → Persona → Pairs → Statistics → Fine-tune → Test chat. Each step is judged from what
the project holds (chats imported, persona chosen, pairs approved, a snapshot frozen, a job
that succeeded, a model tried), so the first-run guide never needs its own record of progress.
"""

from __future__ import annotations

from dataclasses import dataclass

from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project

# (step, the tab it happens on)
STEPS = (("sources", "sources"), ("persona", "sources"), ("pairs", "pairs"),
         ("statistics", "statistics"), ("finetune", "finetune"), ("testchat", "testchat"))


@dataclass(frozen=True)
class StepState:
    key: str
    tab: str
    title: str
    done: bool
    hint: str  # what to do on this step, as a short imperative sentence


def step_titles() -> dict[str, str]:
    return {
        "sources": translate("Flow", "Sources"),
        "persona": translate("Flow", "Persona"),
        "pairs": translate("Flow", "Pairs"),
        "statistics": translate("Flow", "Statistics"),
        "finetune": translate("Flow", "Fine-tune"),
        "testchat": translate("Flow", "Test chat"),
    }


def step_hints() -> dict[str, str]:
    return {
        "sources": translate("Flow", "Import a Telegram export or fetch chats from your account."),
        "persona": translate("Flow", "Tick the persona’s accounts in the list of people."),
        "pairs": translate("Flow", "Read the pairs and approve the good ones (key A)."),
        "statistics": translate("Flow", "Check the statistics and freeze a snapshot of the "
                                "approved pairs."),
        "finetune": translate("Flow", "Choose a provider and launch a fine-tune on the snapshot."),
        "testchat": translate("Flow", "Ask the tuned model what members ask, beside its base "
                              "model."),
    }


def _exists(project: Project, sql: str) -> bool:
    return project.conn.execute(f"SELECT EXISTS ({sql})").fetchone()[0] == 1


def flow_progress(project: Project) -> list[StepState]:
    """The six steps in order, each with whether the project shows it done."""
    done = {
        "sources": _exists(project, "SELECT 1 FROM chats"),
        "persona": bool(project.get_setting("persona_ids")),
        "pairs": _exists(project, "SELECT 1 FROM pairs WHERE status = 'approved' AND deleted = 0"),
        "statistics": _exists(project, "SELECT 1 FROM snapshots"),
        "finetune": _exists(project, "SELECT 1 FROM jobs WHERE status = 'succeeded'"),
        "testchat": (_exists(project, "SELECT 1 FROM chat_messages WHERE role = 'assistant'")
                     or _exists(project, "SELECT 1 FROM votes")
                     or _exists(project, "SELECT 1 FROM heldout_answers")),
    }
    titles, hints = step_titles(), step_hints()
    tabs = dict(STEPS)
    if done["persona"] and not done["pairs"] \
            and not _exists(project, "SELECT 1 FROM pairs WHERE deleted = 0"):
        # "Approve the good ones" with nothing to approve sent her to an empty tab: the
        # Sources tab says why no pairs were found and offers a wider window.
        hints["pairs"] = translate("Flow", "No pairs were found yet: the Sources tab says why "
                                   "and how to find more.")
        tabs["pairs"] = "sources"
    return [StepState(key, tabs[key], titles[key], done[key], hints[key]) for key, _ in STEPS]


def next_step(steps: list[StepState]) -> StepState | None:
    """The first step not done yet; None when the whole flow has been walked once."""
    return next((s for s in steps if not s.done), None)
