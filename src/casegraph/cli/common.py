"""What every CLI command shares: the Typer app, the two consoles, the case option, safe printing,
error mapping.

Each command parses options, calls one service method, prints.

**Printing rule for every command (every area):** text that comes from a document, an import, a case or
the user (titles, names, quotes, paths, notes, error messages) is hostile. Never put it into a rich
markup string with an f-string. Use :func:`say` / :func:`warn` / :func:`fail` (a markup *template*
written in code, values passed separately), :func:`line` for the same as a ``Text`` (e.g. for a
``Panel``), and :func:`cell` for table cells. Values are never parsed as markup (``[sic]``, ``[/]``,
``\\[``) and their control characters (ANSI ``\\x1b[31m``, ``\\r``, bidi overrides) are made visible
(:func:`plain`), so a document cannot hide words, crash the console or drive the terminal.

The consoles soft-wrap: a line-oriented message is never hard-wrapped at the terminal width (tables
still fit it), so output and tests do not depend on ``COLUMNS``.

Library errors (:class:`casegraph.errors.CasegraphError`) become one red line and the error's
exit code; nothing here decides anything the REST API would have to decide again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.style import Style
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from casegraph.errors import CasegraphError, InputError, StoreError
from casegraph.services import Case
from casegraph.store.sql import db_reason

app = typer.Typer(help="casegraph: turn piles of documents into a sourced FollowTheMoney case graph.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)  # usage errors as plain lines ("Error: …"), not a width-wrapped box
out = Console(soft_wrap=True, emoji=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, emoji=False, highlight=False)

# A string, not a Path: Path("postgresql+psycopg://u@host/db") would fold "//" into "/" and lose the URL.
CaseOption = Annotated[str, typer.Option("--case", envvar="CASEGRAPH_CASE",
                                         help="Case file (SQLite) or database URL.")]
DEFAULT_CASE = "casegraph.db"

_WHITESPACE_CONTROLS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible(char: str) -> str:
    """A control character (ESC, BEL, DEL, C1), a lone surrogate or a bidi override as a visible
    escape; everything else (letters, NBSP, emoji joiners) unchanged."""
    if char in _BIDI or unicodedata.category(char) in ("Cc", "Cs"):
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def plain(value: object) -> str:
    """A value as one line of inert text: line breaks and tabs become spaces, every other control
    character (ESC, BEL, DEL, C1), lone surrogate or bidi override becomes a visible ``\\xNN`` /
    ``\\uNNNN`` escape, so nothing reaches the terminal as a command."""
    text = _WHITESPACE_CONTROLS.sub(" ", str(value))
    return "".join(_visible(c) for c in text)


def cell(value: object) -> Text:
    """A table cell that rich shows literally (a ``Text``, never parsed as markup) and whole: at any
    width it folds onto more lines rather than being cut with an ellipsis, so no part of a value (an
    id, an amount) is ever hidden from the reader."""
    return Text(plain("" if value is None else value), overflow="fold")


_SLOT = re.compile("\ue000(\\d+)\ue001")  # private-use marks where the values go


def line(template: str, *values: Any, **named: Any) -> Text:
    """One line as a rich ``Text``: ``template`` (markup written in code) is rendered on its own, with
    private-use marks where the ``{}`` fields are, and each value is put in as plain text (:func:`plain`)
    with the style the template gives that place. No value is ever parsed as markup, so no escaping
    rule of rich (backslashes before brackets) can be got wrong."""
    filled = [plain(v) for v in values]
    keys = list(named)
    filled += [plain(named[k]) for k in keys]
    marks = [f"\ue000{i}\ue001" for i in range(len(filled))]
    rendered = Text.from_markup(template.format(*marks[:len(values)], **dict(zip(keys, marks[len(values):],
                                                                                  strict=True))))
    result = Text()
    position = 0
    for match in _SLOT.finditer(rendered.plain):
        result.append_text(rendered[position:match.start()])
        styles = [Style.parse(sp.style) if isinstance(sp.style, str) else sp.style for sp in rendered.spans
                  if sp.start <= match.start() < sp.end]
        result.append(filled[int(match.group(1))], style=Style.combine(styles) if styles else None)
        position = match.end()
    result.append_text(rendered[position:])
    return result


def say(template: str, *values: Any, console: Console | None = None, **named: Any) -> None:
    """Print one line: ``template`` is markup written in code (``"[green]added[/green] {} {path}"``);
    every value is filled in as plain text (see :func:`line`)."""
    (console or out).print(line(template, *values, **named))


def warn(template: str, *values: Any, **named: Any) -> None:
    """:func:`say` on stderr."""
    say(template, *values, console=err, **named)


def fail(message: object, exit_code: int = 2) -> typer.Exit:
    """Print ``error: message`` (escaped) on stderr and return the Exit to raise."""
    warn("[red]error:[/red] {}", message)
    return typer.Exit(exit_code)


def report_error(exc: CasegraphError | SQLAlchemyError) -> typer.Exit:
    if isinstance(exc, SQLAlchemyError):
        return fail(f"case store: {db_reason(exc)}", StoreError.exit_code)
    return fail(exc, exc.exit_code)


@contextmanager
def open_case(path: str | Path) -> Iterator[Case]:
    try:
        case = Case.open(path)
    except (CasegraphError, SQLAlchemyError) as exc:
        raise report_error(exc) from None
    try:
        yield case
    except (CasegraphError, SQLAlchemyError) as exc:
        raise report_error(exc) from None
    finally:
        case.close()


def check_output(path: Path) -> None:
    """Refuse, before any work, an output path that is a folder or lies in a missing folder
    (:class:`InputError` naming it; no folder is made up)."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name, e.g. {path / 'out.md'}")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")


def write_output(path: Path, text: str) -> None:
    """Write an export or report; an unwritable place is an :class:`InputError` with the reason."""
    check_output(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


@contextmanager
def user_errors() -> Iterator[None]:
    """Map library errors raised outside :func:`open_case` (e.g. while writing a file) to one line."""
    try:
        yield
    except (CasegraphError, SQLAlchemyError) as exc:
        raise report_error(exc) from None
