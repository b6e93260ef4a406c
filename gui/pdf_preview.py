"""The pages of a PDF as pictures, for the export dialog's preview.

Rendered with pypdfium2 (PDFium, the engine of Chrome's PDF viewer, as wheels for every platform):
Qt's own PDF module is not part of PySide6-Essentials, and the preview must show exactly the file
that will be written, not an approximation of it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

MAX_PAGES = 30  # a preview, not a reader: the rest is named, not drawn


def render_pages(path: Path, width_px: int, max_pages: int = MAX_PAGES) -> tuple[list[QImage], int]:
    """The first pages of the PDF at `width_px` wide, and the number of pages in all.

    Holds `PDFIUM_LOCK` throughout: PDFium is not thread-safe, and an import may be reading a
    PDF's text on a worker thread while the preview draws on the GUI thread."""
    import pypdfium2 as pdfium

    from core.documents import PDFIUM_LOCK

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            count = len(pdf)
            images = []
            for k in range(min(count, max_pages)):
                page = pdf[k]
                scale = width_px / page.get_width()
                bitmap = page.render(scale=scale)
                pil = bitmap.to_pil().convert("RGB")
                data = pil.tobytes("raw", "RGB")
                image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()
                images.append(image)
                bitmap.close()
                page.close()
            return images, count
        finally:
            pdf.close()


class PdfPreview(QWidget):
    """A column of page images in a scroll area, with zoom and a page count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._count = 0
        self.zoom = 1.0
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Vorschau der Seiten"))
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidget(self.pages)
        self.info = QLabel(self)
        self.zoom_out = QPushButton("−", self)
        self.zoom_out.setAccessibleName(self.tr("Verkleinern"))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.zoom / 1.25))
        self.zoom_in = QPushButton("+", self)
        self.zoom_in.setAccessibleName(self.tr("Vergrößern"))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.zoom * 1.25))
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def page_count(self) -> int:
        """Pages shown (0 while empty or when the file could not be shown)."""
        return self._count

    def clear(self, message: str = "") -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._count = 0
        self.info.setText(message)
        if message:
            label = QLabel(message, self.pages)
            label.setWordWrap(True)
            self.pages_layout.addWidget(label)

    def load(self, path: Path) -> bool:
        """Show the pages of `path`; a file that cannot be shown gets a sentence instead."""
        self._path = Path(path)
        width = max(300, int((self.scroll.viewport().width() - 40) * self.zoom))
        try:
            images, count = render_pages(self._path, width)
        except Exception as exc:  # pypdfium2 raises its own PdfiumError and OSError, all alike to the user
            self.clear(self.tr("Die Vorschau kann nicht angezeigt werden: {reason}").format(reason=exc))
            return False
        self.clear()
        for image in images:
            page = QLabel(self.pages)
            page.setPixmap(QPixmap.fromImage(image))
            page.setFrameShape(QFrame.Shape.Box)
            page.setAccessibleName(self.tr("Seite"))
            self.pages_layout.addWidget(page)
        self._count = len(images)
        more = self.tr(" (die ersten {n} gezeigt)").format(n=len(images)) if count > len(images) else ""
        self.info.setText(self.tr("{n} Seiten").format(n=count) + more if count != 1 else self.tr("1 Seite"))
        return True

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(3.0, max(0.3, zoom))
        if self._path is not None:
            self.load(self._path)
