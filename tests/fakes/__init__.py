"""Local servers that speak the providers' real protocols (see each module's docstring)."""
