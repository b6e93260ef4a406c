"""Export time of the 8-point KI-Allianz Stellungnahme, DOCX and PDF. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_export.py [--rounds N]

"first" is the first export in a fresh process (it loads fonts and the German hyphenation
dictionary once); "warm" the median of N further exports.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.export import export  # noqa: E402
from core.parser import parse_file  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "samples" / "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    rounds = ap.parse_args().rounds
    if not SAMPLE.exists():
        print(f"sample missing: {SAMPLE}")
        return 0
    doc = parse_file(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("docx", "pdf"):
            times = []
            for _ in range(rounds + 1):
                t = time.perf_counter()
                export(doc, fmt, Path(tmp))
                times.append(time.perf_counter() - t)
            print(
                f"{fmt}: first {times[0] * 1000:.0f} ms, warm median {statistics.median(times[1:]) * 1000:.0f} ms "
                f"(max {max(times[1:]) * 1000:.0f} ms) over {rounds} exports"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
