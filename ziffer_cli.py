"""Ziffer's command line (main.py runs it): no arguments open the desktop app; subcommands run the same
features headless.

Each command imports what it needs inside its function: `--help` and a command's start load only
argparse and core.kinds, not the register, the parser or the export (bench/bench_cold.py)."""

from __future__ import annotations

import argparse
import sys

from core import VERSION
from core.kinds import KINDS

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: typing and pathlib cost milliseconds of every start
    import typing
    from collections.abc import Sequence
    from pathlib import Path

EXIT_USAGE = 2


# -- argparse in German -----------------------------------------------------------------------------
#
# argparse writes its own words in English ("usage:", "options", "error: the following arguments are
# required"). GermanParser gives its sections German titles, its own -h a German help, its usage line
# the prefix "Aufruf:", and rewords argparse's error messages in error(); the rest of each message
# (option names, the values typed) stays as argparse wrote it.

_ARGPARSE_ERRORS = (
    (r"the following arguments are required: (.*)", r"Es fehlt die Angabe: \1."),
    (r"one of the arguments (.*) is required", r"Eine dieser Angaben ist nötig: \1."),
    (r"unrecognized arguments: (.*)", r"Diese Angaben kennt Ziffer nicht: \1."),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", r"Bei \1 geht \2 nicht; möglich sind: \3."),
    (r"argument (.*?): invalid int value: (.*)", r"Bei \1 ist \2 keine ganze Zahl."),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"Bei \1 geht \3 nicht."),
    (r"argument (.*?): expected one argument", r"Nach \1 fehlt der Wert."),
    (r"argument (.*?): expected at least one argument", r"Nach \1 fehlt mindestens ein Wert."),
    (r"argument (.*?): expected (.*) arguments?", r"Nach \1 fehlen Werte."),
    (r"argument (.*?): not allowed with argument (.*)", r"\1 und \2 gehen nicht zusammen."),
    (r"argument (.*?): ignored explicit argument (.*)", r"\1 nimmt keinen Wert (\2)."),
    (r"ambiguous option: (.*?) could match (.*)", r"Die Angabe \1 ist mehrdeutig: \2."),
    (r"argument (-\S+(?:/-\S+)*): (.*)", r"Bei \1: \2"),
    (r"argument [^:]*: (.*)", r"\1"),
)


class GermanHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help as written (line breaks kept), the usage line headed "Aufruf:"."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):  # type: ignore[no-untyped-def]
        if width is None:  # as argparse sets it, without its import of shutil (with bz2, lzma, zlib: 3 ms a start)
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


def _terminal_columns() -> int:
    """The columns of shutil.get_terminal_size(): $COLUMNS, else the terminal's, else 80. argparse makes
    a formatter for every argument it is given, so this runs at every start."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
            columns = 80
    return columns


class GermanParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks German: section titles, -h, the usage prefix and error messages."""

    _TITLES: typing.ClassVar[dict[str, str]] = {"positional arguments": "Argumente", "options": "Optionen"}

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        super().__init__(*args, **kwargs)
        if "-h" in self._option_string_actions:
            self._option_string_actions["-h"].help = "diese Hilfe zeigen und beenden"

    def add_argument_group(self, title=None, *args, **kwargs):  # type: ignore[no-untyped-def]
        """argparse's own sections get German titles (before parents' options join them)."""
        return super().add_argument_group(self._TITLES.get(title, title), *args, **kwargs)  # type: ignore[arg-type]

    def format_help(self) -> str:
        """A description may be a function: one that needs an import is made only when shown."""
        if callable(self.description):
            self.description = self.description()
        return super().format_help()

    def error(self, message: str) -> typing.NoReturn:
        """The usage line and one German sentence on stderr, exit status 2."""
        import re

        for pattern, german in _ARGPARSE_ERRORS:
            m = re.fullmatch(pattern, message)
            if m:
                message = m.expand(german)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def iso_date(text: str) -> str:
    """An argument YYYY-MM-DD, checked ("2025-13-01" is refused in German); the date as ISO text."""
    from datetime import date

    from core.errors import in_german

    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError as exc:
        reason = in_german(str(exc))
        if not reason.startswith("ungültiges Datum: "):
            raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum; bitte als JJJJ-MM-TT angeben.") from None
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein gültiges Datum: {reason.split(': ', 1)[1]}") from None


def _parse(args: argparse.Namespace) -> int:
    from core.errors import DocumentError, in_german
    from core.parser import parse_file

    if args.report:
        return _parse_report(args)
    try:
        doc = parse_file(args.file)
    except DocumentError as exc:
        print(f"ziffer: {in_german(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    # JSON is UTF-8 whatever the console's code page; a summary degrades rather than fails
    sys.stdout.reconfigure(encoding="utf-8" if args.json else sys.stdout.encoding, errors="replace")  # type: ignore[union-attr]
    if args.json:
        import json

        json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(doc.to_dict()))
    return 0


def _parse_report(args: argparse.Namespace) -> int:
    """Parse every print of a folder and say which come out whole (the corpus report)."""
    from pathlib import Path

    from core.errors import DocumentError, in_german
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
            print(f"FAIL {f.name}  nicht lesbar: {in_german(str(exc))}")
            continue
        whole += not structural_problems(doc)
        print(report_line(f.name, doc))
    print(f"{whole} of {len(files)} documents without structural warnings")
    return 0


def summary(d: dict) -> str:
    """A readable summary of a parsed print for the terminal."""
    from core.wording import DATE_NAMES, kind_name, warning_name, where_phrase

    lines = []
    number = d["number"] or "(ohne Nummer)"
    lines.append(f"{d['parliament'] or '??'} {number} · {kind_name(d['kind'])} · {d['title'] or '(ohne Titel)'}")
    if d["originators"] or d["factions"]:
        lines.append(f"  von: {', '.join(d['originators'])} {' '.join(d['factions'])}".rstrip())
    if d["ministry"]:
        lines.append(f"  Ministerium: {d['ministry']}")
    dates = [f"{name} {d[k]}" for k, name in DATE_NAMES.items() if d.get(k)]
    if dates:
        lines.append("  " + ", ".join(dates))
    answer = d["answer"]
    answered: dict[str, str] = {}
    if answer:
        for item in answer["items"]:
            words = " ".join(item["text"].split()[:8])
            for label in item["points"]:
                answered[label] = f"Zu {' und '.join(item['points'])}: {words} …"
    lines.append(f"  {len(d['points'])} Ziffern:")
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
        lines.append(f"  Verweis: {target}{pts} {where_phrase(r['in'])}")
    for w in d["warnings"]:
        lines.append(f"  Hinweis: {warning_name(w)}")
    return "\n".join(lines) + "\n"


def _open_register(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The register for a subcommand; a damaged one is refused with the way out (the `restore` command)."""
    from storage.db import DamagedRegister, StorageError, resolve_db_path, upgrade_pending
    from storage.register import Register

    if upgrade_pending(resolve_db_path(args.db)):  # once, and for a large register a while: said, not a silent wait
        print(
            "Das Register wird auf diese Version von Ziffer umgestellt (einmalig, vorher wird eine Kopie angelegt) …",
            file=sys.stderr,
            flush=True,
        )
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
    from pathlib import Path

    from storage import backup
    from storage.db import DamagedRegister, resolve_db_path
    from storage.register import Register

    path = resolve_db_path(args.db)
    if isinstance(path, str):
        from storage.team import display

        print(
            f"ziffer: Das Team-Register {display(path)} sichert und stellt der Server wieder her (pg_dump, "
            "pg_restore), nicht Ziffer; bitte wenden Sie sich an die Verwaltung des Servers.",
            file=sys.stderr,
        )
        return EXIT_USAGE
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
    import json

    sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _resolve(register, number: str) -> int | None:  # type: ignore[no-untyped-def]
    from core.numbers import normalise_print_number

    normalised = normalise_print_number(number) or number
    pid = register.print_id(normalised)
    if pid is None:
        print(f"ziffer: Die Drucksache {normalised} ist nicht im Register {register.display}.", file=sys.stderr)
    return pid


def _import(args: argparse.Namespace) -> int:
    """Import files and folders; the exit status follows IMPORT_EXIT (one rule for files and folders)."""
    from core.errors import in_german
    from core.services import FAILED, import_files
    from core.wording import import_status_name, what_name

    with _open_register(args) as register:

        def progress(done: int, total: int, result) -> None:  # type: ignore[no-untyped-def]
            what = f"{what_name(result.what)} {result.number or ''}".strip()
            detail = in_german(result.reason) if result.status == FAILED else what
            line = f"[{done}/{total}] {result.path.name}: {import_status_name(result.status)} {detail}"
            print(line.rstrip(), file=sys.stderr)

        summary = import_files(register, args.files, force_material=args.material, link=args.link, progress=progress)
    for skipped in summary.skipped:
        print(f"ziffer: übersprungen: {skipped.path} – {in_german(skipped.reason).rstrip('.')}.", file=sys.stderr)
    print(summary.line())
    for r in summary.results:
        if r.status == FAILED:
            print(f"  fehlgeschlagen: {r.path}: {in_german(r.reason)}")
    failed = summary.count(FAILED)
    if not summary.results:
        print("ziffer: keine .pdf-, .docx- oder .txt-Datei zum Importieren gefunden.", file=sys.stderr)
        return EXIT_USAGE
    if failed == len(summary.results):
        return EXIT_USAGE
    return 1 if failed else 0


IMPORT_EXIT = """Rückgabewert: 0 jede Datei wurde übernommen, aktualisiert oder war schon im Register;
1 einige Dateien sind fehlgeschlagen (jede mit ihrem Grund genannt), die anderen wurden übernommen;
2 nichts wurde übernommen: jede Datei ist fehlgeschlagen, es gab keine .pdf-, .docx- oder
.txt-Datei, oder das Register lässt sich nicht öffnen. Die Regel gilt für eine Datei wie für
Ordner: eine einzelne unlesbare Datei ergibt 2. In einem Ordner werden andere Dateien (.jpg, .md …),
Verknüpfungen auf Ordner und besondere Dateien übersprungen, jede auf stderr genannt; eine
Verknüpfung auf eine Datei außerhalb des Ordners wird nicht gelesen und zählt als fehlgeschlagen.
Eine ausdrücklich genannte Datei wird gelesen, wie immer sie heißt und wohin eine Verknüpfung führt."""


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
    from core.wording import kind_name

    query = parse_query(" ".join(args.query))
    if query.empty:
        print("ziffer: Bitte einen Suchbegriff angeben.", file=sys.stderr)
        return EXIT_USAGE
    with _open_register(args) as register:
        hits = register.search(query, _filters(args), limit=args.limit)
    if args.json:
        _print_json([vars(h) for h in hits])
        return 0
    if not hits:
        print("Keine Treffer.")
    for h in hits:
        head = (
            f"{h.number or '—'} {kind_name(h.print_kind) if h.print_kind else ''}" if h.kind == "print" else "Material"
        )
        print(f"{head.strip()}: {h.title}")
        print(f"    {_render_snippet(h.snippet)}")
    return 0


def _refs(args: argparse.Namespace) -> int:
    from core.numbers import normalise_print_number
    from core.wording import where_phrase

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
        print(f"    {target}{pts} {where_phrase(c['in'])}{state}")
    print(f"  zitiert von ({len(incoming)}):")
    for c in incoming:
        pts = f" (Ziffer {', '.join(c['points'])})" if c["points"] else ""
        print(f"    {c['number'] or '—'} {where_phrase(c['in'])}{pts}: {c['title'] or ''}")
    return 0


def _similar(args: argparse.Namespace) -> int:
    from core.services import similar

    with _open_register(args) as register:
        pid = _resolve(register, args.number)
        if pid is None:
            return EXIT_USAGE
        found = similar(register, pid, args.point, limit=args.limit)
    if args.point and not found:
        print(f"ziffer: Die Drucksache hat keine Ziffer {args.point}.", file=sys.stderr)
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
        print(f"Ziffer {f.label}: {' '.join(f.text.split())[:100]}")
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
    from core.wording import kind_name

    with _open_register(args) as register:
        rows = register.list_prints(_filters(args), sort=args.sort, limit=args.limit)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        due = f"fällig {r['due_date']}" if r["due_date"] else ""
        number, kind, status = plain(r["number"]) or "—", plain(kind_name(r["kind"])), plain(r["status"])
        print(f"{number:>10}  {kind:<20} {status:<15} {due:<17} {plain(r['title'])[:70]}")
    if not rows:
        print("Keine Drucksachen.")
    return 0


def _show(args: argparse.Namespace) -> int:
    from core.history import field_name

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
                f"  Zulieferung zu Ziffer {c['point']}: {c['unit']} bis {c['due'] or '—'}"
                f"{', eingegangen ' + c['received_on'] if c['received_on'] else ''}"
            )
        for m in data["material"]:
            print(f"  Material: {m['title']}")
        for e in data["history"]:
            change = f": {e['old'] or '—'} → {e['new'] or '—'}" if e["field"] in _SHOWN_CHANGES else ""
            print(f"  {e['at']} {e['who']}: {field_name(e['field'])}{change}")
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
        print(f"Demo-Register in {register.display}: Drucksachen {prints.line()}; Material {material.line()}")
    return 0


def _copy(args: argparse.Namespace) -> int:
    """Copy the whole register (--db) into an empty one: a file to the team register or back."""
    from storage.copy import copy_register
    from storage.register import Register

    with _open_register(args) as source, Register.open(args.to) as target:
        report = copy_register(source, target)
        print(f"Register {source.display} nach {target.display} kopiert; gezählt auf beiden Seiten:")
        for table, (n, _) in report.counts.items():
            print(f"  {table}: {n}")
    return 0


def _today(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(args.today) if getattr(args, "today", None) else date.today()


def _write_file(name: str, write: typing.Callable[[Path], object]) -> None:
    """Write one export file; an OSError without a file name (a full disk) is given this one."""
    from pathlib import Path

    try:
        write(Path(name))
    except OSError as exc:
        if exc.filename is None:
            exc.filename = name
        raise


def _deadlines(args: argparse.Namespace) -> int:
    from core.services import current_user
    from core.tracking import fill_due_dates, group, overview, plain, to_csv, to_ical, to_xlsx

    today = _today(args)
    with _open_register(args) as register:
        with register.transaction():
            fill_due_dates(register, current_user())
        rows = overview(register, today, within=args.within, overdue=args.overdue)
        if args.ical:
            _write_file(args.ical, lambda path: path.write_bytes(to_ical(rows, register)))
        if args.csv:
            _write_file(args.csv, lambda path: path.write_text(to_csv(rows), encoding="utf-8", newline=""))
        if args.xlsx:
            _write_file(args.xlsx, lambda path: to_xlsx(rows, path))
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
            from core.errors import in_german

            print(f"ziffer: {in_german(str(exc))}", file=sys.stderr)
            return EXIT_USAGE
        wf = register.workflow(pid)
    print(f"{args.number}: {wf['status']}, Frist {wf['due_date'] or '—'}")
    return 0


def _plan(args: argparse.Namespace) -> int:
    """Internal deadlines of one inquiry; --set STEP=DATE overrides one."""
    from datetime import date

    from core import tracking
    from core.services import current_user
    from core.wording import step_key

    with _open_register(args) as register:
        pid = _resolve(register, args.number)
        if pid is None:
            return EXIT_USAGE
        for item in args.set or []:
            name, _, day = item.partition("=")
            step = step_key(name)
            if step is None:
                steps = ", ".join(tracking.STEP_NAMES.values())
                print(f"ziffer: Einen Schritt „{name}“ gibt es nicht; möglich sind: {steps}.", file=sys.stderr)
                return EXIT_USAGE
            try:
                day = iso_date(day)
            except argparse.ArgumentTypeError as exc:
                print(f"ziffer: {exc}", file=sys.stderr)
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
    lines = [(day, tracking.STEP_NAMES.get(step, step)) for step, day in plan.items()]  # German names
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
    from pathlib import Path

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
    from pathlib import Path

    from core.inbox import watch

    sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]  # "→" on a cp1252 console
    return watch(Path(args.folder), lambda: _open_register(args), out=lambda line: print(line, flush=True))


def _user_templates_hint() -> str:
    from core.export import user_templates_dir

    return str(user_templates_dir())


COMMANDS = (
    "parse",
    "import",
    "search",
    "refs",
    "similar",
    "list",
    "show",
    "deadlines",
    "status",
    "assign",
    "received",
    "extension",
    "contribute",
    "plan",
    "stats",
    "export",
    "watch",
    "demo",
    "copy",
    "restore",
)  # as build_parser defines them


class _Undefined:
    """Stands in for the parser of a command this start does not run: its options are not defined."""

    def add_argument(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        pass

    def add_mutually_exclusive_group(self, **kwargs) -> _Undefined:  # type: ignore[no-untyped-def]
        return self

    def set_defaults(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        pass


def command_of(argv: Sequence[str]) -> str | None:
    """The command `argv` names where that is plain to see: the first word after --db PATH; "" when
    there is none (the window opens). None when anything else comes first (-h, --version, an
    abbreviation), so that build_parser defines every command and argparse answers as ever."""
    args = list(argv)
    while args:
        if args[0] == "--db" and len(args) > 1:
            args = args[2:]
        elif args[0].startswith("--db="):
            args = args[1:]
        else:
            break
    if not args:
        return ""
    return None if not args[0] or args[0].startswith("-") else args[0]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line. With `command` (command_of the arguments) only that command is defined, and
    none for "": defining all 20 with their options costs 6 ms of every start. A name that is no
    command defines them all, so argparse's error lists them."""
    parser = GermanParser(
        prog="ziffer",
        description="Ziffer: Landtagsanfragen und Stellungnahmen Punkt für Punkt. Ohne Befehl öffnet sich das Fenster.",
    )
    parser.add_argument(
        "--version", action="version", version=f"Ziffer {VERSION}", help="die Version zeigen und beenden"
    )
    parser.add_argument(
        "--db",
        metavar="PFAD",
        help="die Registerdatei oder das Team-Register postgresql://benutzer@server/datenbank "
        "(sonst $ZIFFER_DB, sonst die Datei im Datenordner)",
    )
    db = GermanParser(add_help=False)
    # SUPPRESS: "main.py --db X import F" and "main.py import F --db X" both work
    db.add_argument(
        "--db", metavar="PFAD", default=argparse.SUPPRESS, help="die Registerdatei oder postgresql://… (Team-Register)"
    )
    filters = GermanParser(add_help=False)
    filters.add_argument("--parliament", metavar="PARLAMENT", help="BW, BY, BE, … BT")
    filters.add_argument("--term", type=int, metavar="WP", help="Wahlperiode, z. B. 17")
    filters.add_argument("--kind", choices=KINDS, metavar="ART", help=f"Art der Drucksache: {', '.join(KINDS)}")
    filters.add_argument(
        "--status", metavar="STATUS", help="eingegangen, zugewiesen, in Bearbeitung, …, veröffentlicht"
    )
    filters.add_argument("--ministry", metavar="TEXT", help="ein Teil des Namens des Ministeriums")
    filters.add_argument(
        "--from", dest="date_from", metavar="JJJJ-MM-TT", type=iso_date, help="datiert an oder nach diesem Tag"
    )
    filters.add_argument(
        "--to", dest="date_to", metavar="JJJJ-MM-TT", type=iso_date, help="datiert an oder vor diesem Tag"
    )
    out = GermanParser(add_help=False)
    out.add_argument("--json", action="store_true", help="Ausgabe für Programme (JSON)")

    sub = parser.add_subparsers(dest="command", title="Befehle", metavar="BEFEHL")

    def add(name: str, **kwargs: typing.Any) -> typing.Any:
        if command is None or command == name or (command and command not in COMMANDS):
            return sub.add_parser(name, **kwargs)
        return _Undefined()

    p = add(
        "parse",
        help="eine Drucksache (.txt, .docx, .pdf) lesen und ihren Aufbau zeigen",
        description="Liest eine Drucksache und zeigt ihren Aufbau; schreibt nichts ins Register.",
    )
    p.add_argument("file", metavar="DATEI", help="die Datei, mit --report ein Ordner")
    p.add_argument("--json", action="store_true", help="im Austauschformat ausgeben (ziffer.print/1)")
    p.add_argument(
        "--report",
        action="store_true",
        help="jede Drucksache eines Ordners lesen: Ziffern, Antworten, Hinweise, und wie viele vollständig sind",
    )
    p.add_argument("--glob", default="*", metavar="MUSTER", help="mit --report: welche Dateien (Vorgabe: alle)")
    p.set_defaults(func=_parse)

    p = add(
        "import",
        parents=[db],
        help="Drucksachen und Material ins Register übernehmen",
        description="Übernimmt Dateien und Ordner ins Register.",
        epilog=IMPORT_EXIT,
    )
    p.add_argument("files", nargs="+", metavar="DATEI", help="Dateien oder Ordner (.pdf, .docx, .txt)")
    p.add_argument("--material", action="store_true", help="alles als Hintergrundmaterial ablegen")
    p.add_argument("--link", metavar="NUMMER", help="als Material zu dieser Drucksache ablegen")
    p.set_defaults(func=_import)

    p = add("search", parents=[db, filters, out], help="Volltextsuche in Drucksachen und Material")
    p.add_argument(
        "query", nargs="+", metavar="BEGRIFF", help="Wörter („Förder*“ für den Wortanfang) oder eine Drucksachennummer"
    )
    p.add_argument("--limit", type=int, default=20, metavar="ANZAHL", help="höchstens so viele Treffer (Vorgabe: 20)")
    p.set_defaults(func=_search)

    p = add("refs", parents=[db, out], help="Verweise einer Drucksache und auf sie")
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer, z. B. 17/9075")
    p.set_defaults(func=_refs)

    p = add("similar", parents=[db, out], help="ähnliche frühere Antworten und Material, je Ziffer")
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.add_argument("--point", metavar="ZIFFER", help="nur diese Ziffer, z. B. 8 oder II.2")
    p.add_argument("--limit", type=int, default=5, metavar="ANZAHL", help="höchstens so viele je Ziffer (Vorgabe: 5)")
    p.set_defaults(func=_similar)

    p = add("list", parents=[db, filters, out], help="die Drucksachen des Registers")
    p.add_argument(
        "--sort",
        choices=["due", "date", "number"],
        default="due",
        metavar="ORDNUNG",
        help="due (nach Frist, Vorgabe), date (nach Datum) oder number (nach Nummer)",
    )
    p.add_argument("--limit", type=int, default=100, metavar="ANZAHL", help="höchstens so viele (Vorgabe: 100)")
    p.set_defaults(func=_list)

    p = add("show", parents=[db, out], help="eine Drucksache wie gespeichert, mit ihrem Verlauf")
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.set_defaults(func=_show)

    today = GermanParser(add_help=False)
    today.add_argument("--today", metavar="JJJJ-MM-TT", type=iso_date, help=argparse.SUPPRESS)  # tests, what-if views
    who = GermanParser(add_help=False)
    who.add_argument("--who", metavar="NAME", help="Name für den Verlauf (Vorgabe: der Anmeldename)")

    p = add("deadlines", parents=[db, out, today], help="offene Fristen, mit Export")
    p.add_argument("--within", type=int, metavar="TAGE", help="nur die in TAGE Tagen fälligen")
    p.add_argument("--overdue", action="store_true", help="nur die überfälligen")
    p.add_argument(
        "--by",
        choices=["bucket", "unit", "officer"],
        default="bucket",
        metavar="GRUPPE",
        help="gruppiert nach bucket (Dringlichkeit, Vorgabe), unit (Referat) oder officer (Bearbeiter/in)",
    )
    p.add_argument("--ical", metavar="DATEI", help="auch eine iCalendar-Datei schreiben")
    p.add_argument("--csv", metavar="DATEI", help="auch eine CSV-Datei schreiben")
    p.add_argument("--xlsx", metavar="DATEI", help="auch eine Excel-Datei schreiben")
    p.set_defaults(func=_deadlines)

    p = add("status", parents=[db, today, who], help="eine Anfrage in ihren nächsten Status setzen")
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.add_argument(
        "new", metavar="STATUS", help="zugewiesen, in Bearbeitung, in Mitzeichnung, zur Zeichnung, versandt, …"
    )
    p.set_defaults(func=_workflow_command)

    p = add("assign", parents=[db, who], help="Bearbeiter/in und Referat eintragen")
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.add_argument("--officer", metavar="NAME", help="die Bearbeiterin oder der Bearbeiter")
    p.add_argument("--unit", metavar="REFERAT", help="das federführende Referat")
    p.set_defaults(func=_workflow_command)

    p = add("received", parents=[db, who], help="den Tag des Eingangs im Ministerium eintragen")
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.add_argument("date", metavar="JJJJ-MM-TT", type=iso_date, help="der Tag des Eingangs")
    p.set_defaults(func=_workflow_command)

    p = add(
        "extension",
        parents=[db, who],
        help="Fristverlängerung beantragen (--until, --reason) oder eintragen (--granted)",
    )
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--until", metavar="JJJJ-MM-TT", type=iso_date, help="die beantragte neue Frist")
    g.add_argument("--granted", metavar="JJJJ-MM-TT", type=iso_date, help="die gewährte neue Frist")
    p.add_argument("--reason", metavar="TEXT", help="die Begründung des Antrags")
    p.set_defaults(func=_workflow_command)

    p = add(
        "contribute",
        parents=[db, today, who],
        help="ein Referat um Zulieferung zu einer Ziffer bitten oder sie als eingegangen vermerken",
    )
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.add_argument("--point", required=True, metavar="ZIFFER", help="die Ziffer, z. B. 3")
    p.add_argument("--unit", metavar="REFERAT", help="das zuliefernde Referat")
    p.add_argument("--due", metavar="JJJJ-MM-TT", type=iso_date, help="bis wann")
    p.add_argument("--received", action="store_true", help="die Zulieferung ist eingegangen")
    p.add_argument(
        "--after-deadline",
        action="store_true",
        help="ein --due nach der Frist der Antwort trotzdem eintragen (mit Warnung)",
    )
    p.set_defaults(func=_workflow_command)

    p = add("plan", parents=[db, out, who], help="interne Fristen (Zulieferung, Mitzeichnung, Zeichnung)")
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.add_argument(
        "--set",
        action="append",
        metavar="SCHRITT=JJJJ-MM-TT",
        help="eine interne Frist von Hand setzen; SCHRITT ist Zulieferung, Mitzeichnung oder Zeichnung",
    )
    p.set_defaults(func=_plan)

    p = add("stats", parents=[db, out], help="fristgerecht oder verspätet beantwortet, je Ministerium und Referat")
    p.set_defaults(func=_stats)

    p = add(
        "export",
        parents=[db],
        help="die Antwort (oder ein Schreiben dazu) als DOCX und/oder PDF aus einer Vorlage",
        description=lambda: (
            "Vorlagen: stellungnahme, antwort, zulieferung, fristverlaengerung. Eine gleichnamige "
            f"Datei in Ihrem Vorlagenordner ersetzt die mitgelieferte: {_user_templates_hint()}"
        ),
    )
    p.add_argument("number", metavar="NUMMER", help="die Drucksachennummer")
    p.add_argument(
        "--format",
        choices=["docx", "pdf"],
        action="append",
        metavar="FORMAT",
        help="docx oder pdf; zweimal angegeben beide (Vorgabe: beide)",
    )
    p.add_argument("--template", metavar="VORLAGE", help="Vorgabe: stellungnahme zu einem Antrag, sonst antwort")
    p.add_argument("--out", default=".", metavar="ORDNER", help="der Zielordner (Vorgabe: der aktuelle)")
    p.add_argument("--draft", action="store_true", help="jede Seite als „Entwurf“ kennzeichnen")
    p.add_argument("--unit", metavar="REFERAT", help="für eine Zulieferung: das angefragte Referat")
    p.add_argument("--officer", metavar="NAME", help="für eine Zulieferung: an wen die Antwort geht")
    p.add_argument("--phone", metavar="TELEFON", help="für eine Zulieferung: Telefon für Rückfragen")
    p.add_argument("--email", metavar="E-MAIL", help="für eine Zulieferung: E-Mail für Rückfragen")
    p.set_defaults(func=_export, format=None)

    p = add("watch", parents=[db], help="jede in ORDNER gelegte Drucksache übernehmen (danach archiv/, fehler/)")
    p.add_argument("folder", metavar="ORDNER", help="der Eingangsordner (wird angelegt, falls er fehlt)")
    p.set_defaults(func=_watch)

    p = add("demo", parents=[db], help="ein Register mit erfundenen Drucksachen und Material füllen")
    p.set_defaults(func=_demo)

    p = add(
        "copy", parents=[db], help="das ganze Register in ein leeres kopieren (Datei ↔ Team-Register auf dem Server)"
    )
    p.add_argument(
        "--to",
        required=True,
        metavar="ZIEL",
        help="eine neue Registerdatei oder die Adresse einer leeren Datenbank (postgresql://benutzer@server/name)",
    )
    p.set_defaults(func=_copy)

    p = add(
        "restore",
        parents=[db],
        help="eine Sicherung an die Stelle des Registers setzen (Vorgabe: die neueste unbeschädigte)",
    )
    p.add_argument("copy", nargs="?", metavar="SICHERUNG", help="eine Datei aus dem Ordner backups/ neben dem Register")
    p.set_defaults(func=_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(command_of(sys.argv[1:] if argv is None else argv))
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
    except Exception as exc:  # one German sentence instead of a traceback
        message, status = failure_message(exc, getattr(args, "db", None))
        print(f"ziffer: {message}", file=sys.stderr)
        return status


def failure_message(exc: BaseException, db: str | None) -> tuple[str, int]:
    """What the command line says about an exception no command caught, and its exit status.

    Ordinary conditions — a folder or file that may not be written, a full disk, a read-only file
    system, a register another program holds, a damaged or newer register — get one German sentence
    naming the file and the way out (status 2). Anything else is a bug: its traceback goes to the
    error log beside the register, the terminal gets one sentence pointing there (status 1)."""
    import traceback

    from core.deadlines import RulesError
    from core.errors import ZifferError, in_german, ordinary_error
    from storage.db import StorageError, error_log_path, log_error, resolve_db_path

    try:
        register = resolve_db_path(db)
    except Exception:
        register = None
    shown = register
    if isinstance(register, str):  # the team register's address: shown without its password
        from storage.team import display

        shown = display(register)
    ordinary = ordinary_error(exc, shown)
    if ordinary is not None:
        return ordinary, EXIT_USAGE
    if isinstance(exc, (StorageError, ZifferError, RulesError)):  # their messages are meant for the user
        return in_german(str(exc)), EXIT_USAGE
    details = "".join(traceback.format_exception(exc))
    if register is not None and log_error(register, f"interner Fehler der Befehlszeile:\n{details}"):
        where = f"die Einzelheiten stehen in {error_log_path(register)}"
    else:
        where = "die Einzelheiten konnten nicht gespeichert werden"
    return f"Interner Fehler: {where}; bitte melden Sie ihn Ihrer IT mit dieser Datei.", 1
