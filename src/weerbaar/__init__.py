"""Weerbaar: software for the regional approach against undermining crime."""

__version__ = "0.1.0"
