"""Start-up hygiene: the CLI module must not import the heavy libraries (DESIGN.md §8)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlmodel", "sqlalchemy", "httpx", "jsonschema", "yaml", "pyld", "cryptography", "highspy", "rich")


def test_cli_module_imports_no_heavy_modules() -> None:
    code = f"import sys, credwallet.cli.main\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
