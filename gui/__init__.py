"""The only place that imports Qt. Filled by the desktop issue; see ../shared/DESIGN.md.

PySide6 is held below 6.12 (pyproject.toml): 6.12.0's bindings drop a reference to None with every
Qt call that returns nothing, and to True with every signal emitted, on Python before 3.12 — a
window over 600 prints or an import of 600 files used them up and the interpreter aborted
("Fatal Python error: none_dealloc" / "bool_dealloc"). tests/test_gui_lifecycle.py checks that a
long session's worth of calls leaves the process alive."""
