"""Ziffer's entry point: no arguments open the desktop app; subcommands run the same features headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

VERSION = "0.1.0"
EXIT_USAGE = 2


def _parse(args: argparse.Namespace) -> int:
    from core.errors import DocumentError
    from core.parser import parse_file

    try:
        doc = parse_file(args.file)
    except DocumentError as exc:
        print(f"ziffer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # JSON is UTF-8 whatever the console's code page; a summary degrades rather than fails
    sys.stdout.reconfigure(encoding="utf-8" if args.json else sys.stdout.encoding, errors="replace")  # type: ignore[union-attr]
    if args.json:
        json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(doc.to_dict()))
    return 0


def summary(d: dict) -> str:
    """A readable summary of a parsed print for the terminal."""
    lines = []
    number = d["number"] or "(ohne Nummer)"
    lines.append(f"{d['parliament'] or '??'} {number} · {d['kind']} · {d['title'] or '(ohne Titel)'}")
    if d["originators"] or d["factions"]:
        lines.append(f"  von: {', '.join(d['originators'])} {' '.join(d['factions'])}".rstrip())
    if d["ministry"]:
        lines.append(f"  Ministerium: {d['ministry']}")
    dates = [f"{k} {d[k]}" for k in ("submitted", "received", "published") if d.get(k)]
    if dates:
        lines.append("  " + ", ".join(dates))
    answer = d["answer"]
    answered: dict[str, str] = {}
    if answer:
        for item in answer["items"]:
            words = " ".join(item["text"].split()[:8])
            for label in item["points"]:
                answered[label] = f"Zu {' und '.join(item['points'])}: {words} …"
    lines.append(f"  {len(d['points'])} Punkte:")
    for p in d["points"]:
        text = " ".join(p["text"].split())
        lines.append(f"    {p['label']:>5}. {text[:90]}{'…' if len(text) > 90 else ''}")
        if answer:
            lines.append(f"           → {answered.get(p['label'], '(keine Antwort)')}")
    if answer:
        lines.append(
            f"  Antwort vom {answer['date'] or '?'}, Nr. {answer['file_number'] or '?'}, "
            f"gez. {answer['signatory'] or '?'}"
        )
        if answer["consent"]:
            lines.append(f"  im Einvernehmen mit: {'; '.join(answer['consent'])}")
    else:
        lines.append("  noch keine Antwort")
    for r in d["references"]:
        target = r["number"] or "(dieselbe Drucksache)"
        pts = f" Ziffer {', '.join(r['points'])}" if r["points"] else ""
        lines.append(f"  Verweis: {target}{pts} in {r['in']}")
    for w in d["warnings"]:
        lines.append(f"  Hinweis: {w}")
    return "\n".join(lines) + "\n"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ziffer",
        description="Ziffer: Landtagsanfragen und Stellungnahmen Punkt für Punkt.",
    )
    parser.add_argument("--version", action="version", version=f"Ziffer {VERSION}")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("parse", help="read one print (.txt, .docx, .pdf) and show its structure")
    p.add_argument("file", help="the document to read")
    p.add_argument("--json", action="store_true", help="print the interchange format (ziffer.print/1)")
    p.set_defaults(func=_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        # The desktop window arrives with the desktop issue; until then show what works.
        parser.print_help()
        return 0
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so in one line instead of a traceback
        print(f"ziffer: internal error ({type(exc).__name__}: {exc}); please report it with the file.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
