"""Natasha Studio: build, curate and test a persona fine-tuning dataset from Telegram."""

from importlib import metadata as _metadata

APP_NAME = "Natasha Studio"
APP_ID = "NatashaStudio"

try:
    __version__ = _metadata.version("natasha-studio")
except _metadata.PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
