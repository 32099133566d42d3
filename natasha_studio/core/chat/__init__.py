"""Testing tuned models in chat: model entries, sessions, blind A/B votes, held-out runs.

Everything here is UI-free: the Test chat tab and the ``chat`` command drive the same
operations. A provider (see ``natasha_studio.core.provider``) is obtained in one place,
``models.provider_for``; every other function takes the provider or a factory as an argument.
"""
