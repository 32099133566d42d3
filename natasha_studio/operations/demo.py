"""The demo project: a fictional community chat, imported, curated, frozen, tuned and tested."""

from __future__ import annotations

from pathlib import Path

from natasha_studio.core.dataset.demo_recorded import add_recorded_work
from natasha_studio.core.dataset.pipeline import run_extraction
from natasha_studio.core.dataset.settings import set_persona_ids
from natasha_studio.core.errors import StudioError
from natasha_studio.core.i18n import translate
from natasha_studio.core.store import Project
from natasha_studio.telegram.export.importer import import_exports

DEMO_PERSONA_ID = 500100  # "Наташа" in resources/demo/result.json


def demo_export_path() -> Path:
    from natasha_studio.core.resources import resource

    return resource("demo", "result.json")


def create_demo_project(path: Path | str) -> Project:
    """Create a project at ``path`` from the bundled demo export, persona set, pairs extracted,
    and the recorded rest of the flow (snapshot, finished job, models, test chat; see
    ``demo_recorded``).

    Returns the open project. The file must not exist yet.
    """
    project = Project.create(
        path, "Наташа",
        translate("Demo", "You are Natasha, the host of a community about meditation, energy "
                  "and relationships. You answer members warmly, simply and to the point."),
    )
    try:
        report = import_exports(project, [demo_export_path()])
        if report.errors:
            raise report.errors[0].error
        set_persona_ids(project, [DEMO_PERSONA_ID])
        run_extraction(project)
        add_recorded_work(project)
    except StudioError:
        project.close()
        Path(project.path).unlink(missing_ok=True)
        raise
    except Exception as exc:
        project.close()
        Path(project.path).unlink(missing_ok=True)
        raise StudioError(translate("Demo", "The demo project could not be created: {reason}").format(
            reason=exc)) from exc
    return project
