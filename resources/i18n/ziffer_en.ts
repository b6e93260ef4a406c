<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="56"/>
        <source>Gleichzeitige Änderung</source>
        <translation>Simultaneous change</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="61"/>
        <source>jemand anderem</source>
        <translation>someone else</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="64"/>
        <source>{what} wurde inzwischen von {who} geändert ({when}). Ihre Fassung ist noch nicht gespeichert: Welche Fassung soll gelten?</source>
        <translation>{what} was changed meanwhile by {who} ({when}). Your version is not saved yet: which version should stand?</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="73"/>
        <source>Gespeicherte Fassung</source>
        <translation>Stored version</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="76"/>
        <source>Eigene Fassung</source>
        <translation>Own version</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="79"/>
        <source>Gespeicherte Fassung — von {who}, {when}</source>
        <translation>Stored version — by {who}, {when}</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="82"/>
        <source>Ihre Fassung</source>
        <translation>Your version</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="91"/>
        <source>Zusammengeführte Fassung</source>
        <translation>Merged version</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="93"/>
        <source>Zusammengeführte Fassung (beide Änderungen übernommen; bitte prüfen):</source>
        <translation>Merged version (both changes kept; please check):</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="95"/>
        <source>Zusammengeführte Fassung (beide Fassungen untereinander; bitte bearbeiten):</source>
        <translation>Merged version (both versions one below the other; please edit):</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="102"/>
        <source>Gespeicherte Fassung übernehmen</source>
        <translation>Take the stored version</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="103"/>
        <source>Eigene Fassung speichern</source>
        <translation>Save your own version</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="104"/>
        <source>Zusammenführen und bearbeiten</source>
        <translation>Merge and edit</translation>
    </message>
    <message>
        <location filename="../../gui/conflict_dialog.py" line="105"/>
        <source>Zusammengeführte Fassung speichern</source>
        <translation>Save the merged version</translation>
    </message>
</context>
<context>
    <name>DeadlineReminder</name>
    <message>
        <location filename="../../gui/deadlines_view.py" line="308"/>
        <source>Ziffer – Fristen</source>
        <translation>Ziffer – deadlines</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="329"/>
        <source>{n} Anfragen sind fällig oder überfällig: {numbers}.</source>
        <translation>{n} inquiries are due or overdue: {numbers}.</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="335"/>
        <source>Die Frist für Drucksache {number} ist seit {n} Tagen überschritten.</source>
        <translation>The deadline for print {number} passed {n} days ago.</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="339"/>
        <source>Die Frist für Drucksache {number} ist seit gestern überschritten.</source>
        <translation>The deadline for print {number} passed yesterday.</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="343"/>
        <source>Die Frist für Drucksache {number} läuft heute ab.</source>
        <translation>The deadline for print {number} ends today.</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="347"/>
        <source>Die Frist für Drucksache {number} läuft morgen ab.</source>
        <translation>The deadline for print {number} ends tomorrow.</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="350"/>
        <source>Die Frist für Drucksache {number} läuft in {n} Tagen ab.</source>
        <translation>The deadline for print {number} ends in {n} days.</translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <location filename="../../gui/deadlines_view.py" line="54"/>
        <source>Gruppieren nach</source>
        <translation>Group by</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="55"/>
        <location filename="../../gui/deadlines_view.py" line="100"/>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="56"/>
        <location filename="../../gui/deadlines_view.py" line="102"/>
        <location filename="../../gui/deadlines_view.py" line="177"/>
        <source>Referat</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="57"/>
        <location filename="../../gui/deadlines_view.py" line="103"/>
        <source>Bearbeiter/in</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="61"/>
        <source>Als iCalendar exportieren …</source>
        <translation>Export as iCalendar …</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="62"/>
        <source>Als CSV exportieren …</source>
        <translation>Export as CSV …</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="63"/>
        <source>Als Excel-Datei exportieren …</source>
        <translation>Export as Excel file …</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="69"/>
        <source>Pünktlichkeit …</source>
        <translation>Punctuality …</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="70"/>
        <source>Pünktlichkeit der Antworten je Ministerium und Referat</source>
        <translation>Punctuality of the answers per ministry and unit</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="74"/>
        <source>Gruppieren nach:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="83"/>
        <source>Fristen der offenen Anfragen</source>
        <translation>Deadlines of the open inquiries</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="97"/>
        <source>Drucksache</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="98"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="99"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="101"/>
        <source>Tage</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="104"/>
        <source>Verlängerung</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="137"/>
        <source>1 offene Anfrage mit Frist, davon {late} überfällig</source>
        <translation>1 open inquiry with a deadline, {late} overdue</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="139"/>
        <source>{n} offene Anfragen mit Frist, davon {late} überfällig</source>
        <translation>{n} open inquiries with a deadline, {late} of them overdue</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="177"/>
        <source>Ministerium</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="196"/>
        <location filename="../../gui/deadlines_view.py" line="208"/>
        <source>Pünktlichkeit der Antworten</source>
        <translation>Punctuality of the answers</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="198"/>
        <source>nach</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="199"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="200"/>
        <source>beantwortet</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="201"/>
        <source>pünktlich</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="202"/>
        <source>verspätet</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="203"/>
        <source>höchstens Tage zu spät</source>
        <translation>at most days late</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="204"/>
        <source>im Mittel Tage zu spät</source>
        <translation>mean days late</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="225"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="226"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="227"/>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="230"/>
        <source>Fristen exportieren</source>
        <translation>Export deadlines</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="253"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="254"/>
        <source>Die Fristen konnten nicht nach {path} geschrieben werden: {reason}</source>
        <translation>The deadlines could not be written to {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/deadlines_view.py" line="262"/>
        <source>Fristen exportiert: {name}</source>
        <translation>Deadlines exported: {name}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="58"/>
        <source>Exportieren: Drucksache {number}</source>
        <translation>Export: print {number}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="61"/>
        <location filename="../../gui/export_dialog.py" line="94"/>
        <source>Vorlage</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="63"/>
        <source>Stellungnahme (Antrag)</source>
        <translation>Stellungnahme (motion)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="64"/>
        <source>Antwort (Anfrage)</source>
        <translation>Answer (question)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="65"/>
        <source>Bitte um Zulieferung an ein Referat</source>
        <translation>Request for a contribution from a unit</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="66"/>
        <source>Bitte um Fristverlängerung</source>
        <translation>Request for an extension</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="72"/>
        <location filename="../../gui/export_dialog.py" line="95"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="73"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="74"/>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="76"/>
        <location filename="../../gui/export_dialog.py" line="77"/>
        <source>Als Entwurf kennzeichnen</source>
        <translation>Mark as draft</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="80"/>
        <source>Referat, das zuliefern soll</source>
        <translation>Unit to contribute</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="81"/>
        <source>z. B. Referat 42</source>
        <translation>e.g. Unit 42</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="83"/>
        <source>Zielordner</source>
        <translation>Target folder</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="86"/>
        <source>Ordner wählen …</source>
        <translation>Choose folder …</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="87"/>
        <location filename="../../gui/export_dialog.py" line="163"/>
        <source>Zielordner wählen</source>
        <translation>Choose the target folder</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="97"/>
        <source>Referat</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="99"/>
        <source>Ordner</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="102"/>
        <source>Hinweise vor dem Export</source>
        <translation>Notes before the export</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="106"/>
        <source>Ordner öffnen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="107"/>
        <source>Ordner mit der exportierten Datei öffnen</source>
        <translation>Open the folder with the exported file</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="110"/>
        <source>Exportieren</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="111"/>
        <source>Jetzt exportieren</source>
        <translation>Export now</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="114"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="126"/>
        <source>Hinweise</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="177"/>
        <source>Keine Hinweise.</source>
        <translation>No notes.</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="179"/>
        <source>Vorschau (PDF-Darstellung)</source>
        <translation>Preview (as PDF)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="179"/>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="207"/>
        <source>Vorschau wird erstellt …</source>
        <translation>Making the preview …</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="220"/>
        <source>Die Vorschau kann nicht erstellt werden: {reason}</source>
        <translation>The preview cannot be made: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="260"/>
        <source>Den Ordner {folder} gibt es nicht. Soll er angelegt werden?</source>
        <translation>The folder {folder} does not exist. Create it?</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="244"/>
        <location filename="../../gui/export_dialog.py" line="259"/>
        <location filename="../../gui/export_dialog.py" line="270"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="244"/>
        <location filename="../../gui/export_dialog.py" line="270"/>
        <source>Die Datei wurde nicht geschrieben: {reason}</source>
        <translation>The file was not written: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="250"/>
        <source>Gespeichert: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../gui/importer.py" line="166"/>
        <source>Fortschritt des Imports</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="169"/>
        <source>Einzelheiten</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="170"/>
        <source>Einzelheiten des Imports zeigen</source>
        <translation>Show the import&apos;s details</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="192"/>
        <source>Import wird vorbereitet …</source>
        <translation>Preparing the import …</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="197"/>
        <source>Importiere {done} von {total}: {name}</source>
        <translation>Importing {done} of {total}: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="212"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <location filename="../../gui/importer.py" line="51"/>
        <source>1 Datei importiert</source>
        <translation>1 file imported</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="52"/>
        <source>{n} Dateien importiert</source>
        <translation>{n} files imported</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="56"/>
        <source>1 aktualisiert</source>
        <translation>1 updated</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="57"/>
        <source>{n} aktualisiert</source>
        <translation>{n} updated</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="61"/>
        <source>1 unverändert</source>
        <translation>1 unchanged</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="62"/>
        <source>{n} unverändert</source>
        <translation>{n} unchanged</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="66"/>
        <source>1 Fehler</source>
        <translation>1 failed</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="67"/>
        <source>{n} Fehler</source>
        <translation>{n} failed</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="73"/>
        <source>Keine Dateien gefunden</source>
        <translation>No files found</translation>
    </message>
    <message>
        <location filename="../../gui/importer.py" line="151"/>
        <source>Der Import ist abgebrochen: {reason}</source>
        <translation>The import stopped: {reason}</translation>
    </message>
</context>
<context>
    <name>InboxAdapter</name>
    <message>
        <location filename="../../gui/inbox_adapter.py" line="21"/>
        <source>Posteingang: {name} nicht importiert – {reason} (abgelegt in „fehler“)</source>
        <translation>Inbox: {name} not imported – {reason} (filed in “fehler”)</translation>
    </message>
    <message>
        <location filename="../../gui/inbox_adapter.py" line="25"/>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../gui/inbox_adapter.py" line="28"/>
        <source>importiert</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../gui/inbox_adapter.py" line="29"/>
        <source>aktualisiert</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="../../gui/inbox_adapter.py" line="30"/>
        <source>unverändert</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../gui/inbox_adapter.py" line="33"/>
        <source>Posteingang: {name} {status} {what}</source>
        <translation>Inbox: {name} {status} {what}</translation>
    </message>
</context>
<context>
    <name>InquiryView</name>
    <message>
        <location filename="../../gui/inquiry_view.py" line="67"/>
        <location filename="../../gui/inquiry_view.py" line="539"/>
        <source>Drucksache</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="68"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="69"/>
        <source>Datum der Drucksache</source>
        <translation>Date of the print</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="70"/>
        <source>Eingegangen am</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="71"/>
        <source>Bearbeiter/in</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="72"/>
        <location filename="../../gui/inquiry_view.py" line="286"/>
        <source>Referat</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="73"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="74"/>
        <source>Datum der Antwort</source>
        <translation>Date of the answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="75"/>
        <source>Mitzeichnung (Ministerien, durch Komma getrennt)</source>
        <translation>Co-signing (ministries, separated by commas)</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="76"/>
        <source>Unterzeichnung</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="77"/>
        <source>Amtsbezeichnung</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="99"/>
        <source>Ziffer {label}</source>
        <translation>Point {label}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="100"/>
        <source>Antwort {label}</source>
        <translation>Answer {label}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="101"/>
        <location filename="../../gui/inquiry_view.py" line="336"/>
        <source>Begründung</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="103"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="109"/>
        <source>Zulieferung</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="110"/>
        <source>Mitzeichnung</source>
        <translation>Co-signing</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="111"/>
        <source>Zeichnung</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="122"/>
        <source>Antwort bearbeiten</source>
        <translation>Edit answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="172"/>
        <source>Angabe ändern</source>
        <translation>Change detail</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="240"/>
        <source>Status der Anfrage ändern</source>
        <translation>Change the inquiry&apos;s status</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="244"/>
        <source>Exportieren …</source>
        <translation>Export …</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="245"/>
        <source>Stellungnahme exportieren</source>
        <translation>Export the Stellungnahme</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="248"/>
        <source>Speicherstand</source>
        <translation>Save state</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="260"/>
        <source>Ziffern der Anfrage</source>
        <translation>Points of the inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="266"/>
        <location filename="../../gui/inquiry_view.py" line="308"/>
        <source>Frage</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="270"/>
        <location filename="../../gui/inquiry_view.py" line="352"/>
        <source>Antwort</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="271"/>
        <source>Antwort der Landesregierung zu dieser Ziffer …</source>
        <translation>The government&apos;s answer to this point …</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="274"/>
        <source>Mit nächster Antwort zusammenfassen</source>
        <translation>Combine with next answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="275"/>
        <source>Antwort mit der nächsten zusammenfassen</source>
        <translation>Combine answer with the next one</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="277"/>
        <location filename="../../gui/inquiry_view.py" line="1023"/>
        <source>Antwort aufteilen</source>
        <translation>Split answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="278"/>
        <source>Zusammengefasste Antwort aufteilen</source>
        <translation>Split a combined answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="287"/>
        <source>Zulieferndes Referat für diese Ziffer</source>
        <translation>Unit contributing to this point</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="289"/>
        <source>bis TT.MM.JJJJ</source>
        <translation>by DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="290"/>
        <source>Frist der Zulieferung</source>
        <translation>Deadline of the contribution</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="291"/>
        <source>Zulieferung eintragen</source>
        <translation>Enter contribution</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="292"/>
        <source>Zulieferung für diese Ziffer eintragen</source>
        <translation>Enter a contribution for this point</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="294"/>
        <source>Zulieferung eingegangen</source>
        <translation>Contribution received</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="295"/>
        <source>Zulieferung als eingegangen markieren</source>
        <translation>Mark the contribution as received</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="299"/>
        <source>Zulieferung:</source>
        <translation>Contribution:</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="325"/>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="331"/>
        <source>Interne Fristen</source>
        <translation>Internal deadlines</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="333"/>
        <source>neue Frist TT.MM.JJJJ</source>
        <translation>new deadline DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="334"/>
        <source>Beantragte neue Frist</source>
        <translation>Requested new deadline</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="337"/>
        <source>Begründung der Fristverlängerung</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="338"/>
        <source>Beantragen</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="339"/>
        <source>Fristverlängerung beantragen</source>
        <translation>Request an extension</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="341"/>
        <source>Gewährt</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="342"/>
        <source>Fristverlängerung wurde gewährt</source>
        <translation>The extension was granted</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="349"/>
        <location filename="../../gui/inquiry_view.py" line="1185"/>
        <source>Fristverlängerung</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="353"/>
        <source>Angaben</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="359"/>
        <source>Verweise und Rückverweise</source>
        <translation>Citations and backlinks</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="366"/>
        <source>Ähnliche frühere Antworten</source>
        <translation>Similar earlier answers</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="370"/>
        <source>Text der ähnlichen Antwort</source>
        <translation>Text of the similar answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="371"/>
        <source>Als Ausgangspunkt einfügen</source>
        <translation>Insert as starting point</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="372"/>
        <source>Ähnliche Antwort in den Entwurf einfügen</source>
        <translation>Insert the similar answer into the draft</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="382"/>
        <source>Verknüpftes Hintergrundmaterial</source>
        <translation>Linked background material</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="385"/>
        <source>Text des Materials</source>
        <translation>Text of the material</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="393"/>
        <source>Verlauf der Anfrage</source>
        <translation>History of the inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="397"/>
        <source>Änderung im Text</source>
        <translation>Change in the text</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="404"/>
        <source>Verweise</source>
        <translation>Citations</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="405"/>
        <source>Ähnliche Antworten</source>
        <translation>Similar answers</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="406"/>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="407"/>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="427"/>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="429"/>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="446"/>
        <source>Neu laden</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="447"/>
        <source>Geänderte Anfrage neu laden</source>
        <translation>Reload the changed inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="462"/>
        <source>Hinweis zum Speichern</source>
        <translation>Note on saving</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="484"/>
        <source>Diese Anfrage wurde inzwischen von {who} geändert ({when}).</source>
        <translation>This inquiry was changed meanwhile by {who} ({when}).</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="540"/>
        <source>ohne Nummer</source>
        <translation>without number</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="541"/>
        <location filename="../../gui/inquiry_view.py" line="1106"/>
        <source>{kind} {number} — {title}</source>
        <translation>{kind} {number} — {title}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="542"/>
        <source> u. a.</source>
        <translation> et al.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="545"/>
        <source>von {by} · {ministry}</source>
        <translation>by {by} · {ministry}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="590"/>
        <location filename="../../gui/inquiry_view.py" line="1226"/>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="593"/>
        <source>→ {status}</source>
        <translation>→ {status}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="600"/>
        <source>Frist {due}: seit 1 Tag überschritten</source>
        <translation>Deadline {due}: passed 1 day ago</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="602"/>
        <source>Frist {due}: seit {n} Tagen überschritten</source>
        <translation>Deadline {due}: passed {n} days ago</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="604"/>
        <source>Frist {due}: heute</source>
        <translation>Deadline {due}: today</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="606"/>
        <source>Frist {due}: noch 1 Tag</source>
        <translation>Deadline {due}: 1 day left</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="608"/>
        <source>Frist {due}: noch {n} Tage</source>
        <translation>Deadline {due}: {n} days left</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="613"/>
        <source>Frist {due}</source>
        <translation>Deadline {due}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="616"/>
        <source>Keine Frist eingetragen</source>
        <translation>No deadline set</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="619"/>
        <source> · verlängert</source>
        <translation> · extended</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="621"/>
        <source> · Verlängerung beantragt</source>
        <translation> · extension requested</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="642"/>
        <source>Interne Frist: {step}</source>
        <translation>Internal deadline: {step}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="650"/>
        <source>— (erst mit einer Frist)</source>
        <translation>— (once there is a deadline)</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="696"/>
        <source>{heading} (Entwurf)</source>
        <translation>{heading} (draft)</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="738"/>
        <source>Entwurf beginnen</source>
        <translation>Begin draft</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="749"/>
        <source>Ungespeichert …</source>
        <translation>Unsaved …</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="797"/>
        <location filename="../../gui/inquiry_view.py" line="803"/>
        <source>Nicht gespeichert!</source>
        <translation>Not saved!</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="806"/>
        <source>Die Antwort konnte nicht gespeichert werden ({reason}); Ziffer versucht es gleich noch einmal.</source>
        <translation>The answer could not be saved ({reason}); Ziffer will try again shortly.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="820"/>
        <source>Gespeichert {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="834"/>
        <source>Nicht gespeichert – Server nicht erreichbar</source>
        <translation>Not saved – server unreachable</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="837"/>
        <source>Der Server des Team-Registers ist nicht erreichbar – Ihr Text bleibt hier und wird gespeichert, sobald er wieder erreichbar ist.</source>
        <translation>The team register&apos;s server cannot be reached – your text stays here and is saved as soon as the server is back.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="870"/>
        <source>Der Server des Team-Registers ist wieder erreichbar; Ihr Text ist gespeichert.</source>
        <translation>The team register&apos;s server is back; your text is saved.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="908"/>
        <location filename="../../gui/inquiry_view.py" line="927"/>
        <source>Nicht gespeichert: gleichzeitige Änderung</source>
        <translation>Not saved: simultaneous change</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="909"/>
        <source>Die Antwort {heading}</source>
        <translation>The answer {heading}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="940"/>
        <source>Die gespeicherte Fassung wurde übernommen.</source>
        <translation>The stored version was taken.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="942"/>
        <source>Ihre Fassung wurde gespeichert.</source>
        <translation>Your version was saved.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="968"/>
        <source>Die Gliederung der Antwort wurde inzwischen von {who} geändert; sie gilt nun auch hier.</source>
        <translation>The answer&apos;s division was changed meanwhile by {who}; it now applies here too.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="969"/>
        <source>jemand anderem</source>
        <translation>someone else</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="991"/>
        <source>Antworten zusammenfassen</source>
        <translation>Combine answers</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1039"/>
        <source>Die Gliederung der Antwort wurde nicht gespeichert: {reason}</source>
        <translation>The division of the answer was not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1071"/>
        <location filename="../../gui/inquiry_view.py" line="1163"/>
        <source>„{text}“ ist kein Datum; bitte als TT.MM.JJJJ eingeben.</source>
        <translation>“{text}” is not a date; please enter it as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1099"/>
        <source>Die Angabe wurde nicht gespeichert: {reason}</source>
        <translation>The detail was not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1136"/>
        <source>Die Angabe „{label}“</source>
        <translation>The entry “{label}”</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1179"/>
        <source>Bitte die beantragte neue Frist als TT.MM.JJJJ angeben.</source>
        <translation>Please give the requested new deadline as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1187"/>
        <source>Fristverlängerung bis {day} beantragt.</source>
        <translation>Extension until {day} requested.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1199"/>
        <source>Fristverlängerung bis {day} gewährt.</source>
        <translation>Extension until {day} granted.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1217"/>
        <location filename="../../gui/inquiry_view.py" line="1221"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1221"/>
        <source>Der Status wurde nicht geändert: {reason}</source>
        <translation>The status was not changed: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1239"/>
        <source>eingegangen am {day}</source>
        <translation>received on {day}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1241"/>
        <source>angefordert</source>
        <translation>requested</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1244"/>
        <source> — nach der Frist der Antwort!</source>
        <translation> — after the answer&apos;s deadline!</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1257"/>
        <source>Bitte ein Referat und, wenn gewünscht, ein Datum TT.MM.JJJJ angeben.</source>
        <translation>Please give a unit and, if wanted, a date DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1263"/>
        <source>Zulieferung nach der Frist</source>
        <translation>Contribution after the deadline</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1264"/>
        <source>{warning}

Die Zulieferung trotzdem mit diesem Datum eintragen?</source>
        <translation>{warning}

Enter the contribution with this date anyway?</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1269"/>
        <source>Zulieferung nicht eingetragen.</source>
        <translation>Contribution not entered.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1282"/>
        <source>Zulieferung zu Ziffer {label} bei {unit} eingetragen.</source>
        <translation>Contribution to point {label} entered for {unit}.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1321"/>
        <source>→ Drucksache {number} ({where}) — {title}</source>
        <translation>→ Print {number} ({where}) — {title}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1325"/>
        <source>→ Drucksache {number} ({where}) — nicht im Register</source>
        <translation>→ Print {number} ({where}) — not in the register</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1335"/>
        <source>← Drucksache {number} verweist hierauf ({where}) — {title}</source>
        <translation>← Print {number} cites this ({where}) — {title}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1342"/>
        <source>Keine Verweise auf andere Drucksachen.</source>
        <translation>No citations of other prints.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1370"/>
        <source>Drucksache {number} ist nicht im Register; importieren Sie sie, um dem Verweis zu folgen.</source>
        <translation>Print {number} is not in the register; import it to follow the citation.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1392"/>
        <source>Drucksache {number}, Ziffer {label} {day}
{question}</source>
        <translation>Print {number}, point {label} {day}
{question}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1403"/>
        <source>Material: {title}
{text}</source>
        <translation>Material: {title}
{text}</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1408"/>
        <source>Keine ähnlichen beantworteten Ziffern gefunden.</source>
        <translation>No similar answered points found.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1457"/>
        <source>Kein Material verknüpft (in der Bibliothek verknüpfen).</source>
        <translation>No material linked (link it in the library).</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../gui/library_view.py" line="48"/>
        <source>Im Material suchen …</source>
        <translation>Search the material …</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="49"/>
        <source>Suche in der Bibliothek</source>
        <translation>Search the library</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="55"/>
        <source>Material der Bibliothek</source>
        <translation>Material in the library</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="61"/>
        <source>Material importieren …</source>
        <translation>Import material …</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="62"/>
        <source>Material aus Dateien importieren</source>
        <translation>Import material from files</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="73"/>
        <source>Text des Materials</source>
        <translation>Text of the material</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="75"/>
        <source>Verknüpfte Anfragen</source>
        <translation>Linked inquiries</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="79"/>
        <source>Mit Anfrage verknüpfen …</source>
        <translation>Link to inquiry …</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="80"/>
        <source>Material mit einer Anfrage verknüpfen</source>
        <translation>Link material to an inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="82"/>
        <source>Verknüpfung lösen</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="83"/>
        <source>Verknüpfung mit der gewählten Anfrage lösen</source>
        <translation>Unlink the chosen inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="93"/>
        <source>Verknüpft mit</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="139"/>
        <source>{n} Treffer in der Bibliothek</source>
        <translation>{n} hits in the library</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="139"/>
        <source>1 Treffer in der Bibliothek</source>
        <translation>1 hit in the library</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="161"/>
        <source>verknüpft mit {n} Anfragen</source>
        <translation>linked to {n} inquiries</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="161"/>
        <source>verknüpft mit 1 Anfrage</source>
        <translation>linked to 1 inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="225"/>
        <source>Mit Anfrage verknüpfen</source>
        <translation>Link to inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="225"/>
        <source>Nummer der Drucksache (z. B. 17/9321):</source>
        <translation>Number of the print (e.g. 17/9321):</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="237"/>
        <source>Verknüpfen</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="238"/>
        <source>Die Drucksache {number} ist nicht im Register.</source>
        <translation>Print {number} is not in the register.</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="243"/>
        <source>Material mit Drucksache {number} verknüpft.</source>
        <translation>Material linked to print {number}.</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="265"/>
        <source>Material importieren</source>
        <translation>Import material</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="265"/>
        <source>Dokumente (*.pdf *.docx *.txt);;Alle Dateien (*)</source>
        <translation>Documents (*.pdf *.docx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="280"/>
        <source>1 Dokument in die Bibliothek übernommen</source>
        <translation>1 document added to the library</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="282"/>
        <source>{n} Dokumente in die Bibliothek übernommen</source>
        <translation>{n} documents added to the library</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="286"/>
        <source>, {n} Fehler: {reasons}</source>
        <translation>, {n} failed: {reasons}</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="286"/>
        <source>, 1 Fehler: {reasons}</source>
        <translation>, 1 failed: {reasons}</translation>
    </message>
    <message>
        <location filename="../../gui/library_view.py" line="292"/>
        <source>Der Import ist abgebrochen: {reason}</source>
        <translation>The import stopped: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="146"/>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="148"/>
        <source>&amp;Neue Anfrage …</source>
        <translation>&amp;New inquiry …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151"/>
        <source>&amp;Importieren …</source>
        <translation>&amp;Import …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="155"/>
        <source>&amp;Exportieren …</source>
        <translation>&amp;Export …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>Register ö&amp;ffnen …</source>
        <translation>&amp;Open register …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="159"/>
        <source>&amp;Team-Register öffnen …</source>
        <translation>Open &amp;team register …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="161"/>
        <source>&amp;Demo-Register öffnen</source>
        <translation>&amp;Open demo register</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="163"/>
        <source>&amp;Einstellungen …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="165"/>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177"/>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178"/>
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="180"/>
        <source>&amp;Wiederholen</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="185"/>
        <source>&amp;Suchen</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193"/>
        <source>&amp;Fristen</source>
        <translation>&amp;Deadlines</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="196"/>
        <source>&amp;Bibliothek</source>
        <translation>&amp;Library</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>Ü&amp;berfällige Anfragen</source>
        <translation>O&amp;verdue inquiries</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202"/>
        <source>Anfrage s&amp;chließen</source>
        <translation>&amp;Close inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="215"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="216"/>
        <source>Ü&amp;ber Ziffer</source>
        <translation>&amp;About Ziffer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="221"/>
        <source>Ziffer — {name}</source>
        <translation>Ziffer — {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="226"/>
        <location filename="../../gui/main_window.py" line="610"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="227"/>
        <source>Fristen</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="228"/>
        <source>Bibliothek</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="244"/>
        <location filename="../../gui/main_window.py" line="501"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="347"/>
        <source>Diese Drucksache ist nicht (mehr) im Register.</source>
        <translation>This print is not (or no longer) in the register.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="359"/>
        <location filename="../../gui/main_window.py" line="410"/>
        <source>ohne Nummer</source>
        <translation>without number</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="382"/>
        <location filename="../../gui/main_window.py" line="792"/>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="383"/>
        <source>Die Antwort konnte nicht gespeichert werden. Die Anfrage trotzdem schließen?</source>
        <translation>The answer could not be saved. Close the inquiry anyway?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="443"/>
        <source>Alles gespeichert.</source>
        <translation>Everything saved.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="443"/>
        <source>Nicht alles konnte gespeichert werden.</source>
        <translation>Not everything could be saved.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="459"/>
        <source>Kein Text eingefügt – keine Anfrage angelegt.</source>
        <translation>No text pasted – no inquiry created.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="481"/>
        <source>Drucksachen importieren</source>
        <translation>Import prints</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="483"/>
        <source>Drucksachen (*.pdf *.docx *.txt);;Alle Dateien (*)</source>
        <translation>Prints (*.pdf *.docx *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="493"/>
        <source>Import läuft …</source>
        <translation>Import running …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="519"/>
        <source>Posteingangsordner wählen</source>
        <translation>Choose the inbox folder</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="535"/>
        <source>Der Ordner {folder} kann nicht beobachtet werden: {reason}</source>
        <translation>The folder {folder} cannot be watched: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="540"/>
        <source>Posteingang {folder} wird beobachtet.</source>
        <translation>Watching the inbox {folder}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="557"/>
        <source>Bitte zuerst eine Anfrage auswählen.</source>
        <translation>Please select an inquiry first.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="569"/>
        <source>Exportiert: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="586"/>
        <source>Sicherung angelegt: {name}</source>
        <translation>Backup made: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="588"/>
        <source>Die Sicherung ist fehlgeschlagen: {reason}</source>
        <translation>The backup failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="611"/>
        <source>Das Register kann nicht geöffnet werden: {reason}</source>
        <translation>The register cannot be opened: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="632"/>
        <source>{reason} Geöffnet ist nun das eigene Register {path}.</source>
        <translation>{reason} Your own register {path} is open now.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="643"/>
        <source>Register öffnen oder anlegen</source>
        <translation>Open or create a register</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="645"/>
        <source>Ziffer-Register (*.db);;Alle Dateien (*)</source>
        <translation>Ziffer register (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="658"/>
        <source>Team-Register öffnen</source>
        <translation>Open team register</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="660"/>
        <source>Adresse des Team-Registers (postgresql://benutzer@server/datenbank); das Passwort kommt aus ~/.pgpass oder der Anmeldung am Rechner:</source>
        <translation>Address of the team register (postgresql://user@server/database); the password comes from ~/.pgpass or your sign-in to the computer:</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="674"/>
        <source>Bitte eine Adresse der Form postgresql://benutzer@server/datenbank angeben.</source>
        <translation>Please enter an address of the form postgresql://user@server/database.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="676"/>
        <source>Verbindung zu {address} wird aufgebaut …</source>
        <translation>Connecting to {address} …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="681"/>
        <source>Team-Register geöffnet: {address}</source>
        <translation>Team register opened: {address}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="686"/>
        <source>Team-Register</source>
        <translation>Team register</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="687"/>
        <source>Das Team-Register kann nicht geöffnet werden: {reason}</source>
        <translation>The team register cannot be opened: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="702"/>
        <source>Demo-Register geöffnet: {path}</source>
        <translation>Demo register opened: {path}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="716"/>
        <source>Sicherung wiederhergestellt; der vorige Stand liegt in {name}.</source>
        <translation>Backup restored; the previous state is in {name}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="737"/>
        <source>Posteingang wird nicht beobachtet.</source>
        <translation>The inbox is not watched.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="741"/>
        <source>&lt;p&gt;Team-Register: {address}&lt;/p&gt;&lt;p&gt;Die Daten liegen auf dem Server des Team-Registers.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Team register: {address}&lt;/p&gt;&lt;p&gt;The data lives on the team register&apos;s server.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="743"/>
        <source>&lt;p&gt;Register: {address}&lt;/p&gt;&lt;p&gt;Läuft ohne Netz; alle Daten bleiben auf diesem Rechner.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Register: {address}&lt;/p&gt;&lt;p&gt;Works offline; all data stays on this computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="746"/>
        <source>Über Ziffer</source>
        <translation>About Ziffer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="748"/>
        <source>&lt;h3&gt;Ziffer {version}&lt;/h3&gt;&lt;p&gt;Anträge und Anfragen des Landtags Ziffer für Ziffer beantworten, Fristen im Blick behalten und die Stellungnahme als DOCX und PDF erzeugen.&lt;/p&gt;{where}</source>
        <translation>&lt;h3&gt;Ziffer {version}&lt;/h3&gt;&lt;p&gt;Answer the parliament&apos;s motions and questions point by point, keep every deadline in view and produce the Stellungnahme as DOCX and PDF.&lt;/p&gt;{where}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="774"/>
        <source>Import läuft</source>
        <translation>Import running</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="775"/>
        <source>Ein Import läuft. Abbrechen? Der laufende Stapel wird noch fertig importiert.</source>
        <translation>An import is running. Stop it? The current batch will still be imported completely.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="793"/>
        <source>Nicht alle Antworten konnten gespeichert werden. Ziffer trotzdem beenden?</source>
        <translation>Not all answers could be saved. Quit Ziffer anyway?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="800"/>
        <source>Der Import wird nach dem laufenden Stapel beendet …</source>
        <translation>The import stops after the current batch …</translation>
    </message>
</context>
<context>
    <name>NewInquiryDialog</name>
    <message>
        <location filename="../../gui/new_inquiry_dialog.py" line="23"/>
        <source>Neue Anfrage</source>
        <translation>New inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/new_inquiry_dialog.py" line="25"/>
        <source>Text der Anfrage</source>
        <translation>Text of the inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/new_inquiry_dialog.py" line="27"/>
        <source>Den vollständigen Text der Drucksache hier einfügen (Kopf mit Nummer, Titel, Ziffern) …</source>
        <translation>Paste the complete text of the print here (header with number, title, points) …</translation>
    </message>
    <message>
        <location filename="../../gui/new_inquiry_dialog.py" line="30"/>
        <source>Name der Anfrage</source>
        <translation>Name of the inquiry</translation>
    </message>
    <message>
        <location filename="../../gui/new_inquiry_dialog.py" line="31"/>
        <source>z. B. Kleine Anfrage Radwege</source>
        <translation>e.g. Kleine Anfrage cycle paths</translation>
    </message>
    <message>
        <location filename="../../gui/new_inquiry_dialog.py" line="36"/>
        <source>Bezeichnung</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../gui/pdf_preview.py" line="57"/>
        <source>Vorschau der Seiten</source>
        <translation>Preview of the pages</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="64"/>
        <source>Verkleinern</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="67"/>
        <source>Vergrößern</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="101"/>
        <source>Die Vorschau kann nicht angezeigt werden: {reason}</source>
        <translation>The preview cannot be shown: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="108"/>
        <source>Seite</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="111"/>
        <source> (die ersten {n} gezeigt)</source>
        <translation> (first {n} shown)</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="112"/>
        <source>{n} Seiten</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="112"/>
        <source>1 Seite</source>
        <translation>1 page</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <location filename="../../gui/register_model.py" line="36"/>
        <source>Drucksache</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="37"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="38"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="39"/>
        <source>Einbringer</source>
        <translation>Originators</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="40"/>
        <source>Ministerium</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="42"/>
        <source>Bearbeiter/in</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="43"/>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../gui/register_model.py" line="44"/>
        <source>Tage</source>
        <translation>Days</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../gui/register_view.py" line="117"/>
        <source>Suchen: Wörter, „Förder*“ oder eine Drucksache wie 17/9321 …</source>
        <translation>Search: words, “Förder*” or a print such as 17/9321 …</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="118"/>
        <source>Suche im Register</source>
        <translation>Search the register</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="124"/>
        <source>Parlament</source>
        <translation>Parliament</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="125"/>
        <source>Wahlperiode</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="126"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="129"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="130"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="131"/>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="134"/>
        <source>Referat</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="135"/>
        <source>Bearbeiter/in</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="137"/>
        <source>Frist ab TT.MM.JJJJ</source>
        <translation>Due from DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="138"/>
        <source>Frist ab</source>
        <translation>Due from</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="140"/>
        <source>Frist bis TT.MM.JJJJ</source>
        <translation>Due until DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="141"/>
        <source>Frist bis</source>
        <translation>Due until</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="145"/>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="146"/>
        <source>Alle Filter zurücksetzen</source>
        <translation>Reset all filters</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="159"/>
        <source>Register der Anfragen</source>
        <translation>Register of inquiries</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="185"/>
        <source>&lt;h2&gt;Willkommen bei Ziffer&lt;/h2&gt;&lt;p&gt;Das Register ist noch leer. Ziehen Sie Drucksachen (PDF, Word, Text) in dieses Fenster oder wählen Sie:&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome to Ziffer&lt;/h2&gt;&lt;p&gt;The register is still empty. Drag prints (PDF, Word, text) into this window or choose:&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="192"/>
        <source>Dateien importieren …</source>
        <translation>Import files …</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="193"/>
        <source>Drucksachen aus Dateien importieren</source>
        <translation>Import prints from files</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="195"/>
        <source>Einen Ordner beobachten …</source>
        <translation>Watch a folder …</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="196"/>
        <source>Posteingangsordner beobachten</source>
        <translation>Watch the inbox folder</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="198"/>
        <source>Demo-Register öffnen</source>
        <translation>Open demo register</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="199"/>
        <source>Demo-Register mit Beispieldrucksachen öffnen</source>
        <translation>Open the demo register with sample prints</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="207"/>
        <source>Fortschritt des Imports ins leere Register</source>
        <translation>Progress of the import into the empty register</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="238"/>
        <source>{name}: alle</source>
        <translation>{name}: all</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="288"/>
        <source>&lt;h2&gt;Drucksachen werden importiert …&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Importing prints …&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="301"/>
        <source>&lt;h2&gt;Drucksachen werden importiert …&lt;/h2&gt;&lt;p&gt;{done} von {total}: {name}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Importing prints …&lt;/h2&gt;&lt;p&gt;{done} of {total}: {name}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="345"/>
        <source>„{text}“ ist kein Datum; bitte als TT.MM.JJJJ eingeben.</source>
        <translation>“{text}” is not a date; please enter it as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="435"/>
        <source>{n} Treffer</source>
        <translation>{n} hits</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="435"/>
        <source>1 Treffer</source>
        <translation>1 hit</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="438"/>
        <source>{n} von {total} Drucksachen</source>
        <translation>{n} of {total} prints</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="438"/>
        <source>{n} von 1 Drucksache</source>
        <translation>{n} of 1 print</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="441"/>
        <source>{n} Drucksachen im Register</source>
        <translation>{n} prints in the register</translation>
    </message>
    <message>
        <location filename="../../gui/register_view.py" line="441"/>
        <source>1 Drucksache im Register</source>
        <translation>1 print in the register</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../gui/restore_dialog.py" line="20"/>
        <source>Register beschädigt</source>
        <translation>Register damaged</translation>
    </message>
    <message>
        <location filename="../../gui/restore_dialog.py" line="23"/>
        <source>Das Register {path} ist beschädigt und wird nicht geöffnet. Ziffer kann die neueste unbeschädigte Sicherung vom {date} zurückspielen; die beschädigte Datei bleibt daneben erhalten, mit „beschädigt“ und der Uhrzeit im Namen.</source>
        <translation>The register {path} is damaged and will not be opened. Ziffer can restore the newest intact backup of {date}; the damaged file is kept beside it, with “beschädigt” and the time in its name.</translation>
    </message>
    <message>
        <location filename="../../gui/restore_dialog.py" line="29"/>
        <source>Das Register {path} ist beschädigt und wird nicht geöffnet, und in {folder} liegt keine unbeschädigte Sicherung; bitte wenden Sie sich an die IT.</source>
        <translation>The register {path} is damaged and will not be opened, and there is no intact backup in {folder}; please contact your IT support.</translation>
    </message>
    <message>
        <location filename="../../gui/restore_dialog.py" line="34"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../gui/restore_dialog.py" line="39"/>
        <source>Sicherung zurückspielen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../gui/restore_dialog.py" line="41"/>
        <source>Neueste unbeschädigte Sicherung zurückspielen</source>
        <translation>Restore the newest intact backup</translation>
    </message>
    <message>
        <location filename="../../gui/restore_dialog.py" line="43"/>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/restore_dialog.py" line="44"/>
        <source>Ziffer beenden</source>
        <translation>Quit Ziffer</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/settings_dialog.py" line="55"/>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="60"/>
        <source>Posteingangsordner</source>
        <translation>Inbox folder</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="61"/>
        <source>Ordner wählen …</source>
        <translation>Choose folder …</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="62"/>
        <location filename="../../gui/settings_dialog.py" line="208"/>
        <source>Posteingangsordner wählen</source>
        <translation>Choose the inbox folder</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="64"/>
        <source>Ordner beobachten</source>
        <translation>Watch folder</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="65"/>
        <source>Posteingangsordner beobachten</source>
        <translation>Watch the inbox folder</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="72"/>
        <source>Dateien (PDF, Word, Text), die in diesem Ordner ankommen, werden importiert und nach „archiv“ verschoben; Dateien, die nicht gelesen werden können, kommen mit einer Begründung nach „fehler“.</source>
        <translation>Files (PDF, Word, text) arriving in this folder are imported and moved to “archiv”; files that cannot be read go to “fehler” with the reason.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="80"/>
        <source>Ordner</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="83"/>
        <source>Posteingang</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="92"/>
        <source>Team-Register</source>
        <translation>Team register</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="118"/>
        <source>Sicherungen des Registers</source>
        <translation>Backups of the register</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="122"/>
        <source>Anzahl der aufbewahrten Sicherungen</source>
        <translation>Number of backups kept</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="123"/>
        <source>Jetzt sichern</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="124"/>
        <source>Register jetzt sichern</source>
        <translation>Back up the register now</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="126"/>
        <source>Wiederherstellen …</source>
        <translation>Restore …</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="127"/>
        <source>Gewählte Sicherung wiederherstellen</source>
        <translation>Restore the chosen backup</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="130"/>
        <source>Aufbewahren:</source>
        <translation>Keep:</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="138"/>
        <source>Bei jedem Start wird das Register gesichert (in {folder}).</source>
        <translation>The register is backed up at every start (in {folder}).</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="89"/>
        <location filename="../../gui/settings_dialog.py" line="91"/>
        <source>Sicherungen</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="96"/>
        <source>Sprache der Oberfläche</source>
        <translation>Language of the interface</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="101"/>
        <location filename="../../gui/settings_dialog.py" line="103"/>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="102"/>
        <source>Wirksam nach einem Neustart.</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="154"/>
        <source>&lt;p&gt;Das Team-Register sichert der Server, nicht Ziffer – zum Beispiel jede Nacht mit&lt;/p&gt;&lt;pre&gt;{command}&lt;/pre&gt;&lt;p&gt;Zurückgespielt wird eine Sicherung von der Verwaltung des Servers (pg_restore).&lt;/p&gt;</source>
        <translation>&lt;p&gt;The team register is backed up by its server, not by Ziffer – for instance every night with&lt;/p&gt;&lt;pre&gt;{command}&lt;/pre&gt;&lt;p&gt;A backup is restored by the server&apos;s administrators (pg_restore).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="174"/>
        <source>Adresse des Team-Registers</source>
        <translation>Address of the team register</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="175"/>
        <source>Verbindung testen</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="176"/>
        <source>Verbindung zum Team-Register testen</source>
        <translation>Test the connection to the team register</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="178"/>
        <source>Im Fenster öffnen</source>
        <translation>Open in the window</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="179"/>
        <source>Team-Register im Fenster öffnen</source>
        <translation>Open the team register in the window</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="186"/>
        <source>Ein Register für alle auf einem PostgreSQL-Server. Das Passwort gehört nicht in die Adresse: Ziffer meldet sich an wie psql, mit dem Passwort aus ~/.pgpass (unter Windows %APPDATA%\postgresql\pgpass.conf) oder mit der Anmeldung am Rechner (Single Sign-on).</source>
        <translation>One register for everyone on a PostgreSQL server. The password does not belong in the address: Ziffer signs in like psql, with the password from ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf) or with your sign-in to the computer (single sign-on).</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="198"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="218"/>
        <source> (Stand vor einer Wiederherstellung)</source>
        <translation> (state before a restore)</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="219"/>
        <source>{when} · {size} MB{kind}</source>
        <translation>{when} · {size} MB{kind}</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="226"/>
        <source>Noch keine Sicherung.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="238"/>
        <source>Sicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="239"/>
        <source>Die Sicherung ist fehlgeschlagen: {reason}</source>
        <translation>The backup failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="252"/>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="254"/>
        <source>Das Register auf den Stand dieser Sicherung zurücksetzen? Der jetzige Stand wird vorher als eigene Sicherung aufbewahrt.</source>
        <translation>Reset the register to the state of this backup? The current state is kept as a backup of its own first.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="288"/>
        <source>Bitte eine Adresse der Form postgresql://benutzer@server/datenbank angeben.</source>
        <translation>Please enter an address of the form postgresql://user@server/database.</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="297"/>
        <source>Verbindung wird geprüft …</source>
        <translation>Checking the connection …</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="302"/>
        <source>Verbindung in Ordnung: 1 Drucksache</source>
        <translation>Connection fine: 1 print</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="304"/>
        <source>Verbindung in Ordnung: {n} Drucksachen</source>
        <translation>Connection fine: {n} prints</translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="312"/>
        <source>Die Verbindung ist fehlgeschlagen: {reason}</source>
        <translation>The connection failed: {reason}</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1515"/>
        <source>Antwort aufteilen</source>
        <translation>Split answer</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1517"/>
        <source>Zu welcher Ziffer gehört jeder Absatz der Antwort?</source>
        <translation>Which point does each paragraph of the answer belong to?</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1527"/>
        <source>Zu {label}.</source>
        <translation>On {label}.</translation>
    </message>
    <message>
        <location filename="../../gui/inquiry_view.py" line="1529"/>
        <source>Ziffer für Absatz {n}</source>
        <translation>Point for paragraph {n}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../gui/app.py" line="91"/>
        <location filename="../../gui/app.py" line="110"/>
        <source>Das Register kann nicht geöffnet werden: {reason}</source>
        <translation>The register cannot be opened: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="116"/>
        <source>Sicherung vom {date} zurückgespielt; die beschädigte Datei liegt unter {aside}.</source>
        <translation>Backup of {date} restored; the damaged file is at {aside}.</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="136"/>
        <source>Das Register wird auf diese Version von Ziffer umgestellt. Das geschieht einmal und kann bei einem großen Register eine Minute dauern; vorher wird eine Kopie angelegt.</source>
        <translation>The register is being converted to this version of Ziffer. This happens once and can take a minute for a large register; a copy is made first.</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="195"/>
        <source>Ein unerwarteter Fehler ist aufgetreten ({error}). Ihre Texte sind gespeichert; Einzelheiten stehen in {log}.</source>
        <translation>An unexpected error occurred ({error}). Your texts are saved; details are in {log}.</translation>
    </message>
</context>
</TS>
