"""Allow ``python -m ossetia_reader``."""

from ossetia_reader.cli.start import run

run()
