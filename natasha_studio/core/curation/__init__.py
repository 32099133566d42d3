"""Curation: the operations behind the Pairs tab and the ``pairs`` command.

Filtering and search (``filters``, ``search``), bulk changes that can be undone
(``operations``), find-and-replace with a preview (``replace``), near-duplicate groups
(``duplicates``), the original thread around a pair (``thread``) and readable quality reasons
(``reasons``). Nothing here imports Qt: the window, the command line and the tests call the
same functions.
"""
