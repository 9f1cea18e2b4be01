"""Regenerate the chart images of the docs (needs ``danvan[plot]``).

Run ``python scripts/plot_images.py``; it writes ``docs/images/resolution_by_unit.png``,
Tam Nông's resolution rate by commune, 1 July 2016 to 30 June 2021, from the
bundled example data. ``tests/indicators/test_plot.py`` checks the file is a PNG.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import danvan

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "data" / "tam_nong_2016_2021.json"
IMAGE = ROOT / "docs" / "images" / "resolution_by_unit.png"


def main(target: Path = IMAGE) -> Path:
    """Draw the chart and write it to ``target``."""
    dataset = danvan.loads(DATA.read_text(encoding="utf-8"), danvan.Dataset)
    result = danvan.compute(dataset, "petitions.resolution_rate", scope="236",
                            period="2016-07-01..2021-07-01", by="unit")
    ax = result.plot()
    target.parent.mkdir(parents=True, exist_ok=True)
    # no timestamp in the file, so the image changes only when the chart does
    ax.figure.savefig(target, dpi=80, bbox_inches="tight", metadata={"Software": None})
    return target


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else IMAGE))
