"""The Qt user interface: a thin layer over core operations."""
