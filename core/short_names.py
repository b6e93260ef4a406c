"""Short forms for narrow table columns: "WM" for a ministry, "Salomon u. a. (GRÜNE)" for the originators.

Ministry names run to 60 characters ("Ministerium des Inneren, für Digitalisierung und Kommunen"),
so a register column shows the abbreviation officers use and keeps the full name for the tooltip.
"""

from __future__ import annotations

import re

# Baden-Württemberg's own abbreviations, for the names of the current and the previous terms.
BW_MINISTRIES = {
    "Staatsministerium": "StM",
    "Ministerium des Inneren, für Digitalisierung und Kommunen": "IM",
    "Ministerium für Inneres, Digitalisierung und Migration": "IM",
    "Innenministerium": "IM",
    "Ministerium für Finanzen": "FM",
    "Finanzministerium": "FM",
    "Ministerium für Wirtschaft, Arbeit und Tourismus": "WM",
    "Ministerium für Wirtschaft, Arbeit und Wohnungsbau": "WM",
    "Wirtschaftsministerium": "WM",
    "Ministerium für Kultus, Jugend und Sport": "KM",
    "Kultusministerium": "KM",
    "Ministerium für Wissenschaft, Forschung und Kunst": "MWK",
    "Wissenschaftsministerium": "MWK",
    "Ministerium für Umwelt, Klima und Energiewirtschaft": "UM",
    "Umweltministerium": "UM",
    "Ministerium für Soziales, Gesundheit und Integration": "SM",
    "Ministerium für Soziales und Integration": "SM",
    "Sozialministerium": "SM",
    "Ministerium für Verkehr": "VM",
    "Verkehrsministerium": "VM",
    "Ministerium für Ernährung, Ländlichen Raum und Verbraucherschutz": "MLR",
    "Ministerium für Ländlichen Raum und Verbraucherschutz": "MLR",
    "Ministerium der Justiz und für Migration": "JuM",
    "Ministerium der Justiz und für Europa": "JuM",
    "Justizministerium": "JuM",
    "Ministerium für Landesentwicklung und Wohnen": "MLW",
}
_KNOWN = {re.sub(r"\s+", " ", name).casefold(): short for name, short in BW_MINISTRIES.items()}
# the first letters a compound word gives ("Bundesministerium für Digitales und Verkehr": "BMDV")
_PREFIXES = (("Senatsverwaltung", "Sen"), ("Staatsministerium", "StM"), ("Bundesministerium", "BM"))
_ARTICLES = {"der", "die", "das", "des", "dem", "den"}
_TITLES = {"dr.", "prof.", "dr.-ing.", "dipl.-ing."}
_PARTICLES = {"von", "van", "vom", "zu", "zum", "zur", "de", "der", "den", "del", "di", "da", "le", "la", "ten", "ter"}


def short_ministry(name: str | None) -> str:
    """The ministry's usual abbreviation ("WM"), else the initials of its capitalised words
    ("Ministerium für Digitales und Verkehr": "MDV"); a one-word name that is no ministry stays whole."""
    if not name:
        return ""
    clean = re.sub(r"\s+", " ", name).strip()
    clean = re.sub(r"\s+(des Landes\s+)?Baden-Württemberg$", "", clean)
    known = _KNOWN.get(clean.casefold())
    if known:
        return known
    words = [w.strip(",.;:()") for w in clean.split(" ")]
    words = [w for w in words if w]
    while words and words[0].casefold() in _ARTICLES and len(words) > 1:
        words = words[1:]
    if len(words) == 1:
        return _initial(words[0]) if words[0].endswith("ministerium") else words[0]
    return "".join(_initial(w) for w in words if w[:1].isupper())


def _initial(word: str) -> str:
    for prefix, short in _PREFIXES:
        if word == prefix:
            return short
    if word.endswith("ministerium") and len(word) > len("ministerium"):
        return word[0] + "M"  # "Sozialministerium": "SM"
    return word[0]


def surname(name: str) -> str:
    """The family name of a full name as a print gives it ("Dr. Timo Brandhuber": "Brandhuber",
    "Sabine von der Heyden": "von der Heyden")."""
    words = [w for w in name.split() if w.casefold() not in _TITLES]
    if not words:
        return name.strip()
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def short_originators(names: list[str], factions: list[str]) -> str:
    """ "Salomon u. a. (GRÜNE)": the first originator's family name and the factions."""
    text = surname(names[0]) + (" u. a." if len(names) > 1 else "") if names else ""
    if factions:
        text = f"{text} ({', '.join(factions)})" if text else ", ".join(factions)
    return text


def all_originators(names: list[str], factions: list[str]) -> str:
    """Every originator with the factions, for a tooltip: "Anna Beispiel, Jörg Muster (SPD)"."""
    text = ", ".join(names)
    if factions:
        text = f"{text} ({', '.join(factions)})" if text else ", ".join(factions)
    return text
