from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner, Result

from credwallet.cli.main import app


@pytest.fixture
def cli() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke
