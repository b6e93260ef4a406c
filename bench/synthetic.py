"""A deterministic synthetic register: Baden-Württemberg prints with points, answers and citations.

    .venv/bin/python bench/synthetic.py --write DIR [--count 20] [--seed 1]   # .txt prints, then parse them back

`generate(n, seed)` yields `n` `PrintDoc`s as the parser would return them for real prints: spread
evenly over the terms 15, 16 and 17 (2011–2026) with increasing numbers, about 48 % Anträge, 50 %
Kleine Anfragen and 2 % Große Anfragen, 3–16 points (Kleine Anfragen at most 10), about 80 %
answered with one answer item per point (some items answer two points, "Zu 3. und 4.:"), and
about 30 % citing one to three earlier prints ("Drucksache 16/1234", sometimes "zu den Ziffern 2
und 3 in Drucksache …") in the Begründung or an answer. The wording is built from word lists over
43 topics of ministry work (Radwege, Lehrkräftemangel, Hochwasserschutz, Glasfaser, Wolf, …), so
the full-text index sees a realistic mix of rare compounds and common words.

Print `i` depends only on `(seed, i, total)`: `make_print(i, rng_for(seed, i), total=n)` rebuilds
it, and `print_number(i, total)` gives its number without building it. `write_text_prints` writes
prints as text in the BW layout of `tests/fixtures/prints/bw_kleine_anfrage.txt` and the demo
prints, to measure import through the parser.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.drafts import MONTHS  # noqa: E402  # the German month names, as the drafts write dates
from core.model import Answer, AnswerItem, Point, PrintDoc, Reference  # noqa: E402

DEFAULT_N = 50_000
DEFAULT_SEED = 1
TERMS = (  # Wahlperiode, first and last day
    (15, date(2011, 5, 12), date(2016, 4, 30)),
    (16, date(2016, 5, 1), date(2021, 4, 30)),
    (17, date(2021, 5, 1), date(2026, 4, 30)),
)

# -- vocabulary -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ministry:
    name: str  # nominative: "Ministerium für Verkehr"
    file_prefix: str  # start of its file numbers (Aktenzeichen)
    agencies: str  # dative plural: "bei den Regierungspräsidien"

    @property
    def genitive(self) -> str:
        return "des " + self.name.replace("Ministerium", "Ministeriums", 1)

    @property
    def dative(self) -> str:
        return "dem " + self.name

    def minister(self, female: bool) -> str:
        return self.name.replace("Ministerium", "Ministerin" if female else "Minister", 1)


MINISTRIES = {
    "IM": Ministry("Ministerium des Inneren, für Digitalisierung und Kommunen", "IM4-", "Regierungspräsidien"),
    "FM": Ministry("Ministerium für Finanzen", "FM3-", "Ämtern für Vermögen und Bau"),
    "KM": Ministry("Ministerium für Kultus, Jugend und Sport", "21-", "Staatlichen Schulämtern"),
    "MWK": Ministry("Ministerium für Wissenschaft, Forschung und Kunst", "MWK41-", "Hochschulen des Landes"),
    "UM": Ministry("Ministerium für Umwelt, Klima und Energiewirtschaft", "UM5-", "unteren Naturschutzbehörden"),
    "WM": Ministry("Ministerium für Wirtschaft, Arbeit und Tourismus", "WM36-", "Industrie- und Handelskammern"),
    "SM": Ministry("Ministerium für Soziales, Gesundheit und Integration", "SM23-", "Gesundheitsämtern"),
    "JUM": Ministry("Ministerium der Justiz und für Migration", "JUMRB-", "Regierungspräsidien"),
    "VM": Ministry("Ministerium für Verkehr", "VM2-", "Regierungspräsidien"),
    "MLR": Ministry(
        "Ministerium für Ernährung, Ländlichen Raum und Verbraucherschutz", "Z(45)-", "unteren Landwirtschaftsbehörden"
    ),
    "MLW": Ministry("Ministerium für Landesentwicklung und Wohnen", "MLW22-", "Baurechtsbehörden"),
}


@dataclass(frozen=True)
class Topic:
    ministry: str
    titles: tuple[str, ...]
    count: str  # "Wie viele {count} …": "Kilometer straßenbegleitende Radwege"
    plural: str  # nominative/accusative plural: "Radwege an Landesstraßen"
    dative: str  # dative plural: "Radwegen an Landesstraßen"
    area: str  # after "im Bereich": "Radverkehr", "der inneren Sicherheit"
    program: str  # "Förderprogramm {program}"
    goal: str  # after "um": "den Bau von Radwegen an Landesstraßen zu beschleunigen"
    words: tuple[str, ...]  # compounds of the topic, after "dem Thema"


def _t(
    ministry: str, titles: str, count: str, plural: str, dative: str, area: str, program: str, goal: str, words: str
) -> Topic:
    return Topic(
        ministry, tuple(titles.split("|")), count, plural, dative, area, program, goal, tuple(words.split("|"))
    )


TOPICS = (
    _t(
        "VM",
        "Ausbau der Radwege an Landesstraßen|Radverkehr im ländlichen Raum|Umsetzung des Bedarfsplans für Radwege",
        "Kilometer straßenbegleitende Radwege",
        "Radwege an Landesstraßen",
        "Radwegen an Landesstraßen",
        "Radverkehr",
        "Radinfrastruktur",
        "den Bau von Radwegen an Landesstraßen zu beschleunigen",
        "Radschnellverbindungen|RadNETZ|Bedarfsplan|Lückenschluss|Fahrradabstellanlagen",
    ),
    _t(
        "KM",
        "Lehrkräftemangel an Grundschulen|Unterrichtsversorgung zum Schuljahresbeginn|Gewinnung von "
        "Lehrkräften für den ländlichen Raum",
        "unbesetzte Lehrerstellen",
        "Lehrkräfte an Grundschulen",
        "Lehrkräften an Grundschulen",
        "Unterrichtsversorgung",
        "Lehrkräftegewinnung",
        "den Lehrkräftemangel an den Schulen zu verringern",
        "Lehrkräftemangel|Krankheitsvertretungsreserve|Seiteneinstieg|Direkteinstieg|Unterrichtsausfall",
    ),
    _t(
        "UM",
        "Hochwasserschutz und Starkregenvorsorge|Sanierung von Hochwasserdämmen|Starkregenrisikomanagement "
        "in den Kommunen",
        "Hochwasserrückhaltebecken",
        "Maßnahmen des Hochwasserschutzes",
        "Maßnahmen des Hochwasserschutzes",
        "Hochwasserschutz",
        "Hochwasserschutz und Gewässerökologie",
        "den Schutz vor Hochwasser und Starkregen zu verbessern",
        "Hochwasserschutz|Starkregenrisikomanagement|Hochwassergefahrenkarten|Deichsanierung|Überschwemmungsgebiete",
    ),
    _t(
        "IM",
        "Glasfaserausbau im ländlichen Raum|Breitbandförderung des Landes|Gigabitnetze für Gewerbegebiete",
        "Haushalte mit Glasfaseranschluss",
        "Glasfaseranschlüsse",
        "Glasfaseranschlüssen",
        "Breitbandausbau",
        "Breitbandförderung",
        "den flächendeckenden Glasfaserausbau zu beschleunigen",
        "Glasfaser|Breitbandförderung|Gigabitnetze|Mitverlegung|Kofinanzierung",
    ),
    _t(
        "SM",
        "Krankenhausplanung und Standortschließungen|Zukunft der Geburtshilfe|Investitionsförderung der Krankenhäuser",
        "Krankenhausstandorte",
        "Krankenhäuser der Grund- und Regelversorgung",
        "Krankenhäusern der Grund- und Regelversorgung",
        "Krankenhausplanung",
        "Krankenhausinvestitionen",
        "die stationäre Versorgung in der Fläche zu sichern",
        "Krankenhausplanung|Krankenhausstrukturfonds|Notaufnahmen|Geburtshilfe|Krankenhausreform",
    ),
    _t(
        "UM",
        "Rückkehr des Wolfs|Herdenschutz für Weidetierhalter|Wolfsmanagement im Schwarzwald",
        "nachgewiesene Wölfe",
        "Nutztierrisse durch den Wolf",
        "Nutztierrissen durch den Wolf",
        "Wolfsmanagement",
        "Herdenschutz",
        "Weidetiere wirksam vor dem Wolf zu schützen",
        "Wolf|Herdenschutz|Weidetierhaltung|Wolfsprävention|Schutzzäune",
    ),
    _t(
        "UM",
        "Ausbau der Windkraft|Genehmigungsverfahren für Windenergieanlagen|Windkraft im Staatswald",
        "Windenergieanlagen",
        "Genehmigungsverfahren für Windenergieanlagen",
        "Genehmigungsverfahren für Windenergieanlagen",
        "Windkraft",
        "Windenergie",
        "den Ausbau der Windkraft zu beschleunigen",
        "Windkraft|Vorranggebiete|Regionalplanung|Artenschutzprüfung|Flächenziel|Repowering",
    ),
    _t(
        "VM",
        "Öffentlicher Nahverkehr im ländlichen Raum|Finanzierung des Deutschlandtickets|Reaktivierung von Bahnstrecken",
        "Buslinien im ländlichen Raum",
        "Angebote des öffentlichen Personennahverkehrs",
        "Angeboten des öffentlichen Personennahverkehrs",
        "des öffentlichen Personennahverkehrs",
        "Mobilitätsgarantie",
        "den öffentlichen Nahverkehr im ländlichen Raum zu stärken",
        "Nahverkehr|Mobilitätsgarantie|Deutschlandticket|Schienenverkehr|Taktverdichtung",
    ),
    _t(
        "KM",
        "Kinderbetreuung und Rechtsanspruch|Fachkräfte in Kindertageseinrichtungen|Ausbau der Kindertagespflege",
        "Kitaplätze für Kinder unter drei Jahren",
        "Plätze in Kindertageseinrichtungen",
        "Plätzen in Kindertageseinrichtungen",
        "Kinderbetreuung",
        "Kitaausbau",
        "den Fachkräftemangel in den Kindertageseinrichtungen zu beheben",
        "Kindertagesstätten|Kinderbetreuung|Betreuungsschlüssel|Rechtsanspruch|Kindertagespflege",
    ),
    _t(
        "SM",
        "Lage in der stationären Pflege|Kurzzeitpflegeplätze im Land|Pflegeausbildung und Fachkräftesicherung",
        "Pflegeheimplätze",
        "Pflegefachkräfte",
        "Pflegefachkräften",
        "Pflege",
        "Pflegeinfrastruktur",
        "die Versorgung Pflegebedürftiger zu sichern",
        "Pflegeheime|Kurzzeitpflege|Pflegeausbildung|Tagespflege|Pflegestützpunkte",
    ),
    _t(
        "IM",
        "Polizeipräsenz im ländlichen Raum|Personalausstattung der Polizeireviere|Kriminalitätsentwicklung in "
        "den Innenstädten",
        "Polizeibeamtinnen und Polizeibeamte",
        "Polizeireviere",
        "Polizeirevieren",
        "der inneren Sicherheit",
        "Sicherheitspartnerschaft",
        "die Präsenz der Polizei in der Fläche zu erhöhen",
        "Polizeipräsidien|Polizeiposten|Einstellungsoffensive|Kriminalitätsbelastung|Videoüberwachung",
    ),
    _t(
        "IM",
        "Stärkung der Freiwilligen Feuerwehren|Katastrophenschutz und Sirenenwarnung|Ausstattung des "
        "Bevölkerungsschutzes",
        "Freiwillige Feuerwehren",
        "Feuerwehrgerätehäuser",
        "Feuerwehrgerätehäusern",
        "Bevölkerungsschutz",
        "Feuerwehrwesen",
        "das Ehrenamt in den Feuerwehren zu stärken",
        "Feuerwehr|Katastrophenschutz|Bevölkerungsschutz|Sirenen|Warnsystem",
    ),
    _t(
        "MLW",
        "Bezahlbarer Wohnraum in den Städten|Sozialer Wohnungsbau|Wohnraumförderung des Landes",
        "geförderte Mietwohnungen",
        "Sozialwohnungen",
        "Sozialwohnungen",
        "Wohnraumförderung",
        "Wohnungsbau BW",
        "mehr bezahlbaren Wohnraum zu schaffen",
        "Wohnraumförderung|Mietpreisbremse|Sozialwohnungen|Bauland|Zweckentfremdungsverbot",
    ),
    _t(
        "SM",
        "Hausärztliche Versorgung auf dem Land|Schließung von Bereitschaftspraxen|Landarztquote und Medizinstudium",
        "unbesetzte Hausarztsitze",
        "Hausarztpraxen im ländlichen Raum",
        "Hausarztpraxen im ländlichen Raum",
        "der ambulanten ärztlichen Versorgung",
        "Landärzte",
        "die hausärztliche Versorgung im ländlichen Raum zu sichern",
        "Landarztquote|Hausärzte|Medizinstudium|Primärversorgungszentren|Bereitschaftspraxen",
    ),
    _t(
        "KM",
        "Digitalisierung an Schulen|Umsetzung des DigitalPakts Schule|Digitale Lernplattform für Schulen",
        "Schulen mit WLAN in allen Unterrichtsräumen",
        "digitale Endgeräte für Schülerinnen und Schüler",
        "digitalen Endgeräten für Schülerinnen und Schüler",
        "der digitalen Bildung",
        "DigitalPakt Schule",
        "die digitale Ausstattung der Schulen zu verbessern",
        "Digitalisierung|DigitalPakt|Lernplattform|Medienbildung|Schulnetz",
    ),
    _t(
        "MWK",
        "Studienplätze an den Hochschulen|Hochschulfinanzierung und Sanierungsstau|Wohnraum für Studierende",
        "Studienplätze in der Medizin",
        "Studienanfängerinnen und Studienanfänger",
        "Studienanfängerinnen und Studienanfängern",
        "Hochschulfinanzierung",
        "Hochschulbau",
        "die Zahl der Studienplätze bedarfsgerecht zu erhöhen",
        "Hochschulfinanzierungsvertrag|Studienplätze|Studierendenwerke|Exzellenzstrategie|Wohnheimplätze",
    ),
    _t(
        "MLR",
        "Waldschäden und Waldumbau|Borkenkäferbefall im Staatswald|Zukunft der Forstverwaltung",
        "Hektar Schadflächen im Staatswald",
        "Waldschäden durch Trockenheit",
        "Waldschäden durch Trockenheit",
        "Forstwirtschaft",
        "Klimaangepasstes Waldmanagement",
        "den Wald an den Klimawandel anzupassen",
        "Staatswald|Borkenkäfer|Waldumbau|Holzvermarktung|Waldzustandserhebung",
    ),
    _t(
        "MLR",
        "Reduktion von Pflanzenschutzmitteln|Ökolandbau im Land|Zukunft der bäuerlichen Familienbetriebe",
        "landwirtschaftliche Betriebe",
        "Pflanzenschutzmittel",
        "Pflanzenschutzmitteln",
        "Landwirtschaft",
        "Agrarumweltmaßnahmen",
        "den Einsatz chemisch-synthetischer Pflanzenschutzmittel zu verringern",
        "Pflanzenschutz|Ökolandbau|Streuobstwiesen|Agrarförderung|Düngeverordnung",
    ),
    _t(
        "MLR",
        "Tierschutz in der Nutztierhaltung|Situation der Tierheime|Kontrollen in Schlachthöfen",
        "kontrollierte Tierhaltungsbetriebe",
        "Tierschutzkontrollen",
        "Tierschutzkontrollen",
        "Tierschutz",
        "Tierwohl",
        "den Tierschutz in der Nutztierhaltung zu verbessern",
        "Tierschutz|Tierheime|Schlachthöfe|Veterinärämter|Tiertransporte",
    ),
    _t(
        "JUM",
        "Unterbringung von Geflüchteten|Landeserstaufnahmeeinrichtungen|Rückführungen und Abschiebungen",
        "Plätze in der Erstaufnahme",
        "Geflüchtete in Erstaufnahmeeinrichtungen",
        "Geflüchteten in Erstaufnahmeeinrichtungen",
        "Flüchtlingsaufnahme",
        "Kommunale Unterbringung",
        "die Kommunen bei der Unterbringung Geflüchteter zu entlasten",
        "Erstaufnahme|Anschlussunterbringung|Abschiebungen|Asylverfahren|Rückführungen",
    ),
    _t(
        "JUM",
        "Belegung der Justizvollzugsanstalten|Personal im Justizvollzug|Neubau von Haftplätzen",
        "Haftplätze",
        "Justizvollzugsanstalten",
        "Justizvollzugsanstalten",
        "Justizvollzug",
        "Justizvollzugsbau",
        "die Überbelegung in den Justizvollzugsanstalten abzubauen",
        "Justizvollzug|Überbelegung|Gefangene|Vollzugsbedienstete|Resozialisierung",
    ),
    _t(
        "UM",
        "Photovoltaik auf Landesliegenschaften|Solarpflicht für Neubauten|Freiflächen-Photovoltaik und Landwirtschaft",
        "Photovoltaikanlagen auf Landesgebäuden",
        "Freiflächen-Photovoltaikanlagen",
        "Freiflächen-Photovoltaikanlagen",
        "Solarenergie",
        "Netzdienliche Photovoltaik",
        "den Ausbau der Solarenergie zu beschleunigen",
        "Photovoltaik|Solarpflicht|Agri-Photovoltaik|Stromspeicher|Dachflächen",
    ),
    _t(
        "VM",
        "Zustand der Brücken an Landesstraßen|Sanierungsstau im Landesstraßennetz|Erhaltung der Landesstraßen",
        "sanierungsbedürftige Brücken",
        "Brücken im Zuge von Landesstraßen",
        "Brücken im Zuge von Landesstraßen",
        "Straßenerhaltung",
        "Brückenertüchtigung",
        "den Sanierungsstau bei Brücken abzubauen",
        "Brückensanierung|Sanierungsstau|Landesstraßen|Erhaltungsmittel|Schwerlastverkehr",
    ),
    _t(
        "WM",
        "Entwicklung des Tourismus|Lage des Gastgewerbes|Tourismusförderung im Schwarzwald",
        "Übernachtungen in Beherbergungsbetrieben",
        "Tourismusbetriebe",
        "Tourismusbetrieben",
        "Tourismus",
        "Tourismusinfrastruktur",
        "den Tourismus im ländlichen Raum zu stärken",
        "Tourismus|Übernachtungszahlen|Gastgewerbe|Schwarzwald|Bodensee",
    ),
    _t(
        "WM",
        "Fachkräftemangel im Handwerk|Ausbildungssituation im Land|Meisterprämie und Aufstiegs-BAföG",
        "unbesetzte Ausbildungsstellen",
        "Ausbildungsverträge im Handwerk",
        "Ausbildungsverträgen im Handwerk",
        "der beruflichen Ausbildung",
        "Fachkräfteallianz",
        "dem Fachkräftemangel im Handwerk zu begegnen",
        "Fachkräftemangel|Ausbildungsplätze|Meisterprämie|Handwerk|Berufsorientierung",
    ),
    _t(
        "WM",
        "Förderung des Mittelstands|Transformation der Automobilzulieferer|Innovationsgutscheine für Unternehmen",
        "geförderte Unternehmen",
        "Förderanträge kleiner und mittlerer Unternehmen",
        "Förderanträgen kleiner und mittlerer Unternehmen",
        "Wirtschaftsförderung",
        "Invest BW",
        "kleine und mittlere Unternehmen bei der Transformation zu unterstützen",
        "Mittelstand|Transformation|Innovationsgutscheine|Gründungsförderung|Automobilzulieferer",
    ),
    _t(
        "FM",
        "Bearbeitungszeiten der Finanzämter|Umsetzung der Grundsteuerreform|Personal in der Steuerverwaltung",
        "Beschäftigte in den Finanzämtern",
        "Steuererklärungen",
        "Steuererklärungen",
        "Steuerverwaltung",
        "Digitale Steuerverwaltung",
        "die Bearbeitungszeiten in den Finanzämtern zu verkürzen",
        "Finanzämter|Grundsteuer|Bearbeitungszeiten|Betriebsprüfungen|ELSTER",
    ),
    _t(
        "FM",
        "Sanierung landeseigener Gebäude|Energetischer Zustand der Landesliegenschaften|Neubau des Behördenzentrums",
        "landeseigene Gebäude",
        "Landesliegenschaften",
        "Landesliegenschaften",
        "Landesbau",
        "Energetische Sanierung",
        "den Sanierungsstau bei landeseigenen Gebäuden abzubauen",
        "Landesliegenschaften|Energieeffizienz|Sanierungsstau|Behördenzentrum|Barrierefreiheit",
    ),
    _t(
        "MWK",
        "Förderung der Kultur im ländlichen Raum|Lage der Theater und Orchester|Provenienzforschung an den "
        "Landesmuseen",
        "Besucherinnen und Besucher der Landesmuseen",
        "Kultureinrichtungen",
        "Kultureinrichtungen",
        "Kunst und Kultur",
        "Kulturelle Teilhabe",
        "die kulturelle Teilhabe im ganzen Land zu stärken",
        "Landesmuseen|Theater|Kulturförderung|Provenienzforschung|Musikschulen",
    ),
    _t(
        "KM",
        "Sanierung von Sportstätten|Schwimmbäder und Schwimmfähigkeit von Kindern|Förderung der Sportvereine",
        "sanierungsbedürftige Sporthallen",
        "Sportstätten",
        "Sportstätten",
        "Sport",
        "Sportstättenbau",
        "die Sanierung kommunaler Sportstätten voranzubringen",
        "Sportstättenbauförderung|Schwimmbäder|Sportvereine|Schwimmunterricht|Sporthallen",
    ),
    _t(
        "KM",
        "Ausbau der Ganztagsschulen|Rechtsanspruch auf Ganztagsbetreuung|Schulsozialarbeit an Grundschulen",
        "Ganztagsgrundschulen",
        "Ganztagsangebote an Grundschulen",
        "Ganztagsangeboten an Grundschulen",
        "Ganztagsbetreuung",
        "Ganztagsausbau",
        "den Rechtsanspruch auf Ganztagsbetreuung zu erfüllen",
        "Ganztagsschule|Ganztagsbetreuung|Rechtsanspruch|Schulsozialarbeit|Betreuungskräfte",
    ),
    _t(
        "UM",
        "Sicherung der Trinkwasserversorgung|Grundwasserstände nach Trockenjahren|Nitratbelastung des Grundwassers",
        "Wasserversorgungsunternehmen",
        "Trinkwasserschutzgebiete",
        "Trinkwasserschutzgebieten",
        "Wasserwirtschaft",
        "Wasserversorgung",
        "die Trinkwasserversorgung in Trockenperioden zu sichern",
        "Trinkwasser|Grundwasser|Nitrat|Wasserentnahme|Trockenheit",
    ),
    _t(
        "UM",
        "Umsetzung des Biodiversitätsstärkungsgesetzes|Biotopverbund im Land|Insektenschutz in der Landwirtschaft",
        "Naturschutzgebiete",
        "bedrohte Insektenarten",
        "bedrohten Insektenarten",
        "Naturschutz",
        "Biologische Vielfalt",
        "das Insektensterben aufzuhalten",
        "Artenschutz|Biodiversität|Insektensterben|Biotopverbund|Nationalpark",
    ),
    _t(
        "IM",
        "Cyberangriffe auf Kommunen|Arbeit der Cybersicherheitsagentur|IT-Sicherheit in der Landesverwaltung",
        "Cyberangriffe auf Kommunen",
        "IT-Sicherheitsvorfälle in der Landesverwaltung",
        "IT-Sicherheitsvorfällen in der Landesverwaltung",
        "Cybersicherheit",
        "Kommunale Cybersicherheit",
        "die IT-Sicherheit in Landes- und Kommunalverwaltung zu erhöhen",
        "Cybersicherheitsagentur|Cyberangriffe|Ransomware|Informationssicherheit|Datenschutz",
    ),
    _t(
        "FM",
        "Finanzlage der Kommunen|Kommunaler Finanzausgleich|Entlastung der Stadt- und Landkreise",
        "Gemeinden mit negativem Haushaltsergebnis",
        "Zuweisungen an die Kommunen",
        "Zuweisungen an die Kommunen",
        "des kommunalen Finanzausgleichs",
        "Ausgleichstock",
        "die finanzielle Handlungsfähigkeit der Kommunen zu sichern",
        "Finanzausgleich|Kommunalfinanzen|Kreisumlage|Schlüsselzuweisungen|Konnexität",
    ),
    _t(
        "IM",
        "Funklöcher im ländlichen Raum|Mobilfunkversorgung entlang der Schiene|Umsetzung des Mobilfunkpakts",
        "Funklöcher entlang von Bahnstrecken",
        "Mobilfunkmasten",
        "Mobilfunkmasten",
        "Mobilfunkversorgung",
        "Mobilfunkinfrastruktur",
        "Funklöcher im ländlichen Raum zu schließen",
        "Mobilfunk|Funklöcher|Netzabdeckung|Mobilfunkpakt|Sendeanlagen",
    ),
    _t(
        "MLR",
        "Personal der Lebensmittelüberwachung|Lebensmittelkontrollen in der Gastronomie|Verbraucherschutz "
        "bei Lebensmitteln",
        "Lebensmittelkontrolleurinnen und Lebensmittelkontrolleure",
        "Lebensmittelkontrollen",
        "Lebensmittelkontrollen",
        "Verbraucherschutz",
        "Regionale Lebensmittel",
        "die Lebensmittelüberwachung zu stärken",
        "Lebensmittelkontrolle|Verbraucherschutz|Hygienemängel|Lebensmittelüberwachung|Lebensmittelwarnungen",
    ),
    _t(
        "SM",
        "Integrationsmanagement in den Kommunen|Sprachförderung für Zugewanderte|Anerkennung ausländischer "
        "Berufsabschlüsse",
        "Teilnehmende an Integrationskursen",
        "Sprachkurse für Zugewanderte",
        "Sprachkursen für Zugewanderte",
        "Integration",
        "Integrationsmanagement",
        "die Integration von Zugewanderten in Arbeit zu verbessern",
        "Integrationsmanagement|Sprachförderung|Integrationskurse|Berufsabschlüsse|Teilhabe",
    ),
    _t(
        "IM",
        "Einhaltung der Hilfsfrist im Rettungsdienst|Neuordnung der Leitstellen|Notarztversorgung im ländlichen Raum",
        "Rettungswachen",
        "Einsätze des Rettungsdienstes",
        "Einsätzen des Rettungsdienstes",
        "Rettungsdienst",
        "Notfallversorgung",
        "die Hilfsfrist im Rettungsdienst einzuhalten",
        "Rettungsdienst|Hilfsfrist|Notarzt|Leitstellen|Luftrettung",
    ),
    _t(
        "MLW",
        "Denkmalschutz und Klimaschutz|Förderung der Denkmalpflege|Welterbestätten im Land",
        "Kulturdenkmale",
        "Baudenkmale in Privatbesitz",
        "Baudenkmalen in Privatbesitz",
        "Denkmalpflege",
        "Denkmalförderung",
        "den Erhalt von Kulturdenkmalen zu sichern",
        "Denkmalschutz|Denkmalpflege|Kulturdenkmale|Denkmalförderung|Welterbe",
    ),
    _t(
        "MLW",
        "Flächenverbrauch im Land|Neuaufstellung des Landesentwicklungsplans|Innenentwicklung vor Außenentwicklung",
        "Hektar neu ausgewiesene Bauflächen",
        "neue Baugebiete",
        "neuen Baugebieten",
        "Landesentwicklung",
        "Flächenrecycling",
        "den Flächenverbrauch deutlich zu senken",
        "Flächenverbrauch|Innenentwicklung|Landesentwicklungsplan|Flächenrecycling|Regionalpläne",
    ),
    _t(
        "VM",
        "Ausbau der Ladeinfrastruktur|Elektromobilität in der Landesverwaltung|Schnellladenetz an Autobahnen",
        "öffentliche Ladepunkte",
        "Ladesäulen für Elektrofahrzeuge",
        "Ladesäulen für Elektrofahrzeuge",
        "Elektromobilität",
        "Ladeinfrastruktur",
        "den Ausbau der Ladeinfrastruktur zu beschleunigen",
        "Elektromobilität|Ladeinfrastruktur|Schnellladepunkte|Ladesäulen|Wasserstoff",
    ),
    _t(
        "VM",
        "Lärmschutz an Ortsdurchfahrten|Motorradlärm in Ausflugsgebieten|Verkehrsberuhigung vor Schulen",
        "lärmbelastete Anwohnerinnen und Anwohner",
        "Lärmschutzmaßnahmen an Landesstraßen",
        "Lärmschutzmaßnahmen an Landesstraßen",
        "Lärmschutz",
        "Lärmsanierung",
        "die Lärmbelastung an Ortsdurchfahrten zu senken",
        "Lärmaktionsplan|Motorradlärm|Lärmschutzwände|Ortsdurchfahrten|Lärmkartierung",
    ),
)

DISTRICTS = (
    "Sigmaringen",
    "Ravensburg",
    "Biberach",
    "Alb-Donau-Kreis",
    "Ortenaukreis",
    "Rems-Murr-Kreis",
    "Ludwigsburg",
    "Esslingen",
    "Böblingen",
    "Karlsruhe",
    "Rastatt",
    "Calw",
    "Freudenstadt",
    "Rottweil",
    "Tuttlingen",
    "Konstanz",
    "Lörrach",
    "Waldshut",
    "Breisgau-Hochschwarzwald",
    "Emmendingen",
    "Schwarzwald-Baar-Kreis",
    "Zollernalbkreis",
    "Tübingen",
    "Reutlingen",
    "Heilbronn",
    "Hohenlohekreis",
    "Main-Tauber-Kreis",
    "Neckar-Odenwald-Kreis",
    "Rhein-Neckar-Kreis",
    "Enzkreis",
    "Göppingen",
    "Heidenheim",
    "Ostalbkreis",
    "Schwäbisch Hall",
    "Bodenseekreis",
)
REGIONS = ("Stuttgart", "Karlsruhe", "Freiburg", "Tübingen")
FIRST_F = (
    "Anna",
    "Sabine",
    "Petra",
    "Claudia",
    "Miriam",
    "Katrin",
    "Julia",
    "Andrea",
    "Nicole",
    "Stefanie",
    "Martina",
    "Barbara",
    "Daniela",
    "Christine",
    "Susanne",
    "Elke",
    "Ute",
    "Nese",
    "Jutta",
    "Sarah",
)
FIRST_M = (
    "Thomas",
    "Andreas",
    "Michael",
    "Stefan",
    "Peter",
    "Klaus",
    "Jürgen",
    "Martin",
    "Tobias",
    "Daniel",
    "Markus",
    "Hans-Peter",
    "Benedikt",
    "Jörg",
    "Ulrich",
    "Sascha",
    "Raimund",
    "Timo",
    "Norbert",
    "Rüdiger",
)
LAST = (
    "Müller",
    "Schmid",
    "Schneider",
    "Fischer",
    "Weber",
    "Maier",
    "Wagner",
    "Becker",
    "Hofmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hartmann",
    "Lange",
    "Werner",
    "Krause",
    "Lehmann",
    "Köhler",
    "Herrmann",
    "Walter",
    "Kaiser",
    "Fuchs",
    "Vogel",
    "Haas",
    "Keller",
    "Berger",
    "Frank",
    "Albrecht",
    "Sauter",
    "Hohloch",
    "Renninger",
    "Wiedmaier",
    "Bäuerle",
    "Engstler",
    "Kübler",
    "Dannecker",
    "Hülsmann",
    "Brandhuber",
    "Röhm",
    "Gentges",
    "Stächele",
    "Haußmann",
    "Bückle",
    "Kenner",
    "Reith",
    "Hailfinger",
    "Rapp",
    "Seimer",
    "Salomon",
    "Pix",
    "Epple",
    "Kleinböck",
    "Steyer",
    "Storz",
    "Wald",
    "Braun-Sauter",
    "Mettenleiter",
    "Nüßle",
    "Joos",
)
FACTIONS = {
    15: ("GRÜNE", "CDU", "SPD", "FDP/DVP"),
    16: ("GRÜNE", "CDU", "AfD", "SPD", "FDP/DVP"),
    17: ("GRÜNE", "CDU", "SPD", "FDP/DVP", "AfD"),
}
FRACTION_OF = {
    "GRÜNE": "der Fraktion GRÜNE",
    "CDU": "der Fraktion der CDU",
    "SPD": "der Fraktion der SPD",
    "FDP/DVP": "der Fraktion der FDP/DVP",
    "AfD": "der Fraktion der AfD",
}

# Questions as (Kleine Anfrage form, Antrag form).
QUESTIONS = (
    ("Wie viele {count} gibt es derzeit {place}?", "wie viele {count} es derzeit {place} gibt"),
    (
        "Wie hat sich die Zahl der {plural} {place} seit dem Jahr {y0} entwickelt (bitte aufgeschlüsselt nach Jahren)?",
        "wie sich die Zahl der {plural} {place} seit dem Jahr {y0} entwickelt hat (bitte aufgeschlüsselt nach Jahren)",
    ),
    (
        "Welche Haushaltsmittel hat das Land in den Jahren {y0} bis {y1} für {plural} bereitgestellt?",
        "welche Haushaltsmittel das Land in den Jahren {y0} bis {y1} für {plural} bereitgestellt hat",
    ),
    ("Welche Maßnahmen plant die Landesregierung, um {goal}?", "welche Maßnahmen sie plant, um {goal}"),
    (
        "Wie viele Anträge wurden im Förderprogramm {program} seit dem Jahr {y0} gestellt, und wie viele davon wurden "
        "bewilligt?",
        "wie viele Anträge im Förderprogramm {program} seit dem Jahr {y0} gestellt und wie viele davon "
        "bewilligt wurden",
    ),
    (
        "Welche Erkenntnisse liegen der Landesregierung zur Lage im Bereich {area} {place} vor?",
        "welche Erkenntnisse ihr zur Lage im Bereich {area} {place} vorliegen",
    ),
    (
        "Wie bewertet die Landesregierung den Stand bei {dative} im Vergleich zu anderen Ländern?",
        "wie sie den Stand bei {dative} im Vergleich zu anderen Ländern bewertet",
    ),
    (
        "Inwiefern ist eine Änderung der Förderrichtlinien im Bereich {area} vorgesehen?",
        "inwiefern eine Änderung der Förderrichtlinien im Bereich {area} vorgesehen ist",
    ),
    (
        "Wie viele Stellen sind bei den {agencies} für Aufgaben im Bereich {area} vorgesehen, und wie viele davon sind "
        "derzeit unbesetzt?",
        "wie viele Stellen bei den {agencies} für Aufgaben im Bereich {area} vorgesehen und wie "
        "viele davon derzeit unbesetzt sind",
    ),
    (
        "Welche Bedeutung misst die Landesregierung dem Thema {word} {place} bei?",
        "welche Bedeutung sie dem Thema {word} {place} beimisst",
    ),
    (
        "Welche Kosten sind für {plural} in den Jahren {y1} und {y2} zu erwarten?",
        "welche Kosten für {plural} in den Jahren {y1} und {y2} zu erwarten sind",
    ),
    (
        "Wie stellt die Landesregierung sicher, dass die Kommunen bei {dative} ausreichend unterstützt werden?",
        "wie sie sicherstellt, dass die Kommunen bei {dative} ausreichend unterstützt werden",
    ),
    (
        "In welchem Umfang werden Mittel des Bundes und der Europäischen Union für {plural} {place} eingesetzt?",
        "in welchem Umfang Mittel des Bundes und der Europäischen Union für {plural} {place} eingesetzt werden",
    ),
    (
        "Welche Ergebnisse hat die Evaluation des Förderprogramms {program} bisher erbracht?",
        "welche Ergebnisse die Evaluation des Förderprogramms {program} bisher erbracht hat",
    ),
    (
        "Welche Auswirkungen hat die Entwicklung im Bereich {area} auf den ländlichen Raum?",
        "welche Auswirkungen die Entwicklung im Bereich {area} auf den ländlichen Raum hat",
    ),
    (
        "Bis wann ist mit einer Entscheidung über die weitere Förderung von {dative} zu rechnen?",
        "bis wann mit einer Entscheidung über die weitere Förderung von {dative} zu rechnen ist",
    ),
)
ANSWER_FACTS = (
    "Zum Stichtag 31. Dezember {y1} gab es {place} insgesamt {n} {count}.",
    "In den Jahren {y0} bis {y1} stellte das Land für {plural} rund {m} Millionen Euro bereit.",
    "Die Zahl der {plural} ist gegenüber dem Jahr {y0} um {p} Prozent {trend}.",
    "Im Förderprogramm {program} wurden seit dem Jahr {y0} {n} Anträge gestellt, von denen {n2} bewilligt wurden.",
    "Derzeit sind {n2} von {n} Stellen im Bereich {area} besetzt; die übrigen Stellen sollen bis Ende {y2} besetzt "
    "werden.",
    "Für die Jahre {y2} und {y3} sind weitere Maßnahmen mit einem Volumen von rund {m} Millionen Euro vorgesehen.",
)
ANSWER_MORE = (
    "Eine landesweite Statistik im Sinne der Fragestellung wird nicht geführt; die Angaben beruhen auf einer Abfrage "
    "bei den {agencies}.",
    "Die Landesregierung misst dem Bereich {area} eine hohe Bedeutung bei und wird die Entwicklung weiter aufmerksam "
    "beobachten.",
    "Die Umsetzung liegt in der Zuständigkeit der {actors}, die dabei von den {agencies} unterstützt werden.",
    "Dabei kommt dem Thema {word} besondere Bedeutung zu.",
    "Nach Einschätzung der Landesregierung reichen die vorhandenen Mittel aus, um den Bedarf bis zum Jahr {y3} zu "
    "decken.",
    "Die Evaluation des Förderprogramms {program} wird voraussichtlich im Jahr {y3} abgeschlossen.",
    "Im Vergleich der Länder liegt Baden-Württemberg damit im oberen Drittel.",
    "Ziel der Landesregierung bleibt es, {goal}.",
    "Die Mittel werden im Staatshaushaltsplan {y2}/{y3} fortgeschrieben.",
    "Die Landesregierung steht hierzu in engem Austausch mit den kommunalen Landesverbänden.",
)
REASONING = (
    "Der Bereich {area} steht {place} vor großen Herausforderungen.",
    "Bürgerinnen und Bürger berichten zunehmend über Probleme bei {dative}.",
    "Die Landesregierung hat angekündigt, {goal}.",
    "Seit dem Jahr {y0} sind die Anforderungen an {plural} deutlich gestiegen.",
    "Vor Ort wird insbesondere das Thema {word} intensiv diskutiert.",
)
REASONING_END = {
    "antrag": "Der Antrag soll klären, wie es um {plural} {place} steht.",
    "kleine_anfrage": "Die Kleine Anfrage soll die Lage {place} aufklären.",
    "grosse_anfrage": "Die Große Anfrage soll ein Gesamtbild der Lage im Bereich {area} zeichnen.",
}
ACTORS = ("Stadt- und Landkreise", "Städte und Gemeinden", "Träger vor Ort", "Regionalverbände")
TRENDS = ("gestiegen", "gesunken", "gestiegen")
CITE_REASONING = (
    "Bereits in der Drucksache {ref} hat die Landesregierung zu diesem Thema Stellung genommen.",
    "Die Antwort auf die Kleine Anfrage Drucksache {ref} ließ wesentliche Fragen offen.",
    "Seit der Stellungnahme zu Drucksache {ref} hat sich die Lage verändert.",
)
CITE_REASONING_POINTS = "Die Ausführungen zu den Ziffern {points} in Drucksache {ref} sind inzwischen überholt."
CITE_ANSWER = (
    "Ergänzend wird auf die Stellungnahme zu Drucksache {ref} verwiesen.",
    "Im Übrigen wird auf die Antwort in Drucksache {ref} verwiesen.",
)
CITE_ANSWER_POINTS = "Wie bereits zu den Ziffern {points} in Drucksache {ref} ausgeführt, bleibt es bei dieser Planung."


def _people(rng: random.Random, k: int) -> list[tuple[str, str]]:
    """`k` invented members as (full name, last name)."""
    out = []
    for _ in range(k):
        first = rng.choice(FIRST_F if rng.random() < 0.4 else FIRST_M)
        last = rng.choice(LAST)
        doctor = "Dr. " if rng.random() < 0.12 else ""
        out.append((f"{doctor}{first} {last}", f"{doctor}{last}"))
    return out


def _minister(term: int, key: str) -> tuple[str, bool]:
    """The (invented) minister of a ministry in a term: last name and whether it is a woman."""
    r = random.Random(f"minister:{term}:{key}")
    return r.choice(LAST), r.random() < 0.4


# -- prints ---------------------------------------------------------------------------------------


def rng_for(seed: int, i: int) -> random.Random:
    """The random generator of print `i`: prints can be built in any order, alone or in bulk."""
    return random.Random(seed * 1_000_003 + i)


def _term_slot(i: int, total: int) -> tuple[int, int, int]:
    """(term index, position in the term, prints per term) of print `i` of `total`."""
    per_term = max(1, -(-total // len(TERMS)))
    t = min(i // per_term, len(TERMS) - 1)  # prints beyond `total` continue the last term
    return t, i - t * per_term, per_term


def print_number(i: int, total: int = DEFAULT_N) -> str:
    """Print `i`'s number: numbers rise within a term, with gaps for the prints that are no inquiry."""
    t, k, _ = _term_slot(i, total)
    return f"{TERMS[t][0]}/{1 + k + k // 3}"


def _print_date(i: int, total: int, rng: random.Random) -> date:
    t, k, per_term = _term_slot(i, total)
    _, first, last = TERMS[t]
    span = (last - first).days
    return first + timedelta(days=min(span + 30, span * k // per_term + rng.randint(0, 2)))


def _place(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        return "landesweit" if r < 0.25 else "in Baden-Württemberg"
    if r < 0.9:
        d = rng.choice(DISTRICTS)
        return f"im {d}" if d.endswith(("kreis", "Kreis")) else f"im Landkreis {d}"
    return f"im Regierungsbezirk {rng.choice(REGIONS)}"


def _amount(n: int) -> str:
    """Numbers as BW prints set them: a space for thousands ("2 030")."""
    return f"{n:,}".replace(",", " ")


def _slots(topic: Topic, rng: random.Random, year: int, place: str) -> dict[str, str]:
    n = rng.choice((rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 25000)))
    y0 = year - rng.randint(3, 8)
    return {
        "count": topic.count,
        "plural": topic.plural,
        "dative": topic.dative,
        "area": topic.area,
        "program": topic.program,
        "goal": topic.goal,
        "word": rng.choice(topic.words),
        "agencies": MINISTRIES[topic.ministry].agencies,
        "place": place if rng.random() < 0.7 else _place(rng),
        "y0": str(y0),
        "y1": str(year - 1),
        "y2": str(year + 1),
        "y3": str(year + 2),
        "n": _amount(n),
        "n2": _amount(max(1, n * rng.randint(35, 95) // 100)),
        "m": f"{rng.randint(2, 480)}",
        "p": f"{rng.randint(2, 60)}",
        "trend": rng.choice(TRENDS),
        "actors": rng.choice(ACTORS),
    }


def _sentences(
    templates: tuple[str, ...], k: int, topic: Topic, rng: random.Random, year: int, place: str
) -> list[str]:
    return [t.format(**_slots(topic, rng, year, place)) for t in rng.sample(templates, k)]


def _point_count(kind: str, rng: random.Random) -> int:
    if kind == "kleine_anfrage":
        return min(10, round(rng.triangular(3, 11, 10)))  # § 61 GOLT: at most ten questions
    if kind == "grosse_anfrage":
        return round(rng.triangular(8, 16, 13))
    return round(rng.triangular(3, 16, 12))


def _cite_text(template: str, number: str, points: list[str], rng: random.Random) -> str:
    spelled = rng.choice((number, number, number.replace("/", " / ")))
    return template.format(ref=spelled, points=" und ".join(points))


def make_print(i: int, rng: random.Random, *, total: int = DEFAULT_N) -> PrintDoc:
    """Print `i` of a register of `total` prints (the term and the number depend on both)."""
    t, _, _ = _term_slot(i, total)
    term = TERMS[t][0]
    submitted = _print_date(i, total, rng)
    year = submitted.year
    r = rng.random()
    kind = "grosse_anfrage" if r < 0.02 else "kleine_anfrage" if r < 0.52 else "antrag"
    topic = rng.choice(TOPICS)
    ministry = MINISTRIES[topic.ministry]
    place = _place(rng)
    title = rng.choice(topic.titles)
    if place.startswith("im ") and rng.random() < 0.5:
        title = f"{title} {place}"
    faction = rng.choice(FACTIONS[term])
    members = _people(rng, rng.choice((1, 2, 2, 2, 3)) if kind == "antrag" else 1)
    received = submitted + timedelta(days=rng.choice((0, 0, 1)))
    doc = PrintDoc(
        parliament="BW",
        number=print_number(i, total),
        kind=kind,
        title=title,
        submitted=submitted,
        received=received,
        factions=[faction],
        ministry=ministry.name,
    )
    doc.originators = [last for _, last in members] if kind == "grosse_anfrage" else [full for full, _ in members]

    n_points = _point_count(kind, rng)
    for label, (ka_form, antrag_form) in enumerate(rng.sample(QUESTIONS, n_points), 1):
        text = (antrag_form if kind == "antrag" else ka_form).format(**_slots(topic, rng, year, place))
        if kind == "antrag":
            text += "." if label == n_points else ";"
        doc.points.append(Point(str(label), text))
    reasoning = _sentences(REASONING, rng.randint(1, 3), topic, rng, year, place)
    reasoning.append(REASONING_END[kind].format(**_slots(topic, rng, year, place)))

    answered = rng.random() < 0.8
    if answered:
        answer_date = received + timedelta(days=rng.randint(14, 45))
        minister, _ = _minister(term, topic.ministry)
        consent = []
        if rng.random() < 0.3:
            others = [m for k, m in MINISTRIES.items() if k != topic.ministry]
            consent = [m.name for m in rng.sample(others, rng.choice((1, 1, 2)))]
        doc.answer = Answer(
            date=answer_date,
            file_number=_file_number(ministry, rng),
            consent=consent,
            signatory=minister,
            ministry=ministry.name,
        )
        doc.published = answer_date + timedelta(days=rng.randint(3, 21))
        label = 1
        while label <= n_points:
            labels = [str(label)]
            if label < n_points and rng.random() < 0.12:
                labels.append(str(label + 1))
            text = _sentences(ANSWER_FACTS, 1, topic, rng, year, place) + _sentences(
                ANSWER_MORE, rng.randint(1, 3), topic, rng, year, place
            )
            paragraphs = (
                [" ".join(text)] if len(text) < 3 or rng.random() < 0.6 else [" ".join(text[:2]), " ".join(text[2:])]
            )
            doc.answer.items.append(AnswerItem(labels, "\n\n".join(paragraphs)))
            label += len(labels)

    cited_in_reasoning: list[tuple[str, Reference]] = []
    if i > 0 and rng.random() < 0.3:
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            back = min(i, 1 + int(rng.expovariate(1 / 600)))  # mostly recent prints, now and then an old one
            number = print_number(i - back, total)
            points = sorted(rng.sample(["1", "2", "3"], 2)) if rng.random() < 0.25 else []
            if doc.answer is not None and rng.random() < 0.5:
                k = rng.randrange(len(doc.answer.items))
                template = CITE_ANSWER_POINTS if points else rng.choice(CITE_ANSWER)
                doc.answer.items[k].text += " " + _cite_text(template, number, points, rng)
                doc.references.append(Reference(number, points, f"answer:{k + 1}"))
            else:
                template = CITE_REASONING_POINTS if points else rng.choice(CITE_REASONING)
                sentence = _cite_text(template, number, points, rng)
                reasoning.insert(rng.randint(0, len(reasoning) - 1), sentence)
                cited_in_reasoning.append((sentence, Reference(number, points, "reasoning")))
    # in text order, as the parser reports them: the Begründung first, then the answer items in turn
    cited_in_reasoning.sort(key=lambda c: reasoning.index(c[0]))
    doc.references = [r for _, r in cited_in_reasoning] + sorted(doc.references, key=lambda r: int(r.where[7:]))
    doc.reasoning = " ".join(reasoning)
    if kind == "grosse_anfrage" and doc.answer is None:
        doc.ministry = "Landesregierung"  # the print names the lead ministry only in the answer
    return doc


def _file_number(ministry: Ministry, rng: random.Random) -> str:
    return f"{ministry.file_prefix}{rng.randint(10, 9999)}-{rng.randint(1, 99)}/{rng.randint(1, 400)}"


def generate(
    n: int = DEFAULT_N, seed: int = DEFAULT_SEED, *, start: int = 0, total: int | None = None
) -> Iterator[PrintDoc]:
    """Prints `start` … `start + n - 1` of a register of `total` prints (default: `n`)."""
    total = total or n
    for i in range(start, start + n):
        yield make_print(i, rng_for(seed, i), total=total)


# -- as text ----------------------------------------------------------------------------------------


def _long_date(d: date) -> str:
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def _short_date(d: date) -> str:
    return f"{d.day}.{d.month}.{d.year}"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]


def print_text(doc: PrintDoc, seed: int = 0) -> str:
    """The print in the BW layout of a published (or, unanswered, a received) Drucksache."""
    rng = random.Random(f"{seed}:{doc.number}")
    assert doc.number and doc.submitted and doc.received
    term, nr = doc.number.split("/")
    ministry = next((m for m in MINISTRIES.values() if m.name == doc.ministry), MINISTRIES["IM"])
    kind_word = {"antrag": "Antrag", "kleine_anfrage": "Kleine Anfrage", "grosse_anfrage": "Große Anfrage"}[doc.kind]
    reply_word = "Stellungnahme" if doc.kind == "antrag" else "Antwort"
    faction = doc.factions[0]
    out = [
        f"Landtag von Baden-Württemberg\tDrucksache {term} / {nr}",
        f"{term}. Wahlperiode\t{_short_date(doc.submitted)}",
    ]
    footer = f"Eingegangen: {_short_date(doc.received)}"
    if doc.published:
        footer += f" / Ausgegeben: {_short_date(doc.published)}"
    out += [footer, kind_word]
    if doc.kind == "grosse_anfrage":
        out.append(FRACTION_OF[faction])
    elif len(doc.originators) == 1:
        out.append(f"des Abg. {doc.originators[0]} {faction}")
    else:
        out.append(f"der Abg. {_join(doc.originators)} u. a. {faction}")
    out += [
        "und",
        reply_word,
        "der Landesregierung" if doc.kind == "grosse_anfrage" else ministry.genitive,
        doc.title or "",
        kind_word,
    ]
    numbered = [f"{p.label}. {p.text}" for p in doc.points]
    if doc.kind == "antrag":
        out.append("Der Landtag wolle beschließen,\ndie Landesregierung zu ersuchen\nzu berichten,")
        out.append("\n".join(numbered))
    else:
        opener = "Ich frage" if doc.kind == "kleine_anfrage" else "Wir fragen"
        out.append(f"{opener} die Landesregierung:")
        out += numbered
    out.append(_short_date(doc.submitted))
    last_names = [
        name.split(" ")[-1] if not name.startswith("Dr. ") else "Dr. " + name.split(" ")[-1] for name in doc.originators
    ]
    if doc.kind == "grosse_anfrage":
        out.append(f"{doc.originators[0]} und Fraktion")
    else:
        out.append(f"{', '.join(last_names)} {faction}")
    out += ["Begründung", doc.reasoning or ""]
    a = doc.answer
    if a is not None:
        assert a.date
        out.append(reply_word)
        consent = f" im Einvernehmen mit {_join(['dem ' + c for c in a.consent])}" if a.consent else ""
        if doc.kind == "antrag":
            out.append(
                f"Mit Schreiben vom {_long_date(a.date)} Nr. {a.file_number} nimmt das {ministry.name}"
                f"{consent} zu dem Antrag wie folgt Stellung:"
            )
        elif doc.kind == "kleine_anfrage":
            out.append(
                f"Mit Schreiben vom {_long_date(a.date)} Nr. {a.file_number} beantwortet das {ministry.name}"
                f"{consent} die Kleine Anfrage wie folgt:"
            )
        else:
            cover = a.date - timedelta(days=3)
            out += [
                f"Schreiben des Staatsministeriums vom {_long_date(cover)} Nr. STM-0141.5-{rng.randint(1, 99)}/"
                f"{rng.randint(1, 99)}:",
                "In der Anlage übersende ich unter Bezugnahme auf § 63 der "
                "Geschäftsordnung des Landtags die von der Landesregierung beschlossene Antwort auf die Große "
                "Anfrage.",
                "Dr. Hassler\nStaatssekretär",
                f"Anlage: Schreiben {ministry.genitive}",
                f"Mit Schreiben vom {_long_date(a.date)} Nr. {a.file_number} beantwortet das {ministry.name}"
                f"{consent} im Namen der Landesregierung die Große Anfrage wie folgt:",
            ]
        by_label = {p.label: p for p in doc.points}
        for item in a.items:
            for label in item.points:
                quoted = f"{label}. {by_label[label].text}"
                out.append(f"*{quoted}*" if doc.kind == "antrag" and rng.random() < 0.5 else quoted)
            out.append("Zu " + " und ".join(f"{label}." for label in item.points) + ":")
            out += item.text.split("\n\n")
        _, female = _minister(int(term), next(k for k, m in MINISTRIES.items() if m is ministry))
        out += [a.signatory or "", ministry.minister(female)]
    return "\n\n".join(out) + "\n"


def write_text_prints(folder: str | Path, docs: Iterable[PrintDoc], seed: int = 0) -> list[Path]:
    """Write each print as `TERM-NUMBER.txt` (UTF-8) in `folder`; returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in docs:
        path = folder / f"{(doc.number or 'x').replace('/', '-')}.txt"
        path.write_text(print_text(doc, seed), encoding="utf-8")
        paths.append(path)
    return paths


def compare(expected: PrintDoc, parsed: PrintDoc) -> list[str]:
    """Where a parsed text print differs from the generated one (empty when they agree)."""
    problems = []
    for name in ("number", "kind", "title", "submitted", "received", "published", "ministry", "factions"):
        if getattr(expected, name) != getattr(parsed, name):
            problems.append(f"{name}: {getattr(expected, name)!r} != {getattr(parsed, name)!r}")
    if [(p.label, p.text) for p in expected.points] != [(p.label, p.text) for p in parsed.points]:
        problems.append(f"points: {len(expected.points)} != {len(parsed.points)}")
    if _items(expected) != _items(parsed):
        problems.append(
            f"answer items: {len(expected.answer.items) if expected.answer else None} != "
            f"{len(parsed.answer.items) if parsed.answer else None}"
        )
    if expected.answer and parsed.answer:
        for name in ("date", "file_number", "consent", "signatory"):
            if getattr(expected.answer, name) != getattr(parsed.answer, name):
                problems.append(
                    f"answer.{name}: {getattr(expected.answer, name)!r} != {getattr(parsed.answer, name)!r}"
                )
    if _refs(expected) != _refs(parsed):
        problems.append(f"references: {_refs(expected)} != {_refs(parsed)}")
    return problems


def _items(doc: PrintDoc) -> list[tuple[list[str], str]] | None:
    return [(i.points, " ".join(i.text.split())) for i in doc.answer.items] if doc.answer else None


def _refs(doc: PrintDoc) -> list[tuple[str | None, list[str], str]]:
    return [(r.number, r.points, r.where) for r in doc.references]


def main() -> int:
    ap = argparse.ArgumentParser(description="Write synthetic BW prints as .txt and check that they parse back.")
    ap.add_argument("--write", metavar="DIR", required=True)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--total", type=int, default=DEFAULT_N, help="size of the register the prints belong to")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args()
    from core.parser import parse_file

    step = max(1, args.total // args.count)
    docs = [make_print(i, rng_for(args.seed, i), total=args.total) for i in range(0, step * args.count, step)]
    paths = write_text_prints(args.write, docs, args.seed)
    bad = 0
    for doc, path in zip(docs, paths, strict=True):
        problems = compare(doc, parse_file(path))
        bad += bool(problems)
        status = "ok" if not problems else "; ".join(problems)
        print(
            f"{path.name}: {doc.kind}, {len(doc.points)} points, "
            f"{len(doc.answer.items) if doc.answer else 0} answer items, {len(doc.references)} citations: {status}"
        )
    print(f"{len(docs) - bad} of {len(docs)} prints parse back as generated")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
