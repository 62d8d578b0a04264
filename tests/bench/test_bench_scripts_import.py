"""Every benchmark script still imports: `make bench` is not run by CI, so a renamed module would go unnoticed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
SCRIPTS = sorted(p for p in BENCH.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_bench_script_imports(script: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"bench_check_{script.stem}", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # top level only: each script's work sits under `if __name__ == "__main__"`
    if script.name != "synth.py" and script.name != "app_synth.py":
        assert callable(getattr(module, "main", None)), f"{script.name} has no main()"
