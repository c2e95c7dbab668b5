"""The sample wallet's report, built once per session exactly as docs/examples/report.html is."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from credwallet.report import Report, build_report, render
from credwallet.store.wallet import Wallet

REPO = Path(__file__).resolve().parents[2]


def load_script(name: str) -> ModuleType:
    """A module from scripts/ (registered in sys.modules, as dataclasses need), loaded once."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def examples() -> ModuleType:
    return load_script("make_docs_examples")


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory: pytest.TempPathFactory, examples: ModuleType) -> Path:
    if not (REPO / "sample_data").is_dir():
        pytest.skip("sample_data/ not present")
    home = tmp_path_factory.mktemp("report-sample") / "wallet"
    examples.report_example_wallet(home)
    return home


@pytest.fixture(scope="session")
def sample_report(sample_home: Path, examples: ModuleType) -> Report:
    with Wallet.open(home=sample_home) as wallet:
        return build_report(wallet, examples.report_example_options())


@pytest.fixture(scope="session")
def sample_html(sample_report: Report) -> str:
    return render(sample_report)

