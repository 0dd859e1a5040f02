"""The ``rca`` command's entry point: pick the language, then hand over to the commands.

Kept tiny so ``rca --help`` stays fast: the language must be known before the commands (and their
translated help) are built, and Textual is imported only when the TUI starts.
Exit codes: 0 success, 1 a user error (one clear line on stderr), 2 a usage error.
"""

from __future__ import annotations

import os
import sys


def _language_option(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the ``rca`` command; returns the exit code (also used by tests)."""
    from rca import i18n

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        i18n.set_language(i18n.resolve_language(_language_option(args)))
    except ValueError as error:
        from rca.textout import inert

        print(f"rca: {inert(str(error))}", file=sys.stderr)
        return 2
    from rca.commands import run

    return run(args)


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    entry()
