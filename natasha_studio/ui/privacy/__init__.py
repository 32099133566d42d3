"""Privacy in the window: highlights, the findings panel, redaction dialogs."""
