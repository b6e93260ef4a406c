"""Ziffer's entry point: no arguments open the desktop app; subcommands run the same features headless.

The command line itself is ziffer_cli.py. Python compiles the script it is started with on every
start (15 ms for the whole command line) but keeps the bytecode of the modules it imports, so this
file stays small; `--version` is answered before the command line is imported at all."""

from __future__ import annotations

import sys


def __getattr__(name: str) -> object:
    """`import main; main.main([...])` as before: the command line's names, imported when first asked for."""
    import ziffer_cli

    return getattr(ziffer_cli, name)


if __name__ == "__main__":
    if sys.argv[1:] == ["--version"]:  # what argparse's version action prints (tests/test_cli.py)
        from core import VERSION

        print(f"Ziffer {VERSION}")
        sys.exit(0)
    if getattr(sys, "frozen", False):  # freeze_support() does nothing elsewhere; multiprocessing costs 9 ms
        import multiprocessing

        multiprocessing.freeze_support()  # the packaged app spawns parsing workers for large imports
    from ziffer_cli import main

    sys.exit(main())
