"""Glabella: clinical platform for botulinum-toxin and dermal-filler treatments."""

__version__ = "0.1.0"
