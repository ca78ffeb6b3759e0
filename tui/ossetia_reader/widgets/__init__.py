"""Widgets: one per module. They never touch files; the screen hands them data."""
