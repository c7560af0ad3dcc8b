"""Run the command line as ``python -m claimcheck``."""

from .cli import main

main()
