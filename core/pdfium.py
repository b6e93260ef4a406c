"""The few PDFium functions that reading a PDF's text needs, bound directly with ctypes.

pypdfium2 binds all of PDFium's several hundred functions when it is imported (a generated module of
4,500 lines) and starts the library then: 30-40 ms of every `parse` of a PDF. Reading text needs
fifteen functions, which are bound here from the very library file that pypdfium2 ships
(pypdfium2_raw/libpdfium.so, pdfium.dll or libpdfium.dylib; the one-folder build collects it to the
same place). Loading a library that is already loaded gives the same library, so this reader and the
export preview, which draws with pypdfium2's own API in the same process, share one PDFium: they
take turns under `core.documents.PDFIUM_LOCK`, since PDFium is not thread-safe.

PDFium is initialised once per process: by pypdfium2 when it was imported first (its import
initialises the library), else here, with the configuration pypdfium2 uses (version 2, no font paths,
no V8). PDFium itself ignores a second initialisation (`FPDF_InitLibraryWithConfig` returns at once
when the library is initialised), so a preview opened after a parse finds it ready. Where the library
file cannot be found, pypdfium2 is imported and its library used.
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import POINTER, c_char_p, c_double, c_float, c_int, c_size_t, c_uint, c_ulong, c_void_p

# FPDF_GetLastError's codes (fpdfview.h)
ERR_FORMAT = 3
ERR_PASSWORD = 4
ERR_SECURITY = 5


class PdfiumError(RuntimeError):
    """PDFium could not open a document or load a page (the name pypdfium2 gives the same failure)."""

    def __init__(self, message: str, err_code: int | None = None) -> None:
        super().__init__(message)
        self.err_code = err_code


class Matrix(ctypes.Structure):
    """FS_MATRIX: a text object's matrix (a b c d e f)."""

    _fields_ = (("a", c_float), ("b", c_float), ("c", c_float), ("d", c_float), ("e", c_float), ("f", c_float))


class _Config(ctypes.Structure):
    """FPDF_LIBRARY_CONFIG as PDFium declares it; version 2 reads the first four fields."""

    _fields_ = (
        ("version", c_int),
        ("m_pUserFontPaths", c_void_p),
        ("m_pIsolate", c_void_p),
        ("m_v8EmbedderSlot", c_uint),
        ("m_pPlatform", c_void_p),
        ("m_RendererType", c_int),
        ("m_FontLibraryType", c_int),
        ("m_BrotliEnabled", c_int),
    )


# name: (result, arguments); handles (documents, pages, text pages) are plain pointers
_SIGNATURES = {
    "FPDF_LoadMemDocument64": (c_void_p, (c_void_p, c_size_t, c_char_p)),
    "FPDF_GetLastError": (c_ulong, ()),
    "FPDF_GetPageCount": (c_int, (c_void_p,)),
    "FPDF_CloseDocument": (None, (c_void_p,)),
    "FPDF_LoadPage": (c_void_p, (c_void_p, c_int)),
    "FPDF_ClosePage": (None, (c_void_p,)),
    "FPDFText_LoadPage": (c_void_p, (c_void_p,)),
    "FPDFText_ClosePage": (None, (c_void_p,)),
    "FPDFText_CountChars": (c_int, (c_void_p,)),
    "FPDFText_GetText": (c_int, (c_void_p, c_int, c_int, c_void_p)),
    "FPDFText_GetTextIndexFromCharIndex": (c_int, (c_void_p, c_int)),
    "FPDFText_GetCharIndexFromTextIndex": (c_int, (c_void_p, c_int)),
    "FPDFText_GetFontSize": (c_double, (c_void_p, c_int)),
    "FPDFText_GetFontInfo": (c_ulong, (c_void_p, c_int, c_void_p, c_ulong, POINTER(c_int))),
    "FPDFText_GetMatrix": (c_int, (c_void_p, c_int, POINTER(Matrix))),
}


class Library:
    """PDFium's functions used to read text, as attributes named as in PDFium's headers."""

    FPDF_LoadMemDocument64: ctypes._CFuncPtr
    FPDF_GetLastError: ctypes._CFuncPtr
    FPDF_GetPageCount: ctypes._CFuncPtr
    FPDF_CloseDocument: ctypes._CFuncPtr
    FPDF_LoadPage: ctypes._CFuncPtr
    FPDF_ClosePage: ctypes._CFuncPtr
    FPDFText_LoadPage: ctypes._CFuncPtr
    FPDFText_ClosePage: ctypes._CFuncPtr
    FPDFText_CountChars: ctypes._CFuncPtr
    FPDFText_GetText: ctypes._CFuncPtr
    FPDFText_GetTextIndexFromCharIndex: ctypes._CFuncPtr
    FPDFText_GetCharIndexFromTextIndex: ctypes._CFuncPtr
    FPDFText_GetFontSize: ctypes._CFuncPtr
    FPDFText_GetFontInfo: ctypes._CFuncPtr
    FPDFText_GetMatrix: ctypes._CFuncPtr

    def __init__(self, dll: ctypes.CDLL, path: str) -> None:
        self.path = path
        for name, (result, arguments) in _SIGNATURES.items():
            function = dll[name]  # a function object of its own: pypdfium2's bindings stay as they are
            function.restype, function.argtypes = result, arguments
            setattr(self, name, function)
        # The three functions called for every line of a page, without argument types: ctypes then
        # passes what it is given as it is, a third less work a call. The caller gives every argument
        # but the character's index (a C int, given as a Python int) converted once, by from_param()
        # or byref(). They are called holding the interpreter lock (as through PyDLL): each returns
        # at once, and releasing and taking the lock again would cost a fifth of a call.
        functions = []
        python_api = ctypes.PyDLL(path)
        for name in ("FPDFText_GetFontSize", "FPDFText_GetMatrix", "FPDFText_GetFontInfo"):
            function = python_api[name]
            function.restype = _SIGNATURES[name][0]
            functions.append(function)
        self.line_functions: tuple[ctypes._CFuncPtr, ...] = tuple(functions)


_library: Library | None = None


def library() -> Library:
    """PDFium, loaded and initialised on first use; the caller holds `core.documents.PDFIUM_LOCK`."""
    global _library
    if _library is None:
        _library = _load()
    return _library


def library_file() -> str | None:
    """The PDFium that pypdfium2 ships, found without importing pypdfium2: the file in the folder of
    the package pypdfium2_raw (the one-folder build puts it there too); None when there is none."""
    import os

    if sys.platform.startswith(("win32", "cygwin", "msys")):
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    for finder in sys.meta_path:  # the path's finder, or the one-folder build's own
        try:
            spec = finder.find_spec("pypdfium2_raw", None)  # type: ignore[attr-defined]
        except (AttributeError, ImportError, ValueError):
            continue
        if spec is not None:
            for folder in spec.submodule_search_locations or ():
                path = os.path.join(folder, name)
                if os.path.isfile(path):
                    return os.path.realpath(path)
            return None
    return None


def _load() -> Library:
    path = library_file()
    if path is None:  # an unusual pypdfium2 (a system PDFium, say): its own loader knows where
        import pypdfium2  # its import loads and initialises PDFium
        from pypdfium2_raw.bindings import _libs

        return Library(_libs["pdfium"], _libs["pdfium"]._name)
    lib = Library(ctypes.CDLL(path), path)
    if "pypdfium2" in sys.modules:
        # pypdfium2 initialises PDFium as it is imported; should another thread be importing it
        # right now, this waits until it has
        import pypdfium2  # noqa: F401
    else:
        # Through PyDLL the call holds the interpreter lock: a thread that starts importing pypdfium2
        # meanwhile cannot call the initialisation at the same time (PDFium's guard against a second
        # one is a plain flag), and when it calls it later, PDFium returns at once.
        init = ctypes.PyDLL(path)["FPDF_InitLibraryWithConfig"]
        init.restype, init.argtypes = None, (POINTER(_Config),)
        init(ctypes.byref(_Config(version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0)))
    return lib
