"""The kinds of print (the interchange format's "kind") and their German names.

Apart from core.model, so the command line can offer them without importing the data model."""

KINDS = ("antrag", "kleine_anfrage", "grosse_anfrage", "schriftliche_anfrage", "unterrichtung", "other")
KIND_NAMES = {
    "antrag": "Antrag",
    "kleine_anfrage": "Kleine Anfrage",
    "grosse_anfrage": "Große Anfrage",
    "schriftliche_anfrage": "Schriftliche Anfrage",
    "unterrichtung": "Unterrichtung",
    "other": "Drucksache",
}
