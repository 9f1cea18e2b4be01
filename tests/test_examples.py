"""Every script in examples/ runs to its documented end, from any directory (issue 16, item 5)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: Scripts that exit non-zero on purpose: check_report's sample fails a claim (exit 1).
STATUS = {"check_report.py": 1}


@pytest.mark.parametrize("script", sorted(p.name for p in EXAMPLES.glob("*.py")))
def test_example_runs(script: str, tmp_path: Path) -> None:
    """The script exits with its documented status and prints something, within a minute."""
    # The build scripts write into the folder they are given: a temporary one, not examples/.
    args = [str(tmp_path / "out")] if script in ("build_datasets.py", "build_exports.py") else []
    result = subprocess.run([sys.executable, str(EXAMPLES / script), *args], cwd=tmp_path,
                            capture_output=True, text=True, encoding="utf-8", timeout=120,
                            check=False)
    assert result.returncode == STATUS.get(script, 0), result.stderr[-2000:]
    assert result.stdout.strip()
    assert "Traceback" not in result.stderr


def test_example_datasets_by_name() -> None:
    """danvan.examples names every file of examples/data, by place or by stem, and loads it."""
    import danvan
    from danvan.errors import FieldError

    files = sorted(p.name for p in (EXAMPLES / "data").glob("*.json"))
    assert sorted(danvan.examples.path(name).name for name in danvan.examples.names()) == files
    assert danvan.examples.path("tam_nong") == danvan.examples.path("tam_nong_2016_2021")
    assert danvan.examples.load("tuyen_hoa").units
    with pytest.raises(FieldError, match="tam_nong"):
        danvan.examples.path("nowhere")
