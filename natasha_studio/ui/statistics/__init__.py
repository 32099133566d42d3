"""The Statistics tab."""
