"""The workflow of one inquiry: its statuses and the steps allowed between them.

An inquiry moves forward one step at a time; co-signing and signature can send it back to the
officer. Publication of the print ends it (the importer sets it when the published print
arrives). Everything else is refused with a sentence that names the next possible steps.
"""

from __future__ import annotations

STATUSES = (
    "eingegangen",
    "zugewiesen",
    "in Bearbeitung",
    "in Mitzeichnung",
    "zur Zeichnung",
    "versandt",
    "veröffentlicht",
)

# Besides the next step: the way back when co-signing or signature sends the draft back.
_BACK = {
    "in Mitzeichnung": ("in Bearbeitung",),
    "zur Zeichnung": ("in Bearbeitung", "in Mitzeichnung"),
}
OPEN = STATUSES[:5]  # not yet sent: deadlines apply


class WorkflowError(ValueError):
    """A status change that is not allowed; the message (German) is for the user."""


def allowed_next(status: str) -> tuple[str, ...]:
    """The statuses an inquiry may move to from `status`."""
    if status not in STATUSES:
        return (STATUSES[0],)
    i = STATUSES.index(status)
    forward = (STATUSES[i + 1],) if i + 1 < len(STATUSES) else ()
    return forward + _BACK.get(status, ())


def check_transition(old: str, new: str) -> None:
    """Raise WorkflowError unless `old` → `new` is a step of the workflow."""
    if new not in STATUSES:
        raise WorkflowError(f"„{new}“ ist kein Status; möglich sind: {', '.join(STATUSES)}.")
    if new == old:
        raise WorkflowError(f"Die Anfrage ist bereits „{old}“.")
    nxt = allowed_next(old)
    if new not in nxt:
        options = " oder ".join(f"„{s}“" for s in nxt) or "keiner mehr"
        raise WorkflowError(f"Von „{old}“ geht es nicht zu „{new}“; nächster Schritt: {options}.")
