"""The live Telegram account (Telethon 1.x on the app's event loop).

``account`` logs in step by step (phone, code, cloud password, or a QR code) and keeps the
login in the keyring (``session``); ``dialogs`` lists the account's channels and groups;
``fetch`` brings their histories into the project's message store incrementally, through the
same records (``convert``) and store as the Desktop-export import. Every Telethon failure
reaches callers as a ``TelegramError`` in plain words (``errors``).
"""
