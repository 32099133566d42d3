"""The Sources tab."""
