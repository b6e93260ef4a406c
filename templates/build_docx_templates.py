"""Build Ziffer's four Word templates: stellungnahme, antwort, zulieferung, fristverlaengerung.

The generated .docx files are committed; run this script by hand after changing it:

    .venv/bin/python templates/build_docx_templates.py              # rewrites templates/*.docx
    .venv/bin/python templates/build_docx_templates.py --out DIR    # writes them to DIR instead

A ministry restyles a copy of a template in Word (Format → Formatvorlagen) without touching code.
The templates use real Word styles; Word shows the built-in ones under their German names:

    Normal ("Standard")            Arial 11 pt, the base of every other style
    Title ("Titel")                the print's title
    Heading 2 ("Überschrift 2")    "Antrag", "Begründung", "Stellungnahme", "Antwort", "Betreff"
    Body Text ("Textkörper")       the Begründung and the answer's opening sentence, justified
    Signature ("Unterschrift")     the signatory's name and office
    Header/Footer ("Kopfzeile"/"Fußzeile")   running header with the print number, page number
    Punkt                          a numbered point of the motion or inquiry ("1. …", literal text)
    Frage                          a point quoted before its answer, italic, kept with the next paragraph
    Zu-Überschrift                 "Zu 1.:", "Zu 3. und 4.:", bold, kept with the answer below it
    Antwort                        a paragraph of an answer, justified
    Entwurf                        a red "ENTWURF" for a ministry's own templates (Ziffer's mark it in the page header)

Placeholders are docxtpl/Jinja tags on the context of core/drafts.py (templates/README.md lists
every key): `{{ print.title }}` inside a paragraph, and paragraph-level tags, each alone in its own
paragraph, that repeat or drop whole paragraphs:

    {%p for item in answer.items %} … {%p endfor %}
    {%p if answer.present %} … {%p else %} … {%p endif %}

Numbered points are written as literal text ("1. welche …"), not Word numbering, and every
"Zu N.:" heading is a paragraph of its own, so that Ziffer's parser reads an exported document back.
Templates are rendered in a Jinja sandbox (core/docx_render.py): no Python internals, no files.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
FONT = "Arial"  # in every Word; LibreOffice substitutes the metric-compatible Liberation Sans
RED = RGBColor(0xC0, 0x00, 0x00)
BLACK = RGBColor(0, 0, 0)
LEFT, RIGHT, TOP, BOTTOM = Cm(2.5), Cm(2.0), Cm(2.5), Cm(2.0)
TEXT_WIDTH = Cm(21.0) - LEFT - RIGHT

# --- styles ---------------------------------------------------------------------------------------------


def _reset(style) -> None:
    """Drop the default template's formatting (theme fonts, colours, borders) from a built-in style."""
    for tag in ("w:pPr", "w:rPr"):
        for el in style.element.findall(qn(tag)):
            style.element.remove(el)


def _font(style, size: float, *, bold: bool = False, italic: bool = False, color: RGBColor = BLACK) -> None:
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = color
    rfonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)


def _paragraph_style(doc: Document, name: str, *, base: str = "Normal", next_style: str | None = None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    _reset(style)
    if name != "Normal":
        style.base_style = styles[base]
    if next_style:
        style.next_paragraph_style = styles[next_style]
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    return style


def _spacing(style, before: float = 0, after: float = 6, *, line: float = 1.15) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    fmt.widow_control = True


def define_styles(doc: Document) -> None:
    """Every style the templates use, with fonts set explicitly (no theme fonts)."""
    styles = doc.styles
    # document defaults: Arial, German (spelling, hyphenation)
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(
        parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>')
    )
    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="22"/>'))
    rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="22"/>'))
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="de-DE" w:eastAsia="de-DE" w:bidi="ar-SA"/>'))

    normal = _paragraph_style(doc, "Normal")
    _font(normal, 11)
    _spacing(normal)

    title = _paragraph_style(doc, "Title", next_style="Normal")
    _font(title, 14, bold=True)
    _spacing(title, 12, 12, line=1.0)
    title.paragraph_format.keep_with_next = True

    h2 = _paragraph_style(doc, "Heading 2", next_style="Normal")
    _font(h2, 12, bold=True)
    _spacing(h2, 12, 3, line=1.0)
    h2.paragraph_format.keep_with_next = True
    h2.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    for char_style in ("Title Char", "Heading 2 Char"):  # Word's linked character styles follow the paragraph style
        cs = styles[char_style]
        _reset(cs)
        _font(cs, 14 if char_style == "Title Char" else 12, bold=True)

    body = _paragraph_style(doc, "Body Text", next_style="Body Text")
    _font(body, 11)
    _spacing(body)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    punkt = _paragraph_style(doc, "Punkt", next_style="Punkt")
    _font(punkt, 11)
    _spacing(punkt)
    punkt.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    antwort = _paragraph_style(doc, "Antwort", next_style="Antwort")
    _font(antwort, 11)
    _spacing(antwort)
    antwort.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    zu = _paragraph_style(doc, "Zu-Überschrift", next_style="Antwort")
    _font(zu, 11, bold=True)
    _spacing(zu, 3, 6)
    zu.paragraph_format.keep_with_next = True  # never a lone "Zu N.:" at a page bottom

    frage = _paragraph_style(doc, "Frage", next_style="Zu-Überschrift")
    _font(frage, 11, italic=True)
    _spacing(frage)
    frage.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    frage.paragraph_format.keep_with_next = True

    signature = _paragraph_style(doc, "Signature")  # Word: "Unterschrift"
    _font(signature, 11)
    _spacing(signature, 0, 6)
    signature.paragraph_format.keep_together = True
    signature.paragraph_format.keep_with_next = True

    entwurf = _paragraph_style(doc, "Entwurf")
    _font(entwurf, 14, bold=True, color=RED)
    _spacing(entwurf, 0, 12, line=1.0)
    entwurf.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for name in ("Header", "Footer"):
        style = _paragraph_style(doc, name)
        _font(style, 9)
        _spacing(style, 0, 0, line=1.0)
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        _reset(styles[f"{name} Char"])
        _font(styles[f"{name} Char"], 9)


# --- page, header, footer, settings --------------------------------------------------------------------


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word and LibreOffice fill in the page number."""
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>'))
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run("1")
    r = paragraph.add_run()._r
    r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def setup_page(doc: Document, left: str, right: str, first_line: tuple[str, str] | None) -> None:
    """A4, margins, the running header (left and right text), a second header line on page 1, page numbers."""
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1.0)
    section.different_first_page_header_footer = first_line is not None
    headers = [section.header] + ([section.first_page_header] if first_line else [])
    for header in headers:
        para = header.paragraphs[0]
        para.style = doc.styles["Header"]
        para.add_run(f"{left}\t{right}")
        if header is not section.header and first_line:
            header.add_paragraph(f"{first_line[0]}\t{first_line[1]}", style="Header")
        # the draft marking repeats on every page, page 1 included: the only one (not again in the text)
        header.add_paragraph("{%p if draft %}", style="Header")
        mark = header.add_paragraph("ENTWURF", style="Header")
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        mark.runs[0].bold = True
        mark.runs[0].font.color.rgb = RED
        header.add_paragraph("{%p endif %}", style="Header")
    footers = [section.footer] + ([section.first_page_footer] if first_line else [])
    for footer in footers:
        para = footer.paragraphs[0]
        para.style = doc.styles["Footer"]
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _page_field(para)

    settings = doc.settings.element
    tab = settings.find(qn("w:defaultTabStop"))
    tab.addnext(parse_xml(f'<w:hyphenationZone {nsdecls("w")} w:val="284"/>'))
    tab.addnext(parse_xml(f"<w:autoHyphenation {nsdecls('w')}/>"))  # German hyphenation in justified text
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "de-DE")
    for rsids in settings.findall(qn("w:rsids")):
        settings.remove(rsids)


def _new(subject: str) -> Document:
    doc = docx.Document()
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    define_styles(doc)
    props = doc.core_properties
    props.author = "Ziffer"
    props.last_modified_by = "Ziffer"
    props.title = ""  # set when rendering: "{kind_name} {number}: {title}"
    props.subject = subject  # rendered as a template (core/docx_render.py)
    props.comments = ""
    props.keywords = ""
    props.language = "de-DE"
    props.revision = 1
    props.created = props.modified = datetime(2025, 1, 1)  # fixed, so rebuilding changes nothing
    return doc


# --- the templates -------------------------------------------------------------------------------------


def _head_block(doc: Document) -> None:
    """ "Antrag / der Abg. … / und / Stellungnahme / des Ministeriums … / Titel", as on the print's page 1."""
    doc.add_paragraph("{{ print.kind_name }}", style="Heading 2")
    doc.add_paragraph("{{ print.originators_line }}")
    und = doc.add_paragraph("und")
    und.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{{ print.answer_name }}", style="Heading 2")
    doc.add_paragraph("{{ print.ministry_genitive }}")
    doc.add_paragraph("{{ print.title }}", style="Title")


def _inquiry(doc: Document, *, motion: bool) -> None:
    """The motion or inquiry: opener (a motion's on three lines, as printed), numbered points, date
    and signers (a motion's all of them, as the print lists them), Begründung."""
    doc.add_paragraph("{{ print.kind_name }}", style="Heading 2")
    doc.add_paragraph("{{ print.opener_lines|join('\\n') }}" if motion else "{{ print.opener }}")
    doc.add_paragraph("{%p for point in points %}")
    doc.add_paragraph("{{ point.heading_label }} {{ point.text }}", style="Punkt")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if print.date %}")
    doc.add_paragraph("{{ print.date }}")
    doc.add_paragraph("{%p endif %}")
    if motion:
        doc.add_paragraph("{%p if print.signers_line %}")
        doc.add_paragraph("{{ print.signers_line }}")
        doc.add_paragraph("{%p endif %}")
    else:
        doc.add_paragraph("{%p if print.originators %}")
        doc.add_paragraph(
            "{% for name in print.originators %}{{ name.split()[-1] }}{% if not loop.last %}, {% endif %}{% endfor %}"
            " {{ print.factions|join(' ') }}"
        )
        doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if print.reasoning %}")
    doc.add_paragraph("Begründung", style="Heading 2")
    doc.add_paragraph("{%p for para in print.reasoning %}")
    doc.add_paragraph("{{ para }}", style="Body Text")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")


def _answer(doc: Document, *, repeat_opener: bool) -> None:
    """The answer: opening sentence, per item the quoted question(s), "Zu N.:" and the paragraphs, signature."""
    doc.add_paragraph("{{ print.answer_name }}", style="Heading 2")
    doc.add_paragraph("{%p if answer.present %}")
    doc.add_paragraph("{{ answer.opening }}", style="Body Text")
    if repeat_opener:
        doc.add_paragraph("{{ print.opener_lines|join('\\n') }}")
    doc.add_paragraph("{%p for item in answer.items %}")
    doc.add_paragraph("{%p for question in item.questions %}")
    doc.add_paragraph("{{ question.heading_label }} {{ question.text }}", style="Frage")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ item.heading }}", style="Zu-Überschrift")
    doc.add_paragraph("{%p for para in item.paragraphs %}")
    doc.add_paragraph("{{ para }}", style="Antwort")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ answer.signatory }}", style="Signature")
    doc.add_paragraph("{{ answer.office }}", style="Signature")
    # no answer yet: a skeleton to write the answer into, point by point
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(
        "Mit Schreiben vom … Nr. … {% if print.kind == 'antrag' %}nimmt{% else %}beantwortet{% endif %} das "
        "{{ print.ministry or 'Ministerium …' }} {% if print.kind == 'antrag' %}zu dem Antrag wie folgt Stellung:"
        "{% else %}die {{ print.kind_name }} wie folgt:{% endif %}",
        style="Body Text",
    )
    if repeat_opener:
        doc.add_paragraph("{{ print.opener_lines|join('\\n') }}")
    doc.add_paragraph("{%p for point in points %}")
    doc.add_paragraph("{{ point.heading_label }} {{ point.text }}", style="Frage")
    doc.add_paragraph("Zu {{ point.heading_label }}:", style="Zu-Überschrift")
    doc.add_paragraph("…", style="Antwort")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ answer.signatory or '…' }}", style="Signature")
    doc.add_paragraph("{{ answer.office }}", style="Signature")
    doc.add_paragraph("{%p endif %}")


def _print_header(doc: Document) -> None:
    setup_page(
        doc,
        "{{ print.parliament_name }}",
        "{% if print.number %}Drucksache {{ print.number_spaced }}{% endif %}",
        ("{{ print.term }}{% if print.term %}. Wahlperiode{% endif %}", "{{ print.date }}"),
    )


def build_stellungnahme() -> Document:
    """Antrag und Stellungnahme in the layout of the published print."""
    doc = _new("{{ print.answer_name }} {{ print.ministry_genitive }}")
    _print_header(doc)
    _head_block(doc)
    _inquiry(doc, motion=True)
    _answer(doc, repeat_opener=True)
    return doc


def build_antwort() -> Document:
    """Kleine/Große Anfrage und Antwort: the same layout, the opener is not repeated before the answers."""
    doc = _new("{{ print.answer_name }} {{ print.ministry_genitive }}")
    _print_header(doc)
    _head_block(doc)
    _inquiry(doc, motion=False)
    _answer(doc, repeat_opener=False)
    return doc


def _contact(doc: Document) -> None:
    doc.add_paragraph("{%p if request.officer %}")
    doc.add_paragraph(
        "{{ request.officer }}{% if request.phone %}, Tel. {{ request.phone }}{% endif %}"
        "{% if request.email %}, {{ request.email }}{% endif %}"
    )
    doc.add_paragraph("{%p endif %}")


def build_zulieferung() -> Document:
    """The request to a contributing unit: the points it is asked to answer, the internal deadline, the contact."""
    doc = _new("Bitte um Zulieferung zu Drucksache {{ print.number }}")
    setup_page(
        doc, "{{ print.ministry }}", "{% if print.number %}Drucksache {{ print.number_spaced }}{% endif %}", None
    )
    doc.add_paragraph("Bitte um Zulieferung", style="Title")
    doc.add_paragraph("An: {{ request.unit }}")
    doc.add_paragraph("Von: {{ request.officer }}")
    doc.add_paragraph("Datum: {{ today }}")
    doc.add_paragraph("Betreff", style="Heading 2")
    doc.add_paragraph(
        "{{ print.kind_name }} {{ print.originators_line }} – „{{ print.title }}“ – Drucksache {{ print.number }}"
    )
    doc.add_paragraph(
        "für die {{ print.answer_name }} {{ print.ministry_genitive }} bitte ich um Ihren Beitrag zu "
        "{% if request.points|length == 1 %}dem folgenden Punkt{% else %}den folgenden Punkten{% endif %} bis "
        "spätestens {{ request.due_long }}:",
        style="Body Text",
    )
    doc.add_paragraph("{%p for point in request.points %}")
    doc.add_paragraph("{{ point.heading_label }} {{ point.text }}", style="Frage")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph(
        "Bitte schreiben Sie die Antwort je Punkt unter einer eigenen Zeile „Zu N.:“ und senden Sie sie "
        "elektronisch zurück. Wenn Ihr Beitrag andere Referate oder Ressorts berührt, beteiligen Sie diese bitte.",
        style="Body Text",
    )
    doc.add_paragraph("Für Rückfragen stehe ich gern zur Verfügung.", style="Body Text")
    doc.add_paragraph("{{ request.officer }}", style="Signature")
    doc.add_paragraph(
        "{% if request.phone %}Tel. {{ request.phone }}{% endif %}"
        "{% if request.phone and request.email %} · {% endif %}{{ request.email }}",
        style="Signature",
    )
    return doc


def build_fristverlaengerung() -> Document:
    """The letter to the Landtag asking for more time: print, original and requested date, reason."""
    doc = _new("Bitte um Fristverlängerung zu Drucksache {{ print.number }}")
    setup_page(doc, "{{ print.ministry }}", "{{ today }}", None)
    doc.add_paragraph("{{ print.parliament_name }}")
    doc.add_paragraph("{%p if answer.file_number %}")
    doc.add_paragraph("Az.: {{ answer.file_number }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Bitte um Fristverlängerung", style="Title")
    doc.add_paragraph(
        "{{ print.kind_name }} {{ print.originators_line }} – „{{ print.title }}“ – Drucksache {{ print.number }}",
        style="Heading 2",
    )
    doc.add_paragraph("Sehr geehrte Damen und Herren,").paragraph_format.space_before = Pt(12)
    doc.add_paragraph(
        "die {{ print.answer_name }} zur Drucksache {{ print.number }} ist bis zum {{ request.original_due_long }} "
        "fällig. {{ request.reason }}",
        style="Body Text",
    )
    doc.add_paragraph(
        "Ich bitte daher, die Frist bis zum {{ request.requested_due_long }} zu verlängern.", style="Body Text"
    )
    doc.add_paragraph("Mit freundlichen Grüßen")
    name = doc.add_paragraph("{{ answer.signatory or request.officer }}", style="Signature")
    name.paragraph_format.space_before = Pt(30)  # room to sign
    doc.add_paragraph("{{ answer.office }}", style="Signature")
    doc.add_paragraph("{%p if request.officer %}")
    doc.add_paragraph("Ansprechpartner/in:").paragraph_format.space_before = Pt(18)
    doc.add_paragraph("{%p endif %}")
    _contact(doc)
    return doc


BUILDERS: dict[str, Callable[[], Document]] = {
    "stellungnahme": build_stellungnahme,
    "antwort": build_antwort,
    "zulieferung": build_zulieferung,
    "fristverlaengerung": build_fristverlaengerung,
}


def build_all(out: Path = HERE) -> list[Path]:
    """Write every template to OUT and return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        path = out / f"{name}.docx"
        build().save(str(path))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the .docx files (default: templates/)")
    args = parser.parse_args(argv)
    for path in build_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
