"""What the curator does, composed from the layers below: the window and the CLI call these.

The layers, each importing only those below it::

    ui/, cli.py, cli_commands/        the window and the command line
    operations/                       the curator's actions, across sources and back ends
    telegram/, providers/, local/     sources and back ends
    core/                             pure Python: the project, pairs, export, privacy

``tests/core/test_architecture.py`` holds every layer to this.
"""

# The task name every view starts an extraction (or an import, which extracts) under, so a
# second one of the same project cannot start beside it. Here rather than in extraction.py:
# the window's notifications need the name with its first screen, before numpy is loaded.
EXTRACT_TASK = "project.extract"
