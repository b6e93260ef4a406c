"""PDF text and parsing against PDFium's bare text extraction, and the cold `parse` command.
Prints each figure beside its reference, measured in the same run; asserts nothing.

    .venv/bin/python bench/bench_pdf.py [--rounds N] [--cold N]

In process, per PDF (the 4-page KI-Allianz print of ../shared/samples, the real 4-page BW print of
../shared/corpus, and a 40-page rendition of the fixtures made with tests/pdfmaker.py; the first
two are skipped when ../shared is absent), medians of `--rounds` interleaved rounds of:
  bare     pypdfium2 alone: open, and each page's text page and text (the reference; target:
           parse <= 2x bare)
  pypdf    pypdf's extract_text of every page (the reader Ziffer used before)
  read     core.documents.read_document: text, paragraph gaps and each line's type
  parse    core.parser.parse_file: read, clean and parse

Cold, in fresh processes, medians of `--cold` interleaved runs: `python main.py parse <4-page
print>` (target <= 130 ms) beside a bare `python -c pass`, and the import of what parsing a PDF
needs (core.parser; core.pdfium with PDFium loaded and initialised) beside the imports that
reading a PDF needed before (pypdfium2's own API, and pypdf before that). The bytecode of core/,
storage/ and ziffer_cli.py is compiled first, as an installed app has it (with
PYTHONDONTWRITEBYTECODE set, every import would compile the modules' source anew).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_parse import big_pdf  # noqa: E402  (the 40-page rendition of the fixtures it times too)

from core.documents import read_document  # noqa: E402
from core.parser import parse_file  # noqa: E402

SHARED = Path(os.environ.get("ZIFFER_SHARED") or ROOT.parent / "shared")
SAMPLE = SHARED / "samples" / "drucksache-ki-allianz-antrag-und-stellungnahme.pdf"
REAL_BW = SHARED / "corpus" / "BW-17-273.pdf"


def bare(path: Path) -> list[str]:
    """PDFium's text of every page, nothing else: the floor for reading a PDF's text."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    texts = []
    for page in pdf:
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return texts


def with_pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def interleaved(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median milliseconds of each function, the functions taking turns round by round."""
    for fn in fns.values():
        fn()  # warm: imports, caches, the file in the page cache
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - t) * 1000)
    return {name: statistics.median(ts) for name, ts in times.items()}


def cold(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall milliseconds of each command in a fresh process, the commands taking turns."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(runs):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append((time.perf_counter() - t) * 1000)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--cold", type=int, default=9)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [(p, n) for p, n in ((SAMPLE, "KI-Allianz print"), (REAL_BW, "BW 17/273, real")) if p.exists()]
        if not pdfs:
            print(f"{SHARED} absent: the samples and the real print are skipped")
        pdfs.append((big_pdf(Path(tmp))[0], "fixtures rendition"))
        print(f"in process, medians of {args.rounds} interleaved rounds (ms):")
        for path, name in pdfs:
            import pypdfium2 as pdfium

            pages = len(pdfium.PdfDocument(path))
            m = interleaved(
                {
                    "bare": lambda p=path: bare(p),
                    "pypdf": lambda p=path: with_pypdf(p),
                    "read": lambda p=path: read_document(p),
                    "parse": lambda p=path: parse_file(p),
                },
                args.rounds,
            )
            print(
                f"  {name} ({pages} pages): parse {m['parse']:.1f} = {m['parse'] / m['bare']:.2f}x bare "
                f"{m['bare']:.1f} (target <= 2x); read {m['read']:.1f} = {m['read'] / m['bare']:.2f}x bare; "
                f"pypdf's extract_text alone {m['pypdf']:.1f} = {m['pypdf'] / m['bare']:.1f}x bare"
            )

    if not SAMPLE.exists() or args.cold <= 0:
        return 0
    import compileall

    for package in ("core", "storage"):  # as installed: the modules' bytecode cached, whatever the environment says
        compileall.compile_dir(ROOT / package, quiet=1)
    compileall.compile_file(ROOT / "ziffer_cli.py", quiet=1)  # the command line main.py imports
    py = sys.executable
    m = cold(
        {
            "parse": [py, "main.py", "parse", str(SAMPLE)],
            "pass": [py, "-c", "pass"],
            "parser": [py, "-c", "import core.parser"],
            "library": [py, "-c", "from core.pdfium import library; library()"],
            "pdfium": [py, "-c", "import pypdfium2"],
            "pypdf": [py, "-c", "import pypdf"],
        },
        args.cold,
    )
    print(f"cold, medians of {args.cold} interleaved runs (ms, whole process, bytecode cached):")
    print(f"  main.py parse {SAMPLE.name}: {m['parse']:.0f} (target <= 130); bare python -c pass: {m['pass']:.0f}")
    over = {name: m[name] - m["pass"] for name in ("parser", "library", "pdfium", "pypdf")}
    print(
        f"  imports over a bare python: core.parser {over['parser']:.0f}, core.pdfium with PDFium loaded "
        f"{over['library']:.0f}; what reading a PDF imported before: pypdfium2 {over['pdfium']:.0f}, "
        f"pypdf {over['pypdf']:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
