"""Clues around an English name that say what it is: the masthead that names the publisher,
appositions and title nouns that say person, company or body ("X, a Cypriot lender"; "the
broadcaster X"; "its director, X"), and vessel nouns that mark a ship's name ("the tanker X").
"""

from __future__ import annotations

import re

from casegraph.extract.context import DocContext
from casegraph.extract.names import tokens
from casegraph.extract.vocab.organisations import (
    AGENT_APPOSITION_NOUNS,
    COMPANY_APPOSITION_NOUNS,
    KINSHIP_NOUNS,
    ORGANISATION_APPOSITION_NOUNS,
    PUBLIC_BODY_NOUNS,
    VESSEL_NOUNS,
)
from casegraph.extract.vocab.roles import ROLE_HEADS

_MASTHEAD_BY = re.compile(r"^By\s+(?:the\s+)?(.+?)\s+(?:staff|team|newsroom|desk|editors)\b", re.I)
_MASTHEAD_SPLIT = re.compile(r"\s+[—–|]\s+|\s*\|\s*")
_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})


def masthead_span(ctx: DocContext) -> tuple[int, int] | None:
    """The outlet named under the headline: "By the X staff | 8 May 2020", or a short line of
    capitalised words ("X Review — Investigations") next to the dateline. Such an outlet is the
    document's publisher, like a "Source:" line."""
    text = ctx.text
    lines = [m for m in re.finditer(r"[^\n]+", text[:2000]) if m.group().strip()][:5]
    for n, line in enumerate(lines[1:4], start=1):
        raw = line.group()
        by = _MASTHEAD_BY.match(raw.strip())
        if not by and re.match(r"(?i)by\s", raw.strip()):
            continue  # an author's byline
        part = by.group(1) if by else _MASTHEAD_SPLIT.split(raw.strip())[0]
        words = tokens(part)
        if not 1 <= len(words) <= 5 or not all(w[:1].isupper() or w in _NAME_CONNECTORS for w in words):
            continue
        if any(ch.isdigit() for ch in part) or part.strip().endswith((".", ":")):
            continue
        dated = any(
            re.search(r"\b(?:1[89]|20)\d\d\b", lines[k].group()) and len(lines[k].group()) <= 60
            for k in (n - 1, n, n + 1)
            if 0 < k < len(lines)
        )
        if not (by or dated):
            continue
        start = line.start() + raw.index(part)
        if ctx.ents_in(start, start + len(part), ("PERSON",)):
            continue  # an author's byline
        return start, start + len(part)
    return None


_APPOS_OPENERS = frozenset("a an the its his her their our one".split())
_APPOS_STOPS = frozenset("of at for in with who whose which that and to from on by since until as".split())


def _noun_kind(word: str) -> str | None:
    """What an apposition's noun says a name is: a person (role or kin), a company, a body."""
    if word in COMPANY_APPOSITION_NOUNS:
        return "Company"
    if word in ORGANISATION_APPOSITION_NOUNS:
        return "Organization"
    if word in PUBLIC_BODY_NOUNS - {"prosecutor's", "prosecutors"}:
        return "PublicBody"
    if word in ROLE_HEADS or word in KINSHIP_NOUNS:
        return "Person"
    return None


def apposition_hint(text: str, start: int, end: int, person_like: bool = False) -> str | None:
    """The kind of party an apposition gives a name; ``person_like`` (the model tagged the name as a
    person) lets agent nouns that fit people too ("the developer X") say nothing."""
    kind, noun = apposition_cue(text, start, end)
    if kind == "Company" and person_like and noun in AGENT_APPOSITION_NOUNS:
        return None
    return kind


def apposition_cue(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The kind of party an apposition gives a name: "X, a Cypriot lender" (Company), "X, the
    minister's sister" (Person), "the Belgian broadcaster X" (Organization), "its director, X"."""
    m = re.match(r",\s+([^\n]{0,80})", text[end : end + 82])
    if m:
        words = [w.lower().replace("’", "'") for w in re.findall(r"[\w'’-]+|[^\w\s]", m.group(1))[:8]]
        possessive = any(w.endswith("'s") for w in words[:4])
        if words and (words[0] in _APPOS_OPENERS or possessive or _noun_kind(words[0])):
            for i, w in enumerate(words):
                if not w[0].isalnum() or w in _APPOS_STOPS:
                    break
                if w == "think" and words[i + 1 : i + 2] == ["tank"]:
                    return "Organization", w
                if w.endswith("'s") and i + 1 < len(words) and words[i + 1][:1].isalpha():
                    continue  # "the club's chairman": the owner qualifies the head noun after it
                kind = _noun_kind(w)
                if kind:
                    return kind, w
    before = text[max(0, start - 40) : start]
    if re.search(r"^[ \t]*(?:edited|written|reported|translated|compiled|photographed|text|photos?)?\s*by\s+$",
                 before, re.I | re.M):
        return "Person", None  # a credit line: "Edited by X"
    m = re.search(r"(?<![\w-])([\w-]+)\s*,?\s+$", before)
    if m and m.group(1)[:1].islower():
        return _noun_kind(m.group(1)), m.group(1)
    return None, None


def vessel_forms(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """Names written after "the tanker", "the vessel"...: ships, which FtM keeps apart from parties."""
    nouns = "|".join(sorted(VESSEL_NOUNS))
    pattern = re.compile(rf"(?<![\w-])(?:{nouns})\s+$", re.I)
    return {text[s:e] for s, e in spans if pattern.search(text, max(0, s - 16), s)}


# "TERVAN, Dravinia —", "LONDON (Reuters) -", "KYIV, Ukraine, May 3 —": a dateline opens a paragraph
# with the place the story was filed from, written in capitals, then a dash.
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Z'.-]+(?:[ \t]+[A-Z][A-Z'.-]+){0,3})"
    r"(?P<rest>,[ \t]+[^\n—–]{1,60}?)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[—–-]{1,2}[ \t]"
)
_PLACE_PART = re.compile(r"[A-Z][\w'.-]+(?:[ \t]+[A-Z][\w'.-]+){0,2}")


def dateline_places(text: str) -> set[str]:
    """The places a dateline names ("TERVAN, Dravinia —" -> {"Tervan", "Dravinia"}): the city and
    the country or region after it, as the text writes them elsewhere (title case). The small NER
    model often tags an invented or rare place as an organisation or a person; a dateline says it
    is a place."""
    out: set[str] = set()
    for m in _DATELINE.finditer(text[:4000]):
        city = m.group("city")
        if len(city) < 3 or text.count(city) > 1:
            continue  # an acronym that recurs in the text ("NATO — ...") is a name, not a dateline
        out.add(city)
        out.add(" ".join(w.capitalize() for w in city.split()))
        for part in (m.group("rest") or "").split(","):
            part = part.strip()
            if _PLACE_PART.fullmatch(part) and not any(ch.isdigit() for ch in part):
                out.add(part)
    return out
