"""Spiders of the khoi crawler: one generic focused spider (``portal``)."""
