"""Light and dark themes: the Fusion style with our own palettes and a little styling.

"system" follows the OS colour scheme where Qt can read it. Widgets that need colours of their
own (charts, highlights) read ``is_dark()`` and ``ACCENT`` instead of hard-coding them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = QColor("#6b4fd8")
ACCENT_DARK = QColor("#9d86ff")

_current = "light"


def resolve(theme: str) -> str:
    if theme in ("light", "dark"):
        return theme
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def is_dark() -> bool:
    return _current == "dark"


def accent() -> QColor:
    return ACCENT_DARK if is_dark() else ACCENT


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        window, base, alt, text = "#1f1f24", "#17171b", "#25252b", "#e8e6ef"
        button, mid, disabled = "#2b2b32", "#3a3a44", "#7d7a88"
        highlight = ACCENT_DARK.darker(135)
    else:
        window, base, alt, text = "#f6f5fa", "#ffffff", "#f1eff8", "#1d1b24"
        button, mid, disabled = "#eceaf4", "#c9c5d8", "#9a97a6"
        highlight = ACCENT
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    p.setColor(role.Window, QColor(window))
    p.setColor(role.WindowText, QColor(text))
    p.setColor(role.Base, QColor(base))
    p.setColor(role.AlternateBase, QColor(alt))
    p.setColor(role.ToolTipBase, QColor(base))
    p.setColor(role.ToolTipText, QColor(text))
    p.setColor(role.PlaceholderText, QColor(disabled))
    p.setColor(role.Text, QColor(text))
    p.setColor(role.Button, QColor(button))
    p.setColor(role.ButtonText, QColor(text))
    p.setColor(role.BrightText, QColor("#ff5c5c"))
    p.setColor(role.Mid, QColor(mid))
    p.setColor(role.Midlight, QColor(alt))
    p.setColor(role.Dark, QColor(mid).darker(130))
    p.setColor(role.Shadow, QColor("#000000"))
    p.setColor(role.Highlight, highlight)
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.Link, accent_for(dark))
    p.setColor(role.LinkVisited, accent_for(dark).darker(120))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(disabled))
    return p


def accent_for(dark: bool) -> QColor:
    return ACCENT_DARK if dark else ACCENT


_STYLE = """
QTabWidget::pane {{ border: none; border-top: 1px solid {mid}; }}
QTabBar::tab {{ padding: 8px 18px; margin-right: 2px; border: none;
               border-bottom: 2px solid transparent; color: {muted}; }}
QTabBar::tab:selected {{ color: {text}; border-bottom: 2px solid {accent}; }}
QTabBar::tab:hover {{ color: {text}; }}
QPushButton {{ padding: 5px 14px; border-radius: 6px; border: 1px solid {mid};
              background: {button}; }}
QPushButton:hover {{ border-color: {accent}; }}
QPushButton:disabled {{ color: {muted}; }}
QPushButton[primary="true"] {{ background: {primary}; color: white; border: 1px solid {primary}; }}
QPushButton[primary="true"]:hover {{ background: {primary_hover}; }}
QPushButton[primary="true"]:disabled {{ background: {mid}; border-color: {mid}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox {{
    border: 1px solid {mid}; border-radius: 5px; padding: 3px 5px; background: {base}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border-color: {accent}; }}
QGroupBox {{ border: 1px solid {mid}; border-radius: 8px; margin-top: 14px; padding-top: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; font-weight: 600; }}
QStatusBar {{ border-top: 1px solid {mid}; }}
QLabel[role="title"] {{ font-size: 22pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ color: {muted}; font-size: 11pt; }}
QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="heading"] {{ font-size: 13pt; font-weight: 600; }}
QFrame[role="card"] {{ background: {base}; border: 1px solid {mid}; border-radius: 10px; }}
"""


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` ('light', 'dark' or 'system'); returns the one applied."""
    global _current
    _current = resolve(theme)
    dark = _current == "dark"
    app.setStyle("Fusion")
    palette = _palette(dark)
    app.setPalette(palette)
    acc = accent_for(dark)
    app.setStyleSheet(_STYLE.format(
        mid=palette.color(QPalette.ColorRole.Mid).name(),
        muted=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name(),
        text=palette.color(QPalette.ColorRole.Text).name(),
        base=palette.color(QPalette.ColorRole.Base).name(),
        button=palette.color(QPalette.ColorRole.Button).name(),
        accent=acc.name(),
        primary=ACCENT.name(),
        primary_hover=ACCENT.lighter(112).name(),
    ))
    return _current
