"""Command groups of the command line; see ``natasha_studio.cli``."""
