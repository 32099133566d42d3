"""The Test chat tab."""
