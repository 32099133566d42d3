"""Light and dark themes: the Fusion style with our own palettes and a little styling.

"system" follows the OS colour scheme where Qt can read it. Widgets that need colours of their
own (charts, highlights) read ``is_dark()`` and ``ACCENT`` instead of hard-coding them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from natasha_studio.paths import resource

ACCENT = QColor("#6b4fd8")
ACCENT_DARK = QColor("#9d86ff")
# The primary button's fill on the dark window: the light theme's accent stood out from it by
# only 2.9:1, so the one button that matters looked flat; this one keeps 3:1 on the window and
# 4.5:1 under white text.
PRIMARY_DARK = QColor("#745be0")

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


# Colours of each theme. "muted" is hint text and must stay readable (≥ 4.5:1 on the
# window and fields); "disabled" is for what cannot be used now, still ≥ 3:1 so it can be read;
# "indicator" outlines check boxes, which must show before they are ticked (≥ 3:1 on fields).
COLORS = {
    "light": {"window": "#f6f5fa", "base": "#ffffff", "alt": "#f1eff8", "text": "#1d1b24",
              "button": "#eceaf4", "mid": "#c9c5d8", "muted": "#5f5c6d", "disabled": "#77738a",
              "indicator": "#77738a"},
    "dark": {"window": "#1f1f24", "base": "#17171b", "alt": "#25252b", "text": "#e8e6ef",
             "button": "#2b2b32", "mid": "#3a3a44", "muted": "#a3a0af", "disabled": "#8f8b9e",
             "indicator": "#8f8b9e"},
}


def colors(dark: bool) -> dict[str, str]:
    """The named colours of a theme, highlight and link included (tests check contrasts)."""
    values = dict(COLORS["dark" if dark else "light"])
    values["highlight"] = (ACCENT_DARK.darker(135) if dark else ACCENT).name()
    values["highlighted_text"] = "#ffffff"
    values["link"] = accent_for(dark).name()
    primary = PRIMARY_DARK if dark else ACCENT
    values["primary"] = primary.name()
    # Hovered it changes shade; darker in the dark theme, where lighter left white text at 4:1.
    values["primary_hover"] = (primary.darker(112) if dark else primary.lighter(112)).name()
    return values


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    c = colors(dark)
    window, base, alt, text = c["window"], c["base"], c["alt"], c["text"]
    button, mid, disabled = c["button"], c["mid"], c["disabled"]
    highlight = QColor(c["highlight"])
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    p.setColor(role.Window, QColor(window))
    p.setColor(role.WindowText, QColor(text))
    p.setColor(role.Base, QColor(base))
    p.setColor(role.AlternateBase, QColor(alt))
    p.setColor(role.ToolTipBase, QColor(base))
    p.setColor(role.ToolTipText, QColor(text))
    p.setColor(role.PlaceholderText, QColor(c["muted"]))
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
QPushButton:disabled {{ color: {disabled}; background: {window}; border-style: dashed; }}
QPushButton[primary="true"] {{ background: {primary}; color: white; border: 1px solid {primary}; }}
QPushButton[primary="true"]:hover {{ background: {primary_hover}; }}
QPushButton[primary="true"]:disabled {{ background: {window}; color: {disabled};
                                        border: 1px dashed {disabled}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDoubleSpinBox, QComboBox {{
    border: 1px solid {mid}; border-radius: 5px; padding: 3px 5px; background: {base}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus,
QComboBox:focus {{ border-color: {accent}; }}
QLineEdit:disabled, QSpinBox:disabled, QDoubleSpinBox:disabled, QComboBox:disabled {{
    color: {disabled}; background: {window}; }}
QSpinBox, QDoubleSpinBox {{ padding-right: 20px; }}
QSpinBox::up-button, QDoubleSpinBox::up-button, QSpinBox::down-button,
QDoubleSpinBox::down-button {{ subcontrol-origin: border; width: 18px; border: none;
    border-left: 1px solid {mid}; background: {button}; }}
QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-position: top right;
    border-top-right-radius: 5px; }}
QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-position: bottom right;
    border-bottom-right-radius: 5px; }}
QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover, QSpinBox::down-button:hover,
QDoubleSpinBox::down-button:hover {{ background: {alt}; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{ image: url({arrow_up}); width: 10px; height: 6px; }}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{ image: url({arrow_down}); width: 10px;
    height: 6px; }}
QSpinBox::up-arrow:disabled, QDoubleSpinBox::up-arrow:disabled, QSpinBox::down-arrow:disabled,
QDoubleSpinBox::down-arrow:disabled {{ image: none; }}
QComboBox {{ padding-right: 22px; combobox-popup: 0; }}
QComboBox::drop-down {{ subcontrol-origin: border; subcontrol-position: top right; width: 20px;
    border: none; }}
QComboBox::down-arrow {{ image: url({arrow_down}); width: 10px; height: 6px; }}
QComboBox QAbstractItemView {{ background: {base}; color: {text}; border: 1px solid {mid};
    selection-background-color: {highlight}; selection-color: {highlighted_text};
    outline: none; }}
QComboBox QAbstractItemView::item {{ min-height: 22px; padding: 2px 6px; }}
QComboBox QAbstractItemView::item:hover, QComboBox QAbstractItemView::item:selected {{
    background: {highlight}; color: {highlighted_text}; }}
QCheckBox::indicator, QAbstractItemView::indicator, QGroupBox::indicator {{ width: 13px;
    height: 13px; border: 1px solid {indicator}; border-radius: 3px; background: {base}; }}
QCheckBox::indicator:hover, QAbstractItemView::indicator:hover {{ border-color: {accent}; }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked,
QGroupBox::indicator:checked {{ background: {primary}; border-color: {primary};
    image: url({check}); }}
QCheckBox::indicator:indeterminate, QAbstractItemView::indicator:indeterminate {{
    background: {primary}; border-color: {primary}; image: url({check_partial}); }}
QCheckBox::indicator:disabled, QAbstractItemView::indicator:disabled {{
    border-color: {mid}; background: {window}; }}
QGroupBox {{ border: 1px solid {mid}; border-radius: 8px; margin-top: 14px; padding-top: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; font-weight: 600; }}
QStatusBar {{ border-top: 1px solid {mid}; }}
QLabel[role="title"] {{ font-size: 22pt; font-weight: 600; }}
QLabel[role="subtitle"] {{ color: {muted}; font-size: 11pt; }}
QLabel[role="muted"] {{ color: {muted}; }}
QLabel[role="heading"] {{ font-size: 13pt; font-weight: 600; }}
QFrame[role="card"] {{ background: {base}; border: 1px solid {mid}; border-radius: 10px; }}
"""


def _icon(name: str) -> str:
    # Style sheets want forward slashes, on Windows too.
    return resource("icons", "theme", name).as_posix()


def style_sheet(dark: bool) -> str:
    """The application's style sheet for one theme."""
    c = colors(dark)
    variant = "dark" if dark else "light"
    return _STYLE.format(
        **c, accent=accent_for(dark).name(),
        arrow_up=_icon(f"arrow-up-{variant}.svg"), arrow_down=_icon(f"arrow-down-{variant}.svg"),
        check=_icon("check.svg"), check_partial=_icon("check-partial.svg"))


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` ('light', 'dark' or 'system'); returns the one applied."""
    global _current
    _current = resolve(theme)
    dark = _current == "dark"
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setStyleSheet(style_sheet(dark))
    return _current
