"""Ziffer's entry point: no arguments open the desktop app; subcommands run the same features headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from core import VERSION
from core.model import KINDS

EXIT_USAGE = 2


def _parse(args: argparse.Namespace) -> int:
    from core.errors import DocumentError
    from core.parser import parse_file

    if args.report:
        return _parse_report(args)
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


def _parse_report(args: argparse.Namespace) -> int:
    """Parse every print of a folder and say which come out whole (the corpus report)."""
    from core.errors import DocumentError
    from core.parser import parse_file
    from core.report import report_line, structural_problems

    folder = Path(args.file)
    if not folder.is_dir():
        print(f"ziffer: {folder} ist kein Ordner.", file=sys.stderr)
        return EXIT_USAGE
    files = sorted(f for f in folder.glob(args.glob) if f.is_file() and f.suffix.lower() in (".txt", ".pdf", ".docx"))
    sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    whole = 0
    for f in files:
        try:
            doc = parse_file(f).to_dict()
        except DocumentError as exc:
            print(f"FAIL {f.name}  nicht lesbar: {exc}")
            continue
        whole += not structural_problems(doc)
        print(report_line(f.name, doc))
    print(f"{whole} of {len(files)} documents without structural warnings")
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


def _open_register(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The register for a subcommand; a damaged one is refused with the way out (the `restore` command)."""
    from storage.db import DamagedRegister, StorageError
    from storage.register import Register

    try:
        return Register.open(args.db)
    except DamagedRegister as exc:
        raise StorageError(f"{exc} {_restore_hint(exc.path)}") from exc


def _restore_hint(path: Path) -> str:
    from storage import backup

    folder = backup.backup_folder(path)
    if not backup.list_backups(path):
        return f"In {folder} liegt keine Sicherung; bitte wenden Sie sich an die IT."
    return f"Die neueste unbeschädigte Sicherung aus {folder} spielen Sie mit „ziffer --db {path} restore“ zurück."


def _restore(args: argparse.Namespace) -> int:
    """Put a backup (the newest intact one, or COPY) in place of the register; a damaged register is
    kept beside it, an intact one as a copy "…-vor-Wiederherstellung-…"."""
    from storage import backup
    from storage.db import DamagedRegister, resolve_db_path
    from storage.register import Register

    path = resolve_db_path(args.db)
    if args.copy:
        copy = Path(args.copy)
    else:
        newest = backup.newest_intact(path)
        if newest is None:
            print(f"ziffer: In {backup.backup_folder(path)} liegt keine unbeschädigte Sicherung.", file=sys.stderr)
            return EXIT_USAGE
        copy = newest.path
    try:
        if path.exists():
            Register.open(path).close()
    except DamagedRegister:
        aside = backup.replace_damaged(copy, path)
        print(f"Sicherung {copy.name} zurückgespielt; die beschädigte Datei liegt jetzt unter {aside}.")
        return 0
    safety = backup.restore(copy, path)
    print(f"Sicherung {copy.name} zurückgespielt; der vorige Stand liegt unter {safety}.")
    return 0


def _render_snippet(snippet: str) -> str:
    """Hit markers from the index: bold on a terminal, «…» in a file or pipe."""
    from storage.register import SNIPPET_CLOSE, SNIPPET_OPEN

    bold = sys.stdout.isatty()
    return (
        " ".join(snippet.split())
        .replace(SNIPPET_OPEN, "\x1b[1m" if bold else "«")
        .replace(SNIPPET_CLOSE, "\x1b[0m" if bold else "»")
    )


def _print_json(data: object) -> None:
    sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _resolve(register, number: str) -> int | None:  # type: ignore[no-untyped-def]
    from core.numbers import normalise_print_number

    normalised = normalise_print_number(number) or number
    pid = register.print_id(normalised)
    if pid is None:
        print(f"ziffer: print {normalised} is not in the register ({register.path}).", file=sys.stderr)
    return pid


def _import(args: argparse.Namespace) -> int:
    """Import files and folders; the exit status follows IMPORT_EXIT (one rule for files and folders)."""
    from core.errors import in_german
    from core.services import FAILED, import_files

    with _open_register(args) as register:

        def progress(done: int, total: int, result) -> None:  # type: ignore[no-untyped-def]
            what = f"{result.what} {result.number or ''}".strip()
            detail = result.reason if result.status == FAILED else what
            print(f"[{done}/{total}] {result.path.name}: {result.status} {detail}".rstrip(), file=sys.stderr)

        summary = import_files(register, args.files, force_material=args.material, link=args.link, progress=progress)
    for skipped in summary.skipped:
        print(f"ziffer: übersprungen: {skipped.path} – {in_german(skipped.reason).rstrip('.')}.", file=sys.stderr)
    print(summary.line())
    for r in summary.results:
        if r.status == FAILED:
            print(f"  failed: {r.path}: {r.reason}")
    failed = summary.count(FAILED)
    if not summary.results:
        print("ziffer: keine .pdf-, .docx- oder .txt-Datei zum Importieren gefunden.", file=sys.stderr)
        return EXIT_USAGE
    if failed == len(summary.results):
        return EXIT_USAGE
    return 1 if failed else 0


IMPORT_EXIT = """exit status: 0 every file was imported, updated or already in the register; 1 some files
failed (each is named with its reason), the others were imported; 2 nothing was imported: every
file failed, no .pdf/.docx/.txt file was found, or the register cannot be opened. The same rule
holds for one file and for folders: a file that cannot be read alone gives 2. In a folder, other
files (.jpg, .md …), links to folders and special files are skipped, each named on stderr; a link
to a file outside the folder is not read and counts as failed. A file named explicitly is read
whatever its name or wherever a link leads."""


def _filters(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from storage.register import SearchFilters

    return SearchFilters(
        parliament=args.parliament,
        term=args.term,
        kind=args.kind,
        status=args.status,
        ministry=args.ministry,
        date_from=args.date_from,
        date_to=args.date_to,
    )


def _search(args: argparse.Namespace) -> int:
    from core.search_query import parse_query

    query = parse_query(" ".join(args.query))
    if query.empty:
        print("ziffer: nothing to search for.", file=sys.stderr)
        return EXIT_USAGE
    with _open_register(args) as register:
        hits = register.search(query, _filters(args), limit=args.limit)
    if args.json:
        _print_json([vars(h) for h in hits])
        return 0
    if not hits:
        print("Keine Treffer.")
    for h in hits:
        head = f"{h.number or '—'} {h.print_kind or ''}" if h.kind == "print" else "Material"
        print(f"{head.strip()}: {h.title}")
        print(f"    {_render_snippet(h.snippet)}")
    return 0


def _refs(args: argparse.Namespace) -> int:
    from core.numbers import normalise_print_number

    number = normalise_print_number(args.number) or args.number
    with _open_register(args) as register:
        pid = register.print_id(number)
        outgoing = register.citations_from(pid) if pid is not None else []
        incoming = register.citations_to(number)
    if args.json:
        _print_json({"number": number, "in_register": pid is not None, "cites": outgoing, "cited_by": incoming})
        return 0
    print(f"{number}{'' if pid is not None else ' (nicht im Register)'}")
    print(f"  zitiert ({len(outgoing)}):")
    for c in outgoing:
        target = c["number"] or "(dieselbe Drucksache)"
        pts = f" Ziffer {', '.join(c['points'])}" if c["points"] else ""
        state = "" if c["resolved"] else "  [nicht im Register]"
        print(f"    {target}{pts} in {c['in']}{state}")
    print(f"  zitiert von ({len(incoming)}):")
    for c in incoming:
        pts = f" (Ziffer {', '.join(c['points'])})" if c["points"] else ""
        print(f"    {c['number'] or '—'} in {c['in']}{pts}: {c['title'] or ''}")
    return 0


def _similar(args: argparse.Namespace) -> int:
    from core.services import similar

    with _open_register(args) as register:
        pid = _resolve(register, args.number)
        if pid is None:
            return EXIT_USAGE
        found = similar(register, pid, args.point, limit=args.limit)
    if args.point and not found:
        print(f"ziffer: the print has no point {args.point}.", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        _print_json(
            [
                {
                    "label": f.label,
                    "text": f.text,
                    "points": [vars(p) for p in f.points],
                    "passages": [vars(p) for p in f.passages],
                }
                for f in found
            ]
        )
        return 0
    for f in found:
        print(f"Punkt {f.label}: {' '.join(f.text.split())[:100]}")
        for p in f.points:
            question = " ".join(p.question.split())[:80]
            print(f"  {p.number or '—'} Ziffer {p.label} ({p.answer_date or 'ohne Datum'}): {question}")
            print(f"      Antwort: {' '.join(p.answer.split())[:160]}")
        for m in f.passages:
            print(f"  Material: {m.title}: {' '.join(m.text.split())[:160]}")
    return 0


def _list(args: argparse.Namespace) -> int:
    """The register's prints, one line each; control characters of a title never reach the terminal."""
    from core.tracking import plain

    with _open_register(args) as register:
        rows = register.list_prints(_filters(args), sort=args.sort, limit=args.limit)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        due = f"fällig {r['due_date']}" if r["due_date"] else ""
        number, kind, status = plain(r["number"]) or "—", plain(r["kind"]), plain(r["status"])
        print(f"{number:>10}  {kind:<20} {status:<15} {due:<17} {plain(r['title'])[:70]}")
    if not rows:
        print("Keine Drucksachen.")
    return 0


def _show(args: argparse.Namespace) -> int:
    with _open_register(args) as register:
        pid = _resolve(register, args.number)
        if pid is None:
            return EXIT_USAGE
        stored = register.get_print(pid)
        data = stored.doc.to_dict()
        data["status"] = stored.status
        data["due_date"] = stored.due_date
        data["material"] = register.material_for(pid)
        data["workflow"] = register.workflow(pid)
        data["history"] = register.events("print", pid)
    if args.json:
        _print_json(data)
    else:
        sys.stdout.write(summary(data))
        wf = data["workflow"]
        original = f" (ursprünglich {wf['original_due']})" if wf["extension_granted"] else ""
        source = f" ({wf['received_source']})" if wf["received_source"] else ""
        received = f"{wf['received'] or '—'}{source}"
        print(f"  Status: {data['status']}; Frist {wf['due_date'] or '—'}{original}; eingegangen {received}")
        if wf["lead_officer"] or wf["lead_unit"]:
            print(f"  Zuständig: {wf['lead_unit'] or '—'}, {wf['lead_officer'] or '—'}")
        for c in wf["contributions"]:
            print(
                f"  Zulieferung Punkt {c['point']}: {c['unit']} bis {c['due'] or '—'}"
                f"{', eingegangen ' + c['received_on'] if c['received_on'] else ''}"
            )
        for m in data["material"]:
            print(f"  Material: {m['title']}")
        for e in data["history"]:
            change = f": {e['old'] or '—'} → {e['new'] or '—'}" if e["field"] in _SHOWN_CHANGES else ""
            print(f"  {e['at']} {e['who']}: {e['field']}{change}")
    return 0


_SHOWN_CHANGES = {
    "status",
    "due_date",
    "received",
    "lead_officer",
    "lead_unit",
    "extension_requested",
    "extension_granted",
    "sent_on",
}


def _demo(args: argparse.Namespace) -> int:
    from core.demo import fill_demo

    with _open_register(args) as register:
        prints, material = fill_demo(register)
        print(f"Demo register in {register.path}: prints {prints.line()}; material {material.line()}")
    return 0


def _today(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(args.today) if getattr(args, "today", None) else date.today()


def _deadlines(args: argparse.Namespace) -> int:
    from core.services import current_user
    from core.tracking import fill_due_dates, group, overview, plain, to_csv, to_ical, to_xlsx

    today = _today(args)
    with _open_register(args) as register:
        with register.transaction():
            fill_due_dates(register, current_user())
        rows = overview(register, today, within=args.within, overdue=args.overdue)
        if args.ical:
            Path(args.ical).write_bytes(to_ical(rows, register))
        if args.csv:
            Path(args.csv).write_text(to_csv(rows), encoding="utf-8", newline="")
        if args.xlsx:
            to_xlsx(rows, Path(args.xlsx))
    if args.json:
        _print_json([vars(r) for r in rows])
        return 0
    if not rows:
        print("Keine offenen Fristen.")
    for name, members in group(rows, args.by).items():
        print(f"{name} ({len(members)})")
        for r in members:
            left = f"{-r.days_left} Tage überfällig" if r.days_left < 0 else f"noch {r.days_left} Tage"
            who = " / ".join(x for x in (r.unit, r.officer) if x) or "nicht zugewiesen"
            extra = f"  [{r.extension}]" if r.extension else ""
            print(
                f"  {r.due:%d.%m.%Y}  {left:<18} {plain(r.number) or '—':>9}  {r.status:<15} {plain(who):<22} "
                f"{plain(r.title)[:60]}{extra}"
            )
    return 0


def _workflow_command(args: argparse.Namespace) -> int:
    """status / assign / received / extension / contribute: one change, one transaction."""
    from datetime import date

    from core import tracking
    from core.services import current_user
    from core.workflow import WorkflowError

    who = args.who or current_user()
    with _open_register(args) as register:
        pid = _resolve(register, args.number)
        if pid is None:
            return EXIT_USAGE
        try:
            with register.transaction():
                if args.command == "status":
                    tracking.change_status(register, pid, args.new, who, _today(args))
                elif args.command == "assign":
                    tracking.assign(register, pid, who, officer=args.officer, unit=args.unit)
                elif args.command == "received":
                    tracking.set_received(register, pid, date.fromisoformat(args.date), who)
                elif args.command == "extension":
                    if args.granted:
                        tracking.grant_extension(register, pid, date.fromisoformat(args.granted), who)
                    else:
                        tracking.request_extension(
                            register, pid, date.fromisoformat(args.until), args.reason or "", who
                        )
                elif args.command == "contribute":
                    if args.received:
                        register.mark_contribution_received(pid, args.point, _today(args).isoformat(), who)
                    else:
                        if not args.unit:
                            raise WorkflowError("Eine Zulieferung braucht ein Referat (--unit).")
                        due = date.fromisoformat(args.due) if args.due else None
                        warning = tracking.request_contribution(
                            register, pid, args.point, args.unit, due, who, confirmed=args.after_deadline
                        )
                        if warning:
                            print(f"ziffer: Achtung: {warning} Trotzdem eingetragen.", file=sys.stderr)
        except tracking.ContributionAfterDeadline as exc:
            print(
                f"ziffer: {exc} Nicht eingetragen; mit --after-deadline trotzdem eintragen.",
                file=sys.stderr,
            )
            return EXIT_USAGE
        except ValueError as exc:  # WorkflowError too: a refused step, a bad date
            print(f"ziffer: {exc}", file=sys.stderr)
            return EXIT_USAGE
        wf = register.workflow(pid)
    print(f"{args.number}: {wf['status']}, Frist {wf['due_date'] or '—'}")
    return 0


def _plan(args: argparse.Namespace) -> int:
    """Internal deadlines of one inquiry; --set STEP=DATE overrides one."""
    from datetime import date

    from core import tracking
    from core.services import current_user

    with _open_register(args) as register:
        pid = _resolve(register, args.number)
        if pid is None:
            return EXIT_USAGE
        for item in args.set or []:
            step, _, day = item.partition("=")
            if step not in tracking.STEP_NAMES:
                print(f"ziffer: unknown step {step!r}; use {', '.join(tracking.STEP_NAMES)}.", file=sys.stderr)
                return EXIT_USAGE
            try:
                date.fromisoformat(day)
            except ValueError:
                print(f"ziffer: {day!r} is not a date (YYYY-MM-DD).", file=sys.stderr)
                return EXIT_USAGE
            with register.transaction():
                register.set_internal_deadline(pid, step, day, args.who or current_user())
        plan = tracking.plan(register, pid)
        due = register.workflow(pid)["due_date"]
        contributions = tracking.open_contributions(register, pid)
    if args.json:
        _print_json(
            {
                "due": due,
                "internal": {k: v.isoformat() for k, v in plan.items()},
                "contributions": [c | {"due": c["due"].isoformat()} for c in contributions],
            }
        )
        return 0
    lines = [(day, tracking.STEP_NAMES.get(step, step)) for step, day in plan.items()]
    for c in contributions:
        late = "  (nach der Frist!)" if due and c["due"] > date.fromisoformat(due) else ""
        lines.append((c["due"], f"Zulieferung {c['unit']} zu Ziffer {c['point']}{late}"))
    for day, what in sorted(lines, key=lambda line: line[0]):
        print(f"  {day:%d.%m.%Y}  {what}")
    print(f"  {due or '—'}  Frist")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from core.tracking import on_time_stats

    with _open_register(args) as register:
        stats = on_time_stats(register)
    if args.json:
        _print_json(stats)
        return 0
    for dim, title in (("ministry", "Ministerium"), ("unit", "Referat")):
        print(f"{title}:")
        for key, s in stats[dim].items():
            print(
                f"  {key}: {s['answered']} beantwortet, {s['on_time']} fristgerecht, {s['late']} verspätet"
                f" (im Mittel {s['mean_days_late']} Tage, höchstens {s['max_days_late']})"
            )
    return 0


def _export(args: argparse.Namespace) -> int:
    """Each format on its own (a failing DOCX still leaves the PDF); a missing --out folder is created."""
    from core import export as ex

    with _open_register(args) as register:
        pid = _resolve(register, args.number)
        if pid is None:
            return EXIT_USAGE
        doc = register.get_print(pid).doc
        in_register = ex.cited_in_register(doc, lambda n: register.print_id(n) is not None)
        try:
            request = None
            if args.template == "zulieferung":
                if not args.unit:
                    print("ziffer: Für eine Zulieferung bitte das Referat mit --unit angeben.", file=sys.stderr)
                    return EXIT_USAGE
                request = ex.request_for_unit(
                    doc,
                    register.contributions(pid),
                    args.unit,
                    officer=args.officer or "",
                    phone=args.phone or "",
                    email=args.email or "",
                )
            elif args.template == "fristverlaengerung":
                request = ex.request_for_extension(register.workflow(pid))
            out = Path(args.out).expanduser()
            if ex.ensure_folder(out):
                print(f"Ordner angelegt: {out}", file=sys.stderr)
        except ex.ExportError as exc:
            print(f"ziffer: {exc}", file=sys.stderr)
            return EXIT_USAGE
        results, errors = ex.export_formats(
            doc,
            args.format or ["docx", "pdf"],
            out,
            template=args.template,
            draft=args.draft,
            in_register=in_register,
            request=request,
        )
    for warning in results[0].warnings if results else []:
        print(f"Hinweis: {warning}", file=sys.stderr)
    for r in results:
        print(r.path)
    for error in errors:
        print(f"ziffer: {error}", file=sys.stderr)
    return EXIT_USAGE if errors else 0


def _watch(args: argparse.Namespace) -> int:
    from core.inbox import watch

    sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]  # "→" on a cp1252 console
    return watch(Path(args.folder), lambda: _open_register(args), out=lambda line: print(line, flush=True))


def _user_templates_hint() -> str:
    from core.export import user_templates_dir

    return str(user_templates_dir())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ziffer",
        description="Ziffer: Landtagsanfragen und Stellungnahmen Punkt für Punkt.",
    )
    parser.add_argument("--version", action="version", version=f"Ziffer {VERSION}")
    parser.add_argument(
        "--db", metavar="PATH", help="the register database (default: $ZIFFER_DB, else the data folder)"
    )
    db = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: "main.py --db X import F" and "main.py import F --db X" both work
    db.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the register database")
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--parliament", help="BW, BY, BE, … BT")
    filters.add_argument("--term", type=int, help="Wahlperiode, e.g. 17")
    filters.add_argument("--kind", choices=KINDS)
    filters.add_argument("--status", help="eingegangen, zugewiesen, in Bearbeitung, …, veröffentlicht")
    filters.add_argument("--ministry", help="part of the ministry's name")
    filters.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="dated on or after")
    filters.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="dated on or before")
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--json", action="store_true", help="machine-readable output")

    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("parse", help="read one print (.txt, .docx, .pdf) and show its structure")
    p.add_argument("file", help="the document to read, or a folder with --report")
    p.add_argument("--json", action="store_true", help="print the interchange format (ziffer.print/1)")
    p.add_argument(
        "--report",
        action="store_true",
        help="parse every print of a folder: labels, answer grouping, warnings, and how many come out whole",
    )
    p.add_argument("--glob", default="*", help="with --report: which files of the folder (default: all)")
    p.set_defaults(func=_parse)

    p = sub.add_parser(
        "import",
        parents=[db],
        help="import prints and material into the register",
        epilog=IMPORT_EXIT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", help="files or folders (.pdf, .docx, .txt)")
    p.add_argument("--material", action="store_true", help="file everything as background material")
    p.add_argument("--link", metavar="NUMBER", help="file as material linked to this print")
    p.set_defaults(func=_import)

    p = sub.add_parser("search", parents=[db, filters, out], help="full-text search over prints and material")
    p.add_argument("query", nargs="+", help='words ("Förder*" for a prefix) or a print number')
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=_search)

    p = sub.add_parser("refs", parents=[db, out], help="citations from and to a print")
    p.add_argument("number")
    p.set_defaults(func=_refs)

    p = sub.add_parser("similar", parents=[db, out], help="similar earlier answers and material, per point")
    p.add_argument("number")
    p.add_argument("--point", metavar="LABEL", help="only this point, e.g. 8 or II.2")
    p.add_argument("--limit", type=int, default=5)
    p.set_defaults(func=_similar)

    p = sub.add_parser("list", parents=[db, filters, out], help="the register's prints")
    p.add_argument("--sort", choices=["due", "date", "number"], default="due")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(func=_list)

    p = sub.add_parser("show", parents=[db, out], help="one print as stored, with its history")
    p.add_argument("number")
    p.set_defaults(func=_show)

    today = argparse.ArgumentParser(add_help=False)
    today.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)  # for tests and what-if views
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--who", help="name for the history (default: the login name)")

    p = sub.add_parser("deadlines", parents=[db, out, today], help="open deadlines for clerks, with exports")
    p.add_argument("--within", type=int, metavar="DAYS", help="only those due within DAYS days")
    p.add_argument("--overdue", action="store_true", help="only overdue ones")
    p.add_argument("--by", choices=["bucket", "unit", "officer"], default="bucket", help="grouping")
    p.add_argument("--ical", metavar="FILE", help="also write an iCalendar file")
    p.add_argument("--csv", metavar="FILE", help="also write a CSV file")
    p.add_argument("--xlsx", metavar="FILE", help="also write an Excel file")
    p.set_defaults(func=_deadlines)

    p = sub.add_parser("status", parents=[db, today, who], help="move an inquiry to its next status")
    p.add_argument("number")
    p.add_argument("new", help="zugewiesen, in Bearbeitung, in Mitzeichnung, zur Zeichnung, versandt, …")
    p.set_defaults(func=_workflow_command)

    p = sub.add_parser("assign", parents=[db, who], help="set lead officer and unit")
    p.add_argument("number")
    p.add_argument("--officer")
    p.add_argument("--unit")
    p.set_defaults(func=_workflow_command)

    p = sub.add_parser("received", parents=[db, who], help="set the date the inquiry reached the ministry")
    p.add_argument("number")
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.set_defaults(func=_workflow_command)

    p = sub.add_parser(
        "extension", parents=[db, who], help="request (--until, --reason) or record (--granted) more time"
    )
    p.add_argument("number")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--until", metavar="YYYY-MM-DD", help="the date asked for")
    g.add_argument("--granted", metavar="YYYY-MM-DD", help="the date granted")
    p.add_argument("--reason")
    p.set_defaults(func=_workflow_command)

    p = sub.add_parser("contribute", parents=[db, today, who], help="ask a unit for a point, or mark it received")
    p.add_argument("number")
    p.add_argument("--point", required=True)
    p.add_argument("--unit")
    p.add_argument("--due", metavar="YYYY-MM-DD")
    p.add_argument("--received", action="store_true", help="the unit's contribution has arrived")
    p.add_argument(
        "--after-deadline", action="store_true", help="accept a --due after the answer's own deadline (warned)"
    )
    p.set_defaults(func=_workflow_command)

    p = sub.add_parser("plan", parents=[db, out, who], help="internal deadlines (Zulieferung, Mitzeichnung, Zeichnung)")
    p.add_argument("number")
    p.add_argument("--set", action="append", metavar="STEP=YYYY-MM-DD", help="contribution, cosigning or signature")
    p.set_defaults(func=_plan)

    p = sub.add_parser("stats", parents=[db, out], help="answered on time or late, per ministry and unit")
    p.set_defaults(func=_stats)

    p = sub.add_parser(
        "export",
        parents=[db],
        help="the answer (or a letter about it) as DOCX and/or PDF from a template",
        description="Templates: stellungnahme, antwort, zulieferung, fristverlaengerung. A file of the same "
        "name in your template folder overrides the built-in one: "
        f"{_user_templates_hint()}",
    )
    p.add_argument("number")
    p.add_argument(
        "--format", choices=["docx", "pdf"], action="append", help="docx or pdf; repeat for both (default: both)"
    )
    p.add_argument("--template", help="default: stellungnahme for an Antrag, antwort otherwise")
    p.add_argument("--out", default=".", metavar="DIR", help="the folder to write into (default: here)")
    p.add_argument("--draft", action="store_true", help='mark every page "Entwurf"')
    p.add_argument("--unit", help="for a Zulieferung: the unit asked")
    p.add_argument("--officer", help="for a Zulieferung: the officer to answer to")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.set_defaults(func=_export, format=None)

    p = sub.add_parser("watch", parents=[db], help="import every print dropped into FOLDER (then archiv/, fehler/)")
    p.add_argument("folder", help="the inbox folder (created if missing)")
    p.set_defaults(func=_watch)

    p = sub.add_parser("demo", parents=[db], help="fill a register with demo prints and material")
    p.set_defaults(func=_demo)

    p = sub.add_parser(
        "restore", parents=[db], help="put a backup in place of the register (default: the newest intact one)"
    )
    p.add_argument("copy", nargs="?", metavar="COPY", help="a file in the backups folder beside the register")
    p.set_defaults(func=_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from gui.platform_check import platform_problem

        problem = platform_problem()
        if problem:  # Qt would abort the process; say what is missing instead
            print(f"ziffer: {problem}", file=sys.stderr)
            return 1
        from gui.app import run

        return run(args.db)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug or a broken database: one line instead of a traceback
        from storage.db import StorageError

        if isinstance(exc, StorageError):
            print(f"ziffer: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"ziffer: internal error ({type(exc).__name__}: {exc}); please report it with the file.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the packaged app spawns parsing workers for large imports
    sys.exit(main())
