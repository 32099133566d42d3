"""The login screens: API id and hash, then phone → code → cloud password, or a QR code.

The pages only show and collect; ``TelegramPanel`` runs the Telegram calls and moves between
them. Each page has an ``error`` label for the last failure, in plain words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from natasha_studio.ui.telegram.pictures import api_help_pixmap, qr_pixmap

API_URL = "https://my.telegram.org/apps"


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setProperty("role", "error")
    label.setStyleSheet("color: #c0392b;")
    label.hide()
    return label


def show_error(label: QLabel, message: str, hint: str = "") -> None:
    label.setText(f"{message}\n{hint}" if hint else message)
    label.setVisible(bool(message))


class CredentialsPage(QWidget):
    """API id and hash, with a picture of where to find them."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Connect your Telegram account"))
        title.setProperty("role", "heading")
        explain = QLabel(self.tr(
            "Telegram lets apps like this one read your chats only with an \"API id\" and "
            "\"API hash\" of your own. Getting them takes two minutes: open my.telegram.org, log in "
            "with your phone number, choose \"API development tools\", fill in any app name "
            "(for example \"Natasha Studio\") and copy the two values marked below. "
            "Keep the hash secret, like a password."))
        explain.setWordWrap(True)
        picture = QLabel()
        picture.setPixmap(api_help_pixmap())
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        open_site = QPushButton(self.tr("Open my.telegram.org"))
        open_site.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(API_URL)))
        form = QFormLayout()
        self.api_id = QLineEdit()
        self.api_id.setPlaceholderText("1234567")
        self.api_hash = QLineEdit()
        self.api_hash.setPlaceholderText("0123456789abcdef0123456789abcdef")
        self.api_hash.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("1. API id:"), self.api_id)
        form.addRow(self.tr("2. API hash:"), self.api_hash)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setProperty("role", "muted")
        self.error = _error_label()
        self.next = QPushButton(self.tr("Continue"))
        self.next.setProperty("primary", True)
        self.next.clicked.connect(self._submit)
        self.api_hash.returnPressed.connect(self._submit)
        buttons = QHBoxLayout()
        buttons.addWidget(open_site)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(picture)
        layout.addLayout(form)
        layout.addWidget(self.where)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _submit(self) -> None:
        self.submitted.emit(self.api_id.text(), self.api_hash.text())


class PhoneLogin(QStackedWidget):
    """Phone number, then the code (with "send again"), then the cloud password if any."""

    phone_submitted = Signal(str)
    code_submitted = Signal(str)
    resend_requested = Signal()
    password_submitted = Signal(str)
    restart_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Step 1: phone.
        phone_page = QWidget()
        lay = QVBoxLayout(phone_page)
        lay.addWidget(QLabel(self.tr("Your phone number, with the country code:")))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("+7 912 345-67-89")
        self.send = QPushButton(self.tr("Send the code"))
        self.send.setProperty("primary", True)
        self.send.clicked.connect(lambda: self.phone_submitted.emit(self.phone.text()))
        self.phone.returnPressed.connect(self.send.click)
        self.phone_error = _error_label()
        lay.addWidget(self.phone)
        lay.addWidget(self.phone_error)
        lay.addWidget(self.send, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        # Step 2: code.
        code_page = QWidget()
        lay = QVBoxLayout(code_page)
        self.code_where = QLabel()
        self.code_where.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("12345")
        self.code.setMaxLength(12)
        self.sign_in = QPushButton(self.tr("Log in"))
        self.sign_in.setProperty("primary", True)
        self.sign_in.clicked.connect(lambda: self.code_submitted.emit(self.code.text()))
        self.code.returnPressed.connect(self.sign_in.click)
        self.resend = QPushButton(self.tr("Send the code again"))
        self.resend.clicked.connect(self.resend_requested)
        other = QPushButton(self.tr("Another number"))
        other.clicked.connect(self.restart_requested)
        self.code_error = _error_label()
        row = QHBoxLayout()
        row.addWidget(self.sign_in)
        row.addWidget(self.resend)
        row.addWidget(other)
        row.addStretch(1)
        lay.addWidget(self.code_where)
        lay.addWidget(self.code)
        lay.addWidget(self.code_error)
        lay.addLayout(row)
        lay.addStretch(1)
        # Step 3: cloud password.
        password_page = QWidget()
        lay = QVBoxLayout(password_page)
        intro = QLabel(self.tr(
            "This account is protected by two-step verification. Type the cloud password you "
            "set in Telegram (Settings → Privacy and Security → Two-Step Verification)."))
        intro.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.check = QPushButton(self.tr("Log in"))
        self.check.setProperty("primary", True)
        self.check.clicked.connect(lambda: self.password_submitted.emit(self.password.text()))
        self.password.returnPressed.connect(self.check.click)
        self.password_error = _error_label()
        lay.addWidget(intro)
        lay.addWidget(self.hint)
        lay.addWidget(self.password)
        lay.addWidget(self.password_error)
        lay.addWidget(self.check, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        for page in (phone_page, code_page, password_page):
            self.addWidget(page)
        self._resend_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    def show_phone(self) -> None:
        self.setCurrentIndex(0)
        self._timer.stop()

    def show_code(self, via: str, phone: str, timeout: int | None) -> None:
        where = {
            "app": self.tr("We sent the code to your Telegram app on another device (a chat "
                           "named \"Telegram\"). Type it here."),
            "sms": self.tr("We sent the code by SMS to {phone}. Type it here."),
            "call": self.tr("Telegram will call {phone} and tell you the code."),
            "email": self.tr("We sent the code to the e-mail address linked to your account."),
        }.get(via, self.tr("Type the code Telegram sent you."))
        self.code_where.setText(where.format(phone=phone))
        self.code.clear()
        show_error(self.code_error, "")
        self.setCurrentIndex(1)
        self.code.setFocus()
        self._resend_left = int(timeout or 0)
        self._tick()
        if self._resend_left:
            self._timer.start()

    def _tick(self) -> None:
        if self._resend_left > 0:
            self.resend.setEnabled(False)
            self.resend.setText(self.tr("Send the code again ({n} s)").format(n=self._resend_left))
            self._resend_left -= 1
        else:
            self._timer.stop()
            self.resend.setEnabled(True)
            self.resend.setText(self.tr("Send the code again"))

    def show_password(self, hint: str) -> None:
        self.hint.setText(self.tr("Hint: {hint}").format(hint=hint) if hint else "")
        self.hint.setVisible(bool(hint))
        self.password.clear()
        show_error(self.password_error, "")
        self.setCurrentIndex(2)
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        for button in (self.send, self.sign_in, self.check):
            button.setEnabled(not busy)


class QrLogin(QWidget):
    """A QR code to scan with Telegram on the phone; it refreshes itself when it expires."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        steps = QLabel(self.tr(
            "1. Open Telegram on your phone.\n"
            "2. Go to Settings → Devices → Link Desktop Device.\n"
            "3. Point the phone at this code."))
        self.image = QLabel(self.tr("Preparing the code…"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(260, 260)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.error = _error_label()
        self.start = QPushButton(self.tr("Show a new code"))
        layout.addWidget(steps)
        layout.addWidget(self.image)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.url = ""

    def show_code(self, url: str) -> None:
        self.url = url
        self.image.setPixmap(qr_pixmap(url))
        self.status.setText(self.tr("The code renews itself every 30 seconds or so."))
        show_error(self.error, "")


class LoginPage(QWidget):
    """Phone and QR login side by side, as two tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Log in to Telegram"))
        title.setProperty("role", "heading")
        self.note = QLabel(self.tr(
            "The login stays on this computer, in the system's password store. "
            "Natasha Studio only reads the chats you choose and never writes to anyone."))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.tabs = QTabWidget()
        self.phone = PhoneLogin()
        self.qr = QrLogin()
        self.tabs.addTab(self.phone, self.tr("By phone number"))
        self.tabs.addTab(self.qr, self.tr("By QR code"))
        self.change_api = QPushButton(self.tr("Change the API id and hash"))
        self.change_api.setFlat(True)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.change_api, 0, Qt.AlignmentFlag.AlignLeft)
