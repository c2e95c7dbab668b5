"""Console-script entry point: `credwallet --version` answers before Typer and rich are imported (a script
that checks the version pays for a Python start-up, not for building the whole command tree)."""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from credwallet import __version__

        sys.stdout.write(f"credwallet {__version__}\n")
        return
    from credwallet.cli.main import run as run_app

    run_app()
