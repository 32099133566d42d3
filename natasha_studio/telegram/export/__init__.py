"""Telegram Desktop "Export chat history" (JSON) files: streaming reader and conversion."""
