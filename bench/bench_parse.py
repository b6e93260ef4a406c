"""Parse throughput in pages per second, for text and PDF input. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_parse.py [--rounds N]

Text input: the fixtures and the KI-Allianz sample, counted as 3,000 characters a page (a
print page holds about that much). PDF input: the published KI-Allianz print (4 pages) and a
40-page rendition of all fixtures. With pdfminer.six installed, it also times pdfminer's
text extraction of the same PDFs, the measurement behind choosing pypdf.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from core.documents import read_document  # noqa: E402
from core.parser import parse_file, parse_text  # noqa: E402

SAMPLES = Path(os.environ.get("ZIFFER_SHARED") or ROOT.parent / "shared") / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "prints"
CHARS_PER_PAGE = 3000


def timed(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    """Median seconds of `rounds` calls."""
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def big_pdf(folder: Path) -> tuple[Path, int]:
    from pdfmaker import make_pdf, wrap

    lines: list[str] = []
    for p in sorted(FIXTURES.glob("*.txt")):
        for raw in p.read_text(encoding="utf-8").replace("\f", "\n").split("\n"):
            lines.extend(wrap(raw.strip(), 88) if raw.strip() else [""])
    pages = [lines[i : i + 46] for i in range(0, len(lines), 46)]
    pages = (pages * (40 // len(pages) + 1))[:40]
    return make_pdf(folder / "big.pdf", pages, header=["Landtag von Baden-Württemberg", "Drucksache 17 / 1"]), 40


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    rounds = ap.parse_args().rounds

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    sample_txt = SAMPLES / "antrag-stellungnahme-ki-allianz-bw.txt"
    if sample_txt.exists():
        texts.append(sample_txt.read_text(encoding="utf-8"))
    chars = sum(len(t) for t in texts)
    secs = timed(lambda: [parse_text(t) for t in texts], rounds)
    pages = chars / CHARS_PER_PAGE
    print(
        f"text: {len(texts)} prints, {pages:.1f} pages of {CHARS_PER_PAGE} chars: "
        f"{secs * 1000:.1f} ms, {pages / secs:.0f} pages/s"
    )

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = []
        sample_pdf = SAMPLES / "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"
        if sample_pdf.exists():
            pdfs.append((sample_pdf, 4))
        pdfs.append(big_pdf(Path(tmp)))
        for path, n in pdfs:
            read = timed(lambda p=path: read_document(p), rounds)
            whole = timed(lambda p=path: parse_file(p), rounds)
            print(
                f"pdf {path.name} ({n} pages): read {read * 1000:.1f} ms, read+parse {whole * 1000:.1f} ms, "
                f"{n / whole:.0f} pages/s"
            )
            try:
                from pdfminer.high_level import extract_text
            except ImportError:
                continue
            miner = timed(lambda p=path: extract_text(str(p)), max(3, rounds // 2))
            print(f"    pdfminer.six extraction alone: {miner * 1000:.1f} ms, {miner / read:.1f}x pypdf's time")
    corpus = sorted((SAMPLES.parent / "corpus").glob("NI-*.txt"))
    if corpus:  # the real Niedersachsen prints: what a day of real imports costs
        real = [p.read_text(encoding="utf-8") for p in corpus]
        took = timed(lambda: [parse_text(t) for t in real], max(3, rounds // 2))
        chars = sum(map(len, real))
        print(
            f"corpus: {len(real)} real NI prints, {chars / CHARS_PER_PAGE:.0f} pages: {took * 1000:.0f} ms, "
            f"{chars / CHARS_PER_PAGE / took:.0f} pages/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
