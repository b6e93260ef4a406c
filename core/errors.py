"""Errors that reach the user as one sentence, never as a traceback."""


class ZifferError(Exception):
    """Base of every error whose message is meant for the user."""


class DocumentError(ZifferError):
    """A file that cannot be read as a document: missing, empty, binary, corrupt, encrypted."""
