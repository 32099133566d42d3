"""The live-Telegram panel shown in the Sources tab: log in, choose chats, fetch."""

from natasha_studio.ui.telegram.panel import TelegramPanel

__all__ = ["TelegramPanel"]
