"""The dataset: the message store, the import pipeline, pair extraction, quality and topics.

Sources convert what they read into :class:`~natasha_studio.core.dataset.records.MessageRecord`
and store it with :func:`~natasha_studio.core.dataset.messages.store_messages`; extraction
(:mod:`natasha_studio.core.dataset.extract`) turns stored messages into pairs.
"""
