"""The words of the layouts: how each parliament opens, heads, joins and signs its answers.

Everything the parser recognises by wording lives here, as data and the patterns built from it,
so that a new parliament's layout is a matter of adding its phrases. `PARLIAMENTS` lists every
parliament with the phrases that are its own; the patterns below are the union over all of them,
since a print names its parliament only in its furniture (and a pasted text not at all).
"""

from __future__ import annotations

import re

from core.labels import int_to_roman, roman_to_int

# --- vocabulary of the layouts ----------------------------------------------------------------

PARLIAMENT_CODES = [
    ("Landtag von Baden-Württemberg", "BW"),
    ("Bayerischer Landtag", "BY"),
    ("Abgeordnetenhaus", "BE"),
    ("Landtag Brandenburg", "BB"),
    ("Bremische Bürgerschaft", "HB"),
    ("Hansestadt Hamburg", "HH"),
    ("Hessischer Landtag", "HE"),
    ("Landtag Mecklenburg-Vorpommern", "MV"),
    ("Niedersächsischer Landtag", "NI"),
    ("Landtag Nordrhein-Westfalen", "NW"),
    ("Landtag Rheinland-Pfalz", "RP"),
    ("Landtag des Saarlandes", "SL"),
    ("Sächsischer Landtag", "SN"),
    ("Landtag von Sachsen-Anhalt", "ST"),
    ("Schleswig-Holsteinischer Landtag", "SH"),
    ("Thüringer Landtag", "TH"),
    ("Deutscher Bundestag", "BT"),
]
FACTIONS = [
    "BÜNDNIS 90/DIE GRÜNEN",
    "BÜNDNISGRÜNE",
    "Bündnis 90/Die Grünen",
    "CDU/CSU",
    "FDP/DVP",
    "DIE LINKE",
    "Die Linke",
    "FREIE WÄHLER",
    "Freie Wähler",
    "GRÜNE",
    "Grüne",
    "CDU",
    "CSU",
    "SPD",
    "FDP",
    "AfD",
    "BSW",
    "SSW",
    "LINKE",
    "fraktionslos",
]
_FACTION_RE = "|".join(re.escape(f) for f in FACTIONS)

# Bavaria's answering house under its "Antwort" heading: "(des) Staatsministeriums für … vom 04.03.2025"
ANSWERING_HOUSE = r"(?:\w+ )?Staatsministeriums\b.{0,300}\bvom\s+[\d.]+\d{4}$"

# Each parliament's own phrases, as data: the opener of the question list, the sentence that
# introduces a question print quoted in the answer print, the opener of the answer part. The
# patterns below are built from all of them (a print names its parliament only in its furniture).
VOCABULARY: dict[str, dict[str, list[str]]] = {
    "BW": {
        "question_openers": [r"Der Landtag (?:wolle|möge) beschließen", r"Ich frage die Landesregierung"],
        "answer_openers": [r"Mit Schreiben vom .{0,600}?(?:Stellung|beantwortet|wie folgt)"],
    },
    "BE": {"answer_openers": [r"Im Namen des Senats .{0,120}beantworte"]},
    "BY": {
        "question_openers": [r"Ich frage die Staatsregierung"],
        "answer_openers": [rf"Antwort des {ANSWERING_HOUSE}"],
    },
    "BB": {"answer_openers": [r"Namens der Landesregierung beantwortet .{0,200}wie folgt"]},
    "HB": {
        "question_openers": [r"Wir fragen den Senat"],
        "quoted_question": [r"hat folgende (?:Kleine|Große) Anfrage an den Senat gerichtet"],
        "answer_openers": [r"Der Senat beantwortet die (?:Kleine|Große) Anfrage wie folgt"],
    },
    "HH": {
        "question_openers": [r"(?:Vor diesem Hintergrund )?fragen wir den Senat", r"Ich frage den Senat"],
        "answer_openers": [r"(?:Dies vorausgeschickt, )?beantwortet der Senat .{0,200}wie folgt"],
    },
    "HE": {"answer_openers": [r".{0,80}\bbeantworte ich (?:Ihre|die) .{0,200}wie folgt"]},
    "NW": {"answer_openers": [r"(?:Der|Die|Das) [\w ]{0,40}(?:Minister|Ministerin|Ministerium)\b.{0,200} hat die "
                              r"Kleine Anfrage .{0,250}beantwortet"]},
    "RP": {
        "quoted_question": [r"Die (?:Kleine|Große) Anfrage\b.{0,80} hat folgenden Wortlaut"],
        "answer_openers": [r"(?:Das|Der|Die) [\w ]{0,40}Ministerium\b.{0,200} hat die (?:Kleine|Große) Anfrage "
                           r".{0,250}beantwortet"],
    },
    "SN": {
        "question_openers": [r"Fragen an die Staatsregierung"],
        "answer_openers": [r".{0,120}\bbeantworte ich die (?:Kleine|Große) Anfrage .{0,40}wie folgt"],
    },
    "ST": {"answer_openers": [r"Namens der Landesregierung beantworte ich die (?:Kleine|Große) Anfrage wie folgt"]},
    "TH": {
        "quoted_question": [r"Die (?:Kleine|Große) Anfrage \d+/\d+ vom .{0,30} hat folgenden Wortlaut"],
        "answer_openers": [r"Das Thüringer (?:Ministerium|Finanzministerium|Innenministerium)\b.{0,250} hat die "
                           r"(?:Kleine|Große) Anfrage .{0,250}beantwortet"],
    },
    "BT": {"question_openers": [r"Wir fragen die Bundesregierung"]},
    "*": {"question_openers": [r"Ich frage (?:die Landesregierung|den Senat|die Staatsregierung)",
                               r"Wir fragen (?:die Landesregierung|den Senat|die Staatsregierung)"]},
}  # fmt: skip


def _union(key: str) -> str:
    return "|".join(dict.fromkeys(p for words in VOCABULARY.values() for p in words.get(key, [])))


QUESTION_OPENER = re.compile(rf"(?:{_union('question_openers')})", re.IGNORECASE)
ANSWER_OPENER = re.compile(rf"^(?:{_union('answer_openers')})", re.IGNORECASE)
QUOTED_QUESTION = re.compile(rf"(?:{_union('quoted_question')})\s*:?\s*$", re.IGNORECASE)
# --- the head and the frame of the answer (read by core.head) ---------------------------------------

# The title's own prefix: "Betr.: …" (HH), "betreffend …" (HE), "Thema: …" (SN), "zum Thema: …" (BE)
TITLE_PREFIX = re.compile(
    r"^(?:zum Thema\s*:|Thema\s*:|Betreff\s*:|betreffend\s*:?|betr\.\s*:?)\s*(?P<t>.*)$", re.IGNORECASE
)
# The answering house on a head line of its own, with how to read the name: "as is", in the
# "genitive" ("des Ministeriums für …"), as a "name" line ("Ministerium für …"), or an "answer"
# line that may also carry the answer's date ("Antwort des … vom …"). The first match counts.
HEAD_MINISTRY = [
    (re.compile(p), how)
    for p, how in (
        # SH: "der Landesregierung – Ministerium für …"
        (r"^(?:des|der) Landesregierung\s*[–-]\s*(?P<m>(?:\w+\s+)?Ministerium\b.+)$", "as is"),
        # NI, HB, HH, ST: "Antwort des Niedersächsischen Ministeriums für … namens der Landesregierung"
        (r"^(?:und )?Antwort (?:des|der) (?P<m>.+?)(?: namens der Landesregierung)?(?: vom (?P<d>.+))?$", "answer"),
        # BW, TH, MV, HE: "des Ministeriums für …", "der Landesregierung", "des Ministers für …"
        (r"^(?:des|der)\s+(?P<m>(?:\w+\s+)?(?:Ministeriums|Staatsministeriums|Ministers|Ministerin|Landesregierung"
         r"|Bundesregierung|Staatskanzlei|Senatsverwaltung|Senats|Senatskanzlei)\b.*)$", "genitive"),
        # BT, ST: "beantwortet vom Bundesministerium …", "erstellt vom Ministerium für Bildung"
        (r"\b(?:beantwortet|erstellt) vom\s+(?P<m>.+?)\s*$", "genitive"),
        # BE and letterheads: "Senatsverwaltung für …", "Ministerium für …"
        (r"^(?P<m>Senatsverwaltung für .+|(?:\w+\s+)?Ministerium für .+|Staatsministerium.*)$", "name"),
    )
]  # fmt: skip
# SN: the letterhead in capitals, "SÄCHSISCHES STAATSMINISTERIUM FÜR INFRASTRUKTUR UND …"
CAPS_MINISTRY = re.compile(r"^(?:[A-ZÄÖÜ]+ )?STAATSMINISTERIUM (?:FÜR|DER|DES)(?: [A-ZÄÖÜ,-]+)+(?= |$)")
# "Dresden, den 17. Februar 2025", "Wiesbaden, 8.5.2025": where and when a letter or inquiry is signed
PLACE_DATE = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß.\- ]{1,40},\s+(?:den\s+)?(?P<d>\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ]\w+)\s*\d{4})$"
)
CLOSING = re.compile(r"^Mit freundlichen Grüßen,?$")
# Who answers, in the answer's opener; the first pattern that matches names the ministry.
OPENER_MINISTRY = [
    re.compile(p)
    for p in (
        # BW, BB: "… nimmt das Ministerium für … Stellung", "beantwortet der Minister für … die Kleine Anfrage"
        r"\b(?:nimmt|beantwortet|beantworten)\s+(?:das|der|die)\s+(?!(?:Kleine|Große|Schriftliche) Anfrage)(?P<m>.+?)"
        r"\s+(?=im Einvernehmen|im Namen|namens"
        r"|zu dem|zum Antrag|die (?:Kleine|Große|Schriftliche) Anfrage|die Fragen|wie folgt)",
        # NW, RP, TH: "Der Minister für … hat die Kleine Anfrage … beantwortet."
        r"^(?:Der|Die|Das)\s+(?P<m>[\w ]{0,40}?(?:Minister|Ministerin|Ministerium)\b.{0,150}?)\s+hat die",
        # HB, HH: "Der Senat beantwortet die Kleine Anfrage wie folgt:"
        r"^(?:Der|Die) (?P<m>Senat|Landesregierung|Staatsregierung) beantwortet\b",
        # BY: "Antwort des Staatsministeriums für … im Einvernehmen mit … vom 04.03.2025"
        r"^Antwort (?:des|der) (?P<m>.+?)(?=\s+im Einvernehmen|\s+vom\s)",
    )
]
OPENER_CONSENT = re.compile(
    r"\bim Einvernehmen mit\s+(?P<c>.+?)\s*(?=zu dem|zum Antrag|die (?:Kleine|Große) Anfrage|wie folgt"
    r"|im Namen|namens|beantwortet\.?$|vom\s+[\d.]+\d{4}$)"
)
ANSWER_HEADING_WORD = re.compile(r"^(?:Stellungnahme|Antwort)$", re.IGNORECASE)
KIND_WORDS = [
    (re.compile(r"\bKleine Anfrage\b", re.I), "kleine_anfrage"),
    (re.compile(r"\bGroße Anfrage\b", re.I), "grosse_anfrage"),
    (re.compile(r"\bSchriftliche Anfrage\b", re.I), "schriftliche_anfrage"),
    (re.compile(r"^Unterrichtung\b", re.I), "unterrichtung"),
    (re.compile(r"^Antrag$", re.I), "antrag"),
    (re.compile(r"^(?:Anfrage|Schriftliche Frage)\b", re.I), "kleine_anfrage"),
]
REASONING_START = re.compile(
    r"^(?:Begründung|Vorbemerkung (?:der Fragesteller(?:in|innen)?|des Fragestellers|der Fragestellerin"
    r"|der Abgeordneten|des Abgeordneten|der (?:Kleinen|Großen) Anfrage|des Fragestellenden|der Fragestellenden))"
    r"\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
PREFACE_START = re.compile(
    r"^Vorbemerkung(?: (?:der|des) (?:Landesregierung|Bundesregierung|Senats|Verwaltung|Staatsregierung"
    r"|Ministeriums|Ministers|Ministerin|Senators|Senatorin)[^:]*)?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
OFFICE = re.compile(
    r"^(?:Ministerin|Minister|Staatssekretärin|Staatssekretär|Senatorin|Senator|Staatsrätin|Staatsrat"
    r"|Ministerpräsidentin|Ministerpräsident|Staatsministerin|Staatsminister|Ministerialdirektorin"
    r"|Ministerialdirektor|Regierender Bürgermeister|Bundesministerin|Bundesminister|Präsidentin|Präsident"
    r"|Senatsverwaltung für|Senatskanzlei|Ministerium für|Staatsministerium|Staatskanzlei)\b",
)
NAME_AND_OFFICE = re.compile(
    r"^(?P<name>(?:Dr\.\s|Prof\.\s)*[A-ZÄÖÜ][\w\-äöüß]+(?:\s[A-ZÄÖÜ][\w\-äöüß]+){0,2})\s+(?P<office>"
    + OFFICE.pattern[1:]
    + ".*)$"
)
IN_VERTRETUNG = re.compile(r"^(?:In Vertretung|i\.\s?V\.|Im Auftrag|i\.\s?A\.)\b.*$", re.IGNORECASE)

_ROMAN = r"[IVX]{1,5}"
_NUM = r"\d{1,3}"
# Bavaria numbers its questions decimally: "1.1", "1.2", "2.1" (never a date: no third part)
_DECIMAL = r"\d{1,2}\.\d{1,2}(?![.\d])"
# A single label in an answer heading: "I. 1.", "2 a)", "3.", "II.", "a)", "3.1".
_LABEL = rf"(?:{_DECIMAL}|{_ROMAN}\.?\s*{_NUM}\.?(?:\s*[a-z]\))?|{_NUM}\.?(?:\s*[a-z]\))?|{_ROMAN}\.?|[a-z]\))"
_SEP = r"(?:\s*,\s*|\s+und\s+|\s+sowie\s+|\s+bis\s+|\s*[–-]\s*)"
_LABELS = rf"{_LABEL}(?:{_SEP}{_LABEL})*"
HEADING = re.compile(
    rf"^(?:Antwort\s+)?(?:zu|auf)\s+(?:den\s+|der\s+|die\s+)?(?:(?:Fragen|Frage|Ziffern|Ziffer|Nummern|Nummer|Nr\.|"
    rf"Punkten|Punkte|Punkt|Teilfragen|Teilfrage)\s+)?(?P<labels>{_LABELS})\s*(?::\s*(?P<rest>.*)|\s*)$",
    re.IGNORECASE | re.DOTALL,
)
COMBINED = re.compile(
    rf"^Die (?:Fragen|Ziffern|Punkte|Teilfragen) (?P<labels>{_LABELS}) werden\b[^.]*?\b(?:gemeinsam|zusammen"
    rf"|zusammenhängend)\s+beantwortet\.?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "Frage 2: …" (Brandenburg, Sachsen), "Frage 2.  …" (Hessen, the question in a column of its own)
FRAGE = re.compile(
    rf"^Frage\s+(?P<labels>{_LABEL})\s*(?::\s*|(?<=\.)\s+(?=[A-ZÄÖÜ„]))(?P<rest>.*)$", re.IGNORECASE | re.DOTALL
)
ANSWER_PREFIX = re.compile(r"^Antwort\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
POINT_ROMAN_NUM = re.compile(rf"^(?P<roman>{_ROMAN})\.\s*(?P<num>{_NUM})[.)]\s+(?P<text>.+)$", re.DOTALL)
POINT_NUM = re.compile(rf"^(?P<num>{_NUM})(?:\.|\))\s+(?P<text>.+)$", re.DOTALL)
POINT_DECIMAL = re.compile(r"^(?P<sec>\d{1,2})\.(?P<num>\d{1,2})\s+(?P<text>[A-ZÄÖÜ„\"].+)$", re.DOTALL)
POINT_ROMAN = re.compile(rf"^(?P<roman>{_ROMAN})\.\s+(?P<text>.+)$", re.DOTALL)

# The first characters a paragraph that these patterns match can start with (ignoring case, as the
# patterns do: none of these letters has another case-insensitive match in `re`). The parser asks
# a paragraph's first character before the pattern: most paragraphs start with none of them.
REASONING_START_FIRST = "BbVv"  # "Begründung", "Vorbemerkung der Fragesteller"
PREFACE_START_FIRST = "Vv"  # "Vorbemerkung der Landesregierung"
HEADING_FIRST = "AaZz"  # "Antwort zu", "auf", "zu"
COMBINED_FIRST = "Dd"  # "Die Fragen … werden gemeinsam beantwortet"
FRAGE_FIRST = "Ff"  # "Frage 1:"
ANSWER_PREFIX_FIRST = "Aa"  # "Antwort:"


_LABEL_SPLIT = re.compile(r"(\s*,\s*|\s+und\s+|\s+sowie\s+|\s+bis\s+|\s*[–-]\s*)")
_DECIMAL_LABEL = re.compile(_DECIMAL)
_LABEL_PARTS = re.compile(rf"^(?:(?P<roman>{_ROMAN})\.?\s*)?(?:(?P<num>{_NUM})\.?)?\s*(?:(?P<sub>[a-z])\))?$")


def expand_labels(spec: str, context: str | None = None) -> list[str]:
    """Labels of a heading: "3. und 4." → ["3","4"], "1. bis 3." → ["1","2","3"], "I. 2. und 3." →
    ["I.2","I.3"], "2 a) und b)" → ["2a","2b"]; "a) und b)" takes its number from `context`."""
    tokens = _LABEL_SPLIT.split(spec.strip())
    out: list[str] = []
    roman: str | None = None
    num: str | None = None
    if context:
        m = re.match(rf"^(?:(?P<roman>{_ROMAN})\.)?(?P<num>\d+)", context)
        if m:
            roman, num = m["roman"], m["num"]
    pending_range = False
    for tok in tokens:
        sep = tok.strip().lower()
        if sep in (",", "und", "sowie", ""):
            continue
        if sep in ("bis", "–", "-"):
            pending_range = True
            continue
        label = _one_label(tok.strip(), roman, num)
        if label is None:
            continue
        label, roman, num = label
        if pending_range and out:
            out.extend(_range(out[-1], label))
        else:
            out.append(label)
        pending_range = False
    return [label for label in dict.fromkeys(out) if label]


def _one_label(tok: str, roman: str | None, num: str | None) -> tuple[str, str | None, str | None] | None:
    """One token of a heading as a label, with the section and number it leaves for the next
    token; None for no label."""
    if _DECIMAL_LABEL.fullmatch(tok):
        return tok, None, None  # "3.1" (Bavaria)
    m = _LABEL_PARTS.match(tok)
    if not m or not (m["roman"] or m["num"] or m["sub"]):
        return None
    if m["roman"]:
        roman, num = m["roman"], None
    if m["num"]:
        num = m["num"]
    if m["num"] or m["sub"]:
        # "2 a)" → "2a"; "I. 2." → "I.2"; a bare "b)" keeps the number (and section) before it
        return ".".join(x for x in (roman, num) if x) + (m["sub"] or ""), roman, num
    return roman or "", roman, num  # a section alone: "II."


def _range(start: str, end: str) -> list[str]:
    """Labels after `start` up to `end` inclusive ("1".."3", "I.2".."I.4", "a".."c", "I".."III")."""
    m1 = re.match(r"^(?:(?P<r>[IVX]+|\d+)\.)?(?P<n>\d+)(?P<s>[a-z]?)$", start)
    m2 = re.match(r"^(?:(?P<r>[IVX]+|\d+)\.)?(?P<n>\d+)(?P<s>[a-z]?)$", end)
    if m1 and m2 and m1["r"] == m2["r"] and not m1["s"] and not m2["s"]:
        a, b = int(m1["n"]), int(m2["n"])
        if a < b <= a + 50:
            prefix = f"{m1['r']}." if m1["r"] else ""
            return [f"{prefix}{i}" for i in range(a + 1, b + 1)]
    if m1 and m2 and m1["r"] == m2["r"] and m1["n"] == m2["n"] and m1["s"] and m2["s"]:
        base = start[:-1]
        return [f"{base}{chr(c)}" for c in range(ord(m1["s"]) + 1, ord(m2["s"]) + 1)]
    if re.fullmatch(r"[IVX]+", start) and re.fullmatch(r"[IVX]+", end):
        a, b = roman_to_int(start), roman_to_int(end)
        if a < b <= a + 20:
            return [int_to_roman(i) for i in range(a + 1, b + 1)]
    return [end]


MONTHS = {
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
}  # fmt: skip
# First words of a question: interrogatives and the verbs a yes/no question starts with.
QUESTION_WORDS = {
    "Wie", "Welche", "Welcher", "Welches", "Welchen", "Welchem", "Was", "Wann", "Wo", "Woher", "Wohin", "Warum",
    "Weshalb", "Wieso", "Wer", "Wem", "Wen", "Wessen", "Wodurch", "Wofür", "Womit", "Wozu", "Worin", "Worauf",
    "Inwiefern", "Inwieweit", "Ist", "Sind", "Gibt", "Gab", "Hat", "Haben", "Hatte", "Hatten", "Plant", "Planen",
    "Teilt", "Kann", "Können", "Wird", "Werden", "Wurde", "Wurden", "Liegen", "Liegt", "Trifft", "Treffen", "Sieht",
    "Sehen", "Beabsichtigt", "Erwägt", "Gedenkt", "Steht", "Stehen", "Bestehen", "Besteht", "Verfügt", "Verfügen",
    "Existiert", "Existieren", "Aus", "In", "Mit", "Auf", "Durch", "Bis", "Seit", "Nach", "Für", "An", "Unter",
    "Von", "Bei", "Zu", "Über", "Um", "Ab", "Trägt", "Setzt", "Hält", "Teilen", "Ergreift", "Unterstützt", "Prüft",
    "Sollen", "Soll", "Müssen", "Muss", "Darf", "Dürfen", "Fördert", "Befürwortet", "Kennt", "Waren", "War", "Gelten",
    "Gilt", "Lagen", "Lag", "Erfolgt", "Erfolgen", "Bitte",
}  # fmt: skip
# A paragraph that goes on with the question before it though it ends with no question mark:
# "(Bitte nach Jahren aufschlüsseln.)", "Bitte die Fallzahlen nach PKS aufführen."
QUESTION_CONTINUATION = re.compile(r"^\(?(?:bitte|Bitte)\b")
# A question that ends with a request instead of a question mark: "… (bitte nach Jahren aufschlüsseln)."
REQUEST_END = re.compile(
    r"(?:\((?:bitte|Bitte|ggf\.|gegebenenfalls)[^()]*\)|\b(?:aufschlüsseln|auflisten|darstellen|aufführen|angeben"
    r"|benennen|nennen|aufzuschlüsseln|erläutern|begründen|beziffern|darlegen)(?:\s*\([^()]*\))?|\?\s*\))\s*[.?]?$"
)
# A heading for a sub-question in the answer part: "Zu a:", "Zu 2 a):", "Zu Frage 9 b.:".
SUB_HEADING = re.compile(
    r"^Zu\s+(?:(?:Frage|Teilfrage)\s+)?(?:\d{1,3}\s*)?(?P<sub>[a-z])\s*\)?\s*\.?\s*:\s*(?P<rest>.*)$", re.DOTALL
)
# A link to a print on a parliament's site: ".../drucksachen/drucksachen_19_05000/02501-03000/19-02752.pdf".
PRINT_URL = re.compile(r"/[Dd]rucksachen?/\S*?/(?P<wp>\d{1,2})[-_](?P<nr>\d{1,6})\.pdf\b")
