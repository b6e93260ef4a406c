"""The only place that imports Qt. Filled by the desktop issue; see ../shared/DESIGN.md.

Importing `gui` first makes None, True and False immortal on CPython before 3.12 (see
`immortalise_singletons`): PySide6 6.12's bindings return None from every void method, and True
from `Signal.emit`, without taking a reference, as if the interpreter were 3.12, where these
objects are immortal. On 3.11 each such call takes one reference away from None; a window over a
register of 600 prints makes more calls than None has references, and the interpreter aborts
("Fatal Python error: none_dealloc", or bool_dealloc during an import) — at latest when it
collects garbage on exit."""

from __future__ import annotations

import sys

IMMORTAL_REFERENCES = 1 << 40  # a million calls a second would take 12 days to use up


def immortalise_singletons() -> bool:
    """Give None, True and False as many references as PEP 683 gives them on 3.12 and later, so a
    binding that drops references it never took cannot deallocate them. True if anything was done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False  # immortal already, or not the object layout written below (debug builds differ)
    import ctypes

    for singleton in (None, True, False):
        # in a release build of CPython an object starts with its reference count, and id() is its address
        ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL_REFERENCES
    return True


immortalise_singletons()
