"""Errors that reach the user as one sentence, never as a traceback."""


class ZifferError(Exception):
    """Base of every error whose message is meant for the user."""


class DocumentError(ZifferError):
    """A file that cannot be read as a document: missing, empty, binary, corrupt, encrypted."""


# The user-facing reasons of the reader and the importer, in German for the app and the inbox's
# notes (the command line keeps them in English). Unknown messages pass through unchanged.
_GERMAN = [
    (
        r"the register cannot be written \(database is locked\)\.?",
        "das Register wird gerade von einem anderen Programm geschrieben; bitte gleich noch einmal versuchen.",
    ),
    (r"the register cannot be written \((.*)\)\.?", r"das Register kann nicht geschrieben werden (\1)."),
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
    """The German wording of a reader or importer message ("the PDF is password-protected." → "die
    PDF-Datei ist kennwortgeschützt.")."""
    import re

    for pattern, german in _GERMAN:
        m = re.fullmatch(pattern, message.strip())
        if m:
            return m.expand(german)
    return message
