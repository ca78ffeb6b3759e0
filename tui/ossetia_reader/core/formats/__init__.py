"""Parsers that turn files of every supported format into ``Article`` objects."""
