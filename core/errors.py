"""Errors that reach the user as one sentence, never as a traceback."""

from __future__ import annotations

import errno
import os


class ZifferError(Exception):
    """Base of every error whose message is meant for the user."""


class DocumentError(ZifferError):
    """A file that cannot be read as a document: missing, empty, binary, corrupt, encrypted."""


# The user-facing reasons of the reader, the importer and the register, in German for the app, the
# inbox's notes and the command line. Unknown messages pass through unchanged.
_GERMAN = [
    (
        r"the register cannot be written \(attempt to write a readonly database\)\.?",
        "das Register ist schreibgeschützt; bitte die Berechtigung prüfen lassen oder ein anderes Register wählen.",
    ),
    (
        r"the register cannot be written \(database or disk is full\)\.?",
        "auf dem Laufwerk des Registers ist kein Platz mehr; bitte Platz schaffen und noch einmal versuchen.",
    ),
    (
        r"the register cannot be written \(database is locked\)\.?",
        "das Register wird gerade von einem anderen Programm geschrieben; bitte gleich noch einmal versuchen.",
    ),
    (r"the register cannot be written \((.*)\)\.?", r"das Register kann nicht geschrieben werden (\1)."),
    (
        r"(.+): the database cannot be opened \(unable to open database file\)\.?",
        r"das Register \1 kann nicht geöffnet werden: der Ordner fehlt oder darf nicht beschrieben werden.",
    ),
    (r"(.+): the database cannot be opened \((.*)\)\.?", r"das Register \1 kann nicht geöffnet werden (\2)."),
    (
        r"(.+): the database folder cannot be created \((.*)\)\.?",
        r"der Ordner für das Register \1 kann nicht angelegt werden (\2).",
    ),
    (r"the copy of (\S+) is damaged \((.*)\)\.?", r"die Kopie von \1 ist beschädigt (\2)."),
    (
        r"(.+): the deadline rules cannot be read \((.*)\)\.?",
        r"die Fristregeln in \1 können nicht gelesen werden (\2).",
    ),
    (r"month must be in 1\.\.12", "ungültiges Datum: einen solchen Monat gibt es nicht."),
    (r"day is out of range for month", "ungültiges Datum: diesen Tag hat der Monat nicht."),
    (r"year (-?\d+) is out of range", r"ungültiges Datum: das Jahr \1 geht nicht."),
    (r"Invalid isoformat string: (.*)", r"\1 ist kein Datum; bitte als JJJJ-MM-TT angeben."),
    (r"the register could not be backed up: (.*)", r"das Register konnte nicht gesichert werden: \1"),
    (r"the copy could not be restored: (.*)", r"die Sicherung konnte nicht zurückgespielt werden: \1"),
    (
        r"(\S+) is not (?:an intact register copy|a register copy).*",
        r"\1 ist keine unbeschädigte Sicherung eines Registers.",
    ),
    (r"the file is empty\.?", "die Datei ist leer."),
    (r"file not found\.?", "die Datei ist nicht vorhanden."),
    (r"is a folder, not a file\.?", "das ist ein Ordner, keine Datei."),
    (r"the file is (\d+) MB, too large for a print\.?", r"die Datei ist \1 MB groß, zu groß für eine Drucksache."),
    (r"cannot be read \((.*)\)\.?", r"die Datei kann nicht gelesen werden (\1)."),
    (r"contains no text\.?", "die Datei enthält keinen Text."),
    (
        r"(\.\w+) files are not supported; save it as \.docx, \.pdf or \.txt\.?",
        r"\1-Dateien werden nicht unterstützt; bitte als .docx, .pdf oder .txt speichern.",
    ),
    (
        r"an old Word \(\.doc\) file; please save it as \.docx or \.pdf\.?",
        "eine alte Word-Datei (.doc); bitte als .docx oder .pdf speichern.",
    ),
    (
        r"not a PDF file \(it does not start with %PDF\); it may be damaged\.?",
        "keine PDF-Datei (sie beginnt nicht mit %PDF); vielleicht ist sie beschädigt.",
    ),
    (
        r"not a Word file \(no DOCX package\); it may be damaged\.?",
        "keine Word-Datei (kein DOCX-Paket); vielleicht ist sie beschädigt.",
    ),
    (
        r"RTF files are not supported; save it as \.docx, \.pdf or \.txt\.?",
        "RTF-Dateien werden nicht unterstützt; bitte als .docx, .pdf oder .txt speichern.",
    ),
    (r"damaged UTF-16 text\.?", "beschädigter UTF-16-Text."),
    (r"a binary file, not text, PDF or Word\.?", "eine Binärdatei, weder Text noch PDF noch Word."),
    (r"a damaged Word file \((.*)\)\.?", r"eine beschädigte Word-Datei (\1)."),
    (r"the Word file cannot be read \((.*)\)\.?", r"die Word-Datei kann nicht gelesen werden (\1)."),
    (
        r"the PDF is encrypted and cannot be opened\.?",
        "die PDF-Datei ist verschlüsselt und kann nicht geöffnet werden.",
    ),
    (r"the PDF is password-protected\.?", "die PDF-Datei ist kennwortgeschützt."),
    (r"a damaged PDF file \((.*)\)\.?", r"eine beschädigte PDF-Datei (\1)."),
    (r"the PDF cannot be read \((.*)\)\.?", r"die PDF-Datei kann nicht gelesen werden (\1)."),
    (
        r"the PDF has no text layer \(a scan\?\); text recognition is not supported\.?",
        "die PDF-Datei hat keine Textebene (ein Scan?); Texterkennung wird nicht unterstützt.",
    ),
    (
        r"print (\S+) to link to is not in the register\.?",
        r"die Drucksache \1, mit der verknüpft werden soll, ist nicht im Register.",
    ),
    (r"cannot be stored \((.*)\)\.?", r"kann nicht gespeichert werden (\1)."),
    (r"internal error \((.*)\)\.?", r"interner Fehler (\1)."),
    (
        r"the Word file unpacks to too much for a print \((\S+) is (\d+) times its packed size\)\.?",
        r"die Word-Datei ist verdächtig stark gepackt (\1 wäre entpackt \2-mal so groß) und wird nicht geöffnet.",
    ),
    (
        r"the Word file unpacks to too much for a print \((\d+) MB\)\.?",
        r"die Word-Datei wäre entpackt \1 MB groß, zu groß für eine Drucksache; sie wird nicht geöffnet.",
    ),
    (
        r"the Word file unpacks to too much for a print \((\d+) parts\)\.?",
        r"die Word-Datei besteht aus \1 Teilen, zu vielen für eine Drucksache; sie wird nicht geöffnet.",
    ),
    (
        r"reading took longer than ([\d.]+) s; the file was given up\.?",
        r"das Lesen dauerte länger als \1 Sekunden und wurde abgebrochen.",
    ),
    (
        r"the reader stopped unexpectedly \((.*)\)\.?",
        r"das Lesen brach unerwartet ab (\1); vielleicht ist die Datei zu groß oder beschädigt.",
    ),
    (
        r"a link to (.*) outside the (?:inbox|folder); not read\.?",
        r"eine Verknüpfung auf „\1“ außerhalb des Ordners; sie wird nicht gelesen.",
    ),
    (r"a link to a folder; not followed\.?", "eine Verknüpfung auf einen Ordner; ihr wird nicht gefolgt."),
    (r"not a \.pdf, \.docx or \.txt file\.?", "keine .pdf-, .docx- oder .txt-Datei."),
    (r"not a regular file\.?", "keine gewöhnliche Datei."),
    (
        r"a hidden file \(its name starts with a dot\)\.?",
        "eine versteckte Datei (der Name beginnt mit einem Punkt); ohne den Punkt wird sie importiert.",
    ),
]


def in_german(message: str) -> str:
    """The German wording of a reader, importer or register message ("the PDF is password-protected."
    → "die PDF-Datei ist kennwortgeschützt."); a "PATH: reason" message keeps its path in front."""
    import re

    message = message.strip()
    for text in (message, *_after_path(message)):
        for pattern, german in _GERMAN:
            m = re.fullmatch(pattern, text)
            if m:
                return message[: len(message) - len(text)] + m.expand(german)
    return message


def _after_path(message: str) -> list[str]:
    """The reasons after a leading "PATH: " ("/a/b.pdf: the file is empty." → "the file is empty.")."""
    out = []
    start = 0
    while (i := message.find(": ", start)) >= 0:
        out.append(message[i + 2 :])
        start = i + 2
    return out


# -- ordinary conditions of the file system ----------------------------------------------------------
#
# A folder that may not be written, a full disk, a read-only file system: no bug, and no reason for
# "internal error". Each gets one sentence naming the file and the way out.

_OS_SENTENCES = {
    errno.EACCES: "Ziffer darf {what} nicht anlegen oder ändern (keine Berechtigung); bitte einen anderen Ort "
    "wählen oder die Berechtigung von der IT einrichten lassen.",
    errno.EPERM: "Ziffer darf {what} nicht anlegen oder ändern (keine Berechtigung); bitte einen anderen Ort "
    "wählen oder die Berechtigung von der IT einrichten lassen.",
    errno.EROFS: "{What} liegt auf einem schreibgeschützten Laufwerk; bitte einen anderen Ort wählen.",
    errno.ENOSPC: "Auf dem Laufwerk ist kein Platz mehr für {what}; bitte Platz schaffen und noch einmal versuchen.",
    errno.EDQUOT: "Ihr Speicherplatz auf dem Laufwerk ist erschöpft, {what} passt nicht mehr darauf; bitte Platz "
    "schaffen und noch einmal versuchen.",
    errno.ENOTDIR: "{What} kann nicht angelegt werden, weil ein Teil des Pfades eine Datei ist und kein Ordner; "
    "bitte einen anderen Ort wählen.",
    errno.EEXIST: "{What} kann nicht angelegt werden, weil es dort schon eine Datei dieses Namens gibt; bitte "
    "einen anderen Ort wählen.",
    errno.EISDIR: "{What} ist ein Ordner; bitte einen Dateinamen angeben.",
    errno.ENOENT: "{What} oder ein Ordner darüber ist nicht vorhanden; bitte den Pfad prüfen.",
    errno.EIO: "Beim Zugriff auf {what} meldet das Laufwerk einen Fehler; bitte die IT fragen.",
}

# SQLite's words for the same conditions, as they reach us inside a StorageError
_SQLITE_SENTENCES = (
    (
        "readonly database",
        "Das Register {register} ist schreibgeschützt (die Datei, ihr Ordner oder das Laufwerk); bitte die "
        "Berechtigung prüfen lassen oder ein anderes Register wählen.",
    ),
    (
        "disk is full",
        "Auf dem Laufwerk des Registers {register} ist kein Platz mehr; bitte Platz schaffen und noch einmal "
        "versuchen.",
    ),
    (
        "unable to open database file",
        "Das Register {register} kann nicht geöffnet werden: der Ordner fehlt oder darf nicht beschrieben werden; "
        "bitte einen anderen Ort wählen.",
    ),
    (
        "database is locked",
        "Das Register {register} wird gerade von einem anderen Programm geschrieben; bitte gleich noch einmal "
        "versuchen.",
    ),
    (
        "disk I/O error",
        "Beim Zugriff auf das Register {register} meldet das Laufwerk einen Fehler; bitte die IT fragen.",
    ),
)


_OS_REASONS = {
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EROFS: "das Laufwerk ist schreibgeschützt",
    errno.ENOSPC: "das Laufwerk ist voll",
    errno.EDQUOT: "der Speicherplatz ist erschöpft",
    errno.ENOTDIR: "ein Teil des Pfades ist eine Datei",
    errno.EEXIST: "dort gibt es schon eine Datei dieses Namens",
    errno.EISDIR: "das ist ein Ordner",
    errno.ENOENT: "ein Ordner darüber fehlt",
    errno.EIO: "das Laufwerk meldet einen Fehler",
    errno.ENAMETOOLONG: "der Name ist zu lang",
}


def os_reason_german(exc: OSError) -> str:
    """The reason of an OSError in a few German words ("das Laufwerk ist voll"), for a sentence that
    names the file itself."""
    return _OS_REASONS.get(exc.errno or 0, "Fehler des Betriebssystems")


def os_error_german(exc: OSError) -> str | None:
    """One German sentence for an ordinary OSError (no permission, read-only file system, disk full,
    a file where a folder belongs …), naming the file; None for other errors."""
    sentence = _OS_SENTENCES.get(exc.errno or 0)
    if sentence is None:
        return None
    what = f"„{os.fsdecode(exc.filename)}“" if exc.filename else "die Datei"
    return sentence.format(what=what, What=what[:1].upper() + what[1:])


def ordinary_error(exc: BaseException, register: str | os.PathLike[str] | None = None) -> str | None:
    """The German sentence for an ordinary condition found in `exc` or the errors that caused it (an
    OSError as above, or SQLite's "readonly database", "disk is full", "unable to open database file",
    "database is locked" about the register at `register`); None when there is none — a bug."""
    where = f"„{os.fspath(register)}“" if register is not None else ""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and (sentence := os_error_german(current)):
            return sentence
        text = str(current)
        if "unable to open database file" in text and register is not None:
            folder_problem = _folder_problem(os.path.dirname(os.path.abspath(os.fspath(register))))
            if folder_problem:
                return f"Das Register {where} kann nicht geöffnet werden: {folder_problem}."
        for needle, sentence in _SQLITE_SENTENCES:
            if needle in text:
                return " ".join(sentence.format(register=where).split())
        current = current.__cause__ or current.__context__
    return None


def _folder_problem(folder: str) -> str | None:
    """Why SQLite cannot open a register in `folder`, when the folder says so."""
    if not os.path.isdir(folder):
        return f"den Ordner „{folder}“ gibt es nicht"
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"der Ordner „{folder}“ liegt auf einem schreibgeschützten Laufwerk; bitte einen anderen Ort wählen"
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    if not os.access(folder, os.W_OK):
        return f"Ziffer darf in den Ordner „{folder}“ nicht schreiben; bitte einen anderen Ort wählen"
    return None
