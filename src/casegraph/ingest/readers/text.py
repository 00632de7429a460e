"""Plain text and Markdown.

Markdown markup that carries no meaning for an investigator (heading hashes, emphasis markers, link
targets, code fences) is dropped so names and sentences read as plain prose; the words stay.
"""

from __future__ import annotations

import re

from casegraph.ingest.encoding import decode_bytes
from casegraph.ingest.limits import Limits
from casegraph.ingest.metadata import iso_date, iso_language
from casegraph.ingest.rawtext import RawText


def read_text(data: bytes, limits: Limits) -> RawText:
    """Plain text: its size is the file's, capped before reading (``Limits.file_bytes``)."""
    decoded = decode_bytes(data)
    return RawText(text=decoded.text, format="txt", meta={"encoding": decoded.encoding})


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_FIELD = re.compile(r"^(\w+)\s*:\s*(.*?)\s*$", re.MULTILINE)
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _strip_inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPH.sub(r"\1", line)
    return _CODE.sub(r"\1", line)


def markdown_to_text(source: str) -> tuple[str, dict[str, str]]:
    """Plain text of a Markdown document, plus its front-matter fields (lower-cased keys)."""
    fields: dict[str, str] = {}
    match = _FRONT_MATTER.match(source)
    if match:
        fields = {k.lower(): _unquote(v) for k, v in _FM_FIELD.findall(match.group(1))}
        source = source[match.end():]
    source = _COMMENT.sub("", source)
    out: list[str] = []
    in_fence = False
    for line in source.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            continue  # underline of a setext heading: the heading text is the previous line
        if _RULE.match(line):
            out.append("")
            continue
        if _REF_DEF.match(line):
            continue
        atx = _ATX.match(line)
        if atx:
            line = atx.group(1)
        line = _QUOTE.sub("", line)
        out.append(_strip_inline(line))
    return "\n".join(out), fields


def _first_heading(source: str) -> str | None:
    lines = source.split("\n")
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            return None
        atx = _ATX.match(line)
        if atx and atx.group(1).strip():
            return _strip_inline(atx.group(1)).strip()
        if i + 1 < len(lines) and line.strip() and re.match(r"^ {0,3}=+[ \t]*$", lines[i + 1]):
            return _strip_inline(line).strip()
    return None


def read_markdown(data: bytes, limits: Limits) -> RawText:
    decoded = decode_bytes(data)
    body = _FRONT_MATTER.sub("", decoded.text.replace("\r\n", "\n"), count=1)
    text, fields = markdown_to_text(decoded.text)
    title = fields.get("title") or _first_heading(body)
    return RawText(
        text=text,
        format="md",
        title=title or None,
        language=iso_language(fields.get("lang") or fields.get("language")),
        published=iso_date(fields.get("date") or fields.get("published")),
        meta={"encoding": decoded.encoding},
    )
