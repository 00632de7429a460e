"""One exception hierarchy for casegraph.

Presenters (CLI, REST API) map these to exit codes and HTTP statuses in one place each, so
library code never prints or exits.
"""

from __future__ import annotations


class CasegraphError(Exception):
    """Base class: anything casegraph raises on purpose."""

    exit_code = 1
    http_status = 500


class InputError(CasegraphError):
    """The user asked for something malformed (bad date, unknown format, bad option)."""

    exit_code = 2
    http_status = 400


class UnreadableDocument(CasegraphError):
    """A file could not be turned into text. The message names the reason, not the path."""

    exit_code = 3
    http_status = 422


class NotFound(CasegraphError):
    """A document, entity or fact that the case does not hold."""

    exit_code = 4
    http_status = 404


class StoreError(CasegraphError):
    """The case store failed; the transaction that raised it was rolled back."""

    exit_code = 5
    http_status = 500


class ExtractionError(CasegraphError):
    """Extraction of one document failed; other documents are unaffected."""

    exit_code = 6
    http_status = 500


class AmbiguousName(InputError):
    """A name on the command line (or in a request) fits several entities; ``candidates`` lists them
    as (id, caption, schema) so the user can pick one by id."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]) -> None:
        self.name = name
        self.candidates = candidates
        listed = "; ".join(f"{caption} ({schema}, {cid})" for cid, caption, schema in candidates[:10])
        more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
        super().__init__(f"{name!r} fits {len(candidates)} entities: {listed}{more}")


class AmbiguousId(InputError):
    """An id prefix fits several records; ``matches`` lists their full ids (up to ten)."""

    def __init__(self, prefix: str, matches: list[str], more: bool = False) -> None:
        self.prefix = prefix
        self.matches = matches
        listed = ", ".join(matches) + (", …" if more else "")
        super().__init__(f"id prefix {prefix!r} fits {'more than ' if more else ''}{len(matches)} records: "
                         f"{listed}; give more characters")
