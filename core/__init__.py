"""Ziffer's domain, in plain Python."""

VERSION = "0.1.0"  # the one place of the version (command line, About dialog, build)
