"""The Pairs tab."""
