"""Layout on a real window: columns that fit at 1600 px, counts in the right number, the status
button's arrow clear of its text, search hits aligned like other cells, an import into an empty register."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import FIXTURES, ROOT

from core.services import import_files
from core.short_names import short_ministry, short_originators, surname
from storage.register import Register

DEMO = ROOT / "resources" / "demo"
TODAY = date(2025, 11, 20)


def _window(qtbot, register: Register, width: int = 1600, height: int = 1000):  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    window = MainWindow(register, today=TODAY, start_services=False)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def _ink(image, rect, threshold: int = 110):  # type: ignore[no-untyped-def]
    """The bounding box (left, top, right, bottom) of the dark pixels (text) of an image inside `rect`."""
    xs, ys = [], []
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            colour = image.pixelColor(x, y)
            if max(colour.red(), colour.green(), colour.blue()) < threshold:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _differing(first, second):  # type: ignore[no-untyped-def]
    """The bounding box (left, top, right, bottom) of the pixels in which two same-sized images differ."""
    xs, ys = [], []
    for y in range(first.height()):
        for x in range(first.width()):
            if first.pixel(x, y) != second.pixel(x, y):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def test_short_ministry_names() -> None:
    """Baden-Württemberg's ministries by their usual abbreviation, others by the initials of their words."""
    assert short_ministry("Ministerium für Umwelt, Klima und Energiewirtschaft") == "UM"
    assert short_ministry("Ministerium für Wirtschaft, Arbeit und Tourismus") == "WM"
    assert short_ministry("Ministerium der Justiz und für Migration") == "JuM"
    assert short_ministry("Ministerium für Ernährung, Ländlichen Raum und Verbraucherschutz") == "MLR"
    assert short_ministry("Staatsministerium Baden-Württemberg") == "StM"
    assert short_ministry("Ministerium für Digitales und Verkehr") == "MDV"
    assert short_ministry("Bundesministerium für Digitales und Verkehr") == "BMDV"
    assert short_ministry("Kultusministerium") == "KM"
    assert short_ministry("Senat") == "Senat"
    assert short_ministry(None) == ""
    assert surname("Dr. Timo Brandhuber") == "Brandhuber" and surname("Sabine von der Heyden") == "von der Heyden"
    assert short_originators(["Alexander Salomon", "Nese Erikli"], ["GRÜNE"]) == "Salomon u. a. (GRÜNE)"


def test_einbringer_and_ministerium_fit_at_1600_px(qtbot, tmp_path: Path) -> None:
    """At 1600 px no text of the Einbringer and Ministerium columns is elided (demo and fixture prints);
    the tooltips hold every originator and the ministry's full name."""
    from PySide6.QtCore import QModelIndex, QRect, Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from gui.register_model import COL_BY, COL_MINISTRY

    register = Register.open(tmp_path / "r.db")
    import_files(register, [DEMO / "prints", FIXTURES], who="t")
    window = _window(qtbot, register)
    view = window.register_view
    model, table = view.model, view.table
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == register.count_prints() > 30
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    delegate = table.itemDelegate()
    for row in range(model.rowCount()):
        stored = register.prints_by_id([model.print_id(row)])[0]
        for col in (COL_BY, COL_MINISTRY):
            index = model.index(row, col)
            option = QStyleOptionViewItem()
            option.initFrom(table)
            option.rect = QRect(0, 0, table.columnWidth(col), table.rowHeight(row))
            delegate.initStyleOption(option, index)
            text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
            room = text_rect.width() - 2 * margin
            shown = index.data(Qt.ItemDataRole.DisplayRole)
            assert option.fontMetrics.horizontalAdvance(shown) <= room, (row, col, shown, room)
        ministry_tip = model.index(row, COL_MINISTRY).data(Qt.ItemDataRole.ToolTipRole)
        assert ministry_tip == (stored["ministry"] or None)
        by_tip = model.index(row, COL_BY).data(Qt.ItemDataRole.ToolTipRole) or ""
        assert all(name in by_tip for name in json.loads(stored["originators"] or "[]"))
    tips = [model.index(r, COL_MINISTRY).data(Qt.ItemDataRole.ToolTipRole) or "" for r in range(model.rowCount())]
    assert model.index(tips.index("Ministerium für Umwelt, Klima und Energiewirtschaft"), COL_MINISTRY).data() == "UM"
    window.close()
    register.close()


def test_count_texts_agree_in_number(qtbot, tmp_path: Path) -> None:
    """One open inquiry, one print, one link, one day: every count text says it in the singular."""
    from gui.deadlines_view import DeadlinesView
    from gui.inquiry_view import InquiryView
    from gui.library_view import LibraryView
    from gui.register_view import RegisterView

    register = Register.open(tmp_path / "r.db")
    import_files(register, [DEMO / "prints" / "15-radnetz-luecken-landesstrassen.txt"], who="t")
    import_files(register, [DEMO / "material"], force_material=True, who="t")
    pid = register.print_id("17/9486")
    messages: list[str] = []

    deadlines = DeadlinesView(register, today=TODAY)
    qtbot.addWidget(deadlines)
    deadlines.status_message.connect(messages.append)
    deadlines.refresh()
    assert messages[-1] == "1 offene Anfrage mit Frist, davon 1 überfällig"

    registry = RegisterView(register, today=TODAY)
    qtbot.addWidget(registry)
    registry.status_message.connect(messages.append)
    registry.refresh()
    assert messages[-1] == "1 Drucksache im Register"
    registry.set_status_filter("offen")
    assert messages[-1] == "1 von 1 Drucksache"
    registry.search.setText("Radnetz")
    registry.apply()
    assert messages[-1] == "1 Treffer"

    library = LibraryView(register)
    qtbot.addWidget(library)
    library.status_message.connect(messages.append)
    library.search.setText("Hochwasserrisikomanagement")
    library.refresh()
    assert messages[-1] == "1 Treffer in der Bibliothek"
    library.search.clear()
    library.refresh()
    material = library.selected_material() or register.list_material(limit=1)[0]["id"]
    assert library.attach(material, "17/9486")
    library.refresh()
    texts = [library.list.item(k).text() for k in range(library.list.count())]
    assert any(t.endswith("verknüpft mit 1 Anfrage") for t in texts), texts

    for today, expected in ((date(2025, 11, 3), "noch 1 Tag"), (date(2025, 11, 5), "seit 1 Tag überschritten")):
        inquiry = InquiryView(register, pid, today=today)
        qtbot.addWidget(inquiry)
        assert inquiry.due_label.text().startswith(f"Frist 4.11.2025: {expected}"), inquiry.due_label.text()
        inquiry.close_view()
    for view in (deadlines, registry, library):
        view.shutdown()
    register.close()


def test_status_button_arrow_leaves_its_text_free(qtbot, tmp_path: Path) -> None:
    """The status button's menu arrow is drawn beside its text with a visible gap, not on its last letter,
    for every status (a QToolButton put it 0–1 px after the text, over it in wider fonts)."""
    from core.workflow import STATUSES

    register = Register.open(tmp_path / "r.db")
    import_files(register, [DEMO / "prints"], who="t")
    window = _window(qtbot, register)
    view = window.open_print(register.print_id("17/9486"))
    button = view.status_button
    menu = button.menu()
    assert menu is not None and "Status:" in button.text()
    space = button.fontMetrics().horizontalAdvance(" ")
    for status in STATUSES:
        text = f"Status: {status}"
        button.setText(text)
        button.setFixedSize(button.sizeHint())  # as wide as the layout makes it
        full = button.grab().toImage()
        button.setText("")
        arrow_only = button.grab().toImage()
        button.setMenu(None)
        bare = button.grab().toImage()
        button.setMenu(menu)
        button.setText(text)
        arrow = _differing(arrow_only, bare)
        letters = _differing(full, arrow_only)
        assert arrow is not None and letters is not None
        gap = arrow[0] - letters[2] - 1  # free columns between the text's last pixel and the arrow's first
        assert gap >= space / 2, (status, letters, arrow)  # apart, not touching the text's last letter
    window.close()
    register.close()


def test_search_titles_align_like_other_cells(qtbot, tmp_path: Path) -> None:
    """A title in the search results (hits marked) starts at the same place in its cell as without a search."""
    from gui.register_model import COL_TITLE, HighlightRole

    register = Register.open(tmp_path / "r.db")
    import_files(register, [DEMO / "prints"], who="t")
    window = _window(qtbot, register)
    view = window.register_view
    number = "17/9486"
    title = register.prints_by_id([register.print_id(number)])[0]["title"]

    def title_ink():  # type: ignore[no-untyped-def]
        row = view.model.row_of(register.print_id(number))
        rect = view.table.visualRect(view.model.index(row, COL_TITLE))
        view.table.clearSelection()
        image = view.table.viewport().grab().toImage()
        return _ink(image, rect.adjusted(0, 1, -1, -1)), rect

    plain, rect = title_ink()
    view.search.setText(title.split()[0])
    view.apply()
    assert view.model.index(0, COL_TITLE).data(HighlightRole)  # drawn by the delegate for marked hits
    searched, searched_rect = title_ink()
    assert plain is not None and searched is not None
    assert abs((plain[0] - rect.left()) - (searched[0] - searched_rect.left())) <= 1, (plain, searched)
    assert abs((plain[1] - rect.top()) - (searched[1] - searched_rect.top())) <= 1, (plain, searched)
    assert abs((plain[3] - rect.top()) - (searched[3] - searched_rect.top())) <= 1, (plain, searched)
    window.close()
    register.close()


def test_empty_register_gives_way_to_the_import(qtbot, tmp_path: Path) -> None:
    """While files are imported into an empty register, the welcome page is not what shows: the import's
    progress does, and the table once a print is in; after the import the register is shown."""
    register = Register.open(tmp_path / "r.db")
    window = _window(qtbot, register)
    view = window.register_view
    assert not view.empty.isHidden() and view.import_button.isVisible()
    seen: list[tuple[bool, bool, bool, str]] = []

    def look(_done: int, _total: int, _name: str) -> None:
        note = view.import_note.text()
        seen.append((view.table.isVisible(), view.import_button.isVisible(), view.import_bar.isVisible(), note))

    window.importer.progress.connect(look)  # after the view's own slot: what the officer sees then
    window.start_import([DEMO / "prints"])
    qtbot.waitUntil(lambda: not window.importer.running and view.model.rowCount() == 18, timeout=60000)
    assert seen
    table_shown, welcome_shown, bar_shown, note = seen[0]
    assert not welcome_shown
    assert table_shown or (bar_shown and "importiert" in note), seen[0]
    assert view.table.isVisible() and view.empty.isHidden()
    window.close()
    register.close()
