"""Allow ``python -m ossetia_reader``."""

from ossetia_reader.cli import main

main()
