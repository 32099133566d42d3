"""Telegram sources: Desktop-export import (``export``) and the live account (``live``)."""
