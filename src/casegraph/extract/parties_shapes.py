"""Name candidates read off the shape of the text where the small NER model finds none.

Why: spaCy's small English model misses names it has not seen in a telling position — an
organisation named once, as an object or in a list ("acted for Apex Media"), a name given in brackets
after a description ("the state media regulator (Vesknadzor)"), a person introduced by an apposition
or a speech verb ("Pavel Lindt, a former correspondent, said"). Each shape below is generic
language knowledge (an organisation's head noun, a describing noun, a person's role noun) and
gives a candidate with the kind the shape implies; :mod:`parties` then weighs it with the NER's
votes like any other candidate. Returns plain tuples so that no private type crosses modules.
"""

from __future__ import annotations

from typing import Any

from casegraph.extract.vocab.organisations import (
    COMPANY_HEADS,
    COMPANY_NOUNS,
    MEDIA_HEADS,
    ORGANISATION_APPOSITION_NOUNS,
    ORGANISATION_HEADS,
    PUBLIC_BODY_HEADS,
    PUBLIC_BODY_NOUNS,
)
from casegraph.extract.vocab.roles import ROLE_HEADS

Candidate = tuple[int, int, str, str | None]  # start, end, "PERSON" | "ORG", schema hint

_HEADS = ORGANISATION_HEADS | COMPANY_HEADS | MEDIA_HEADS | {"daily", "weekly"}
_PERSON_NOUNS = ROLE_HEADS | frozenset(
    """correspondent journalist reporter editor writer blogger activist lawyer attorney businessman
    businesswoman entrepreneur investor banker politician lawmaker official officer analyst researcher
    economist historian scientist doctor teacher student priest singer actor artist producer consultant
    strategist spokesman spokeswoman spokesperson resident citizen national colleague friend""".split()
)
_SPEECH_LEMMAS = frozenset("say tell add write claim insist deny explain argue note".split())
_NAMED = ("PERSON", "ORG")
_LEADING = frozenset("the a an in on at for from to by with of and or but as after before since".split())


def _title(tok: Any) -> bool:
    return bool(tok.is_title and tok.is_alpha) and tok.lower_ not in _LEADING


def _in_ent(tok: Any, labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")) -> bool:
    return bool(tok.ent_type_ in labels)


def headed_orgs(doc: Any) -> list[Candidate]:
    """"Apex Media", "Open Lens Institute": a run of capitalised words ending in an organisation's
    head noun, where the model saw no entity."""
    out: list[Candidate] = []
    for tok in doc:
        # the model's own people and organisations stand; a group or place tag on a name ending in an
        # organisation's head ("Apex Media" as NORP) is overruled
        if tok.lower_ not in _HEADS or not tok.is_title or _in_ent(tok, _NAMED):
            continue
        i = tok.i
        while i > 0 and _title(doc[i - 1]) and not _in_ent(doc[i - 1], _NAMED) and \
                doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
            i -= 1
        if i == tok.i or (i == doc[i].sent.start and doc[i].pos_ != "PROPN" and i + 1 == tok.i):
            continue  # a bare head ("Group"), or a sentence-initial common word before it ("Media …")
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue  # the head sits inside a longer name the model or another rule will read
        hint = "PublicBody" if tok.lower_ in PUBLIC_BODY_HEADS else None
        out.append((doc[i].idx, tok.idx + len(tok), "ORG", hint))
    return out


def bracketed_names(doc: Any) -> list[Candidate]:
    """"the state media regulator (Vesknadzor)", "a charity (Open Hands)": the name in brackets
    after a describing noun takes the kind of that noun."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.text != "(" or tok.i == 0:
            continue
        noun = doc[tok.i - 1].lower_
        if noun in PUBLIC_BODY_NOUNS:
            hint: str | None = "PublicBody"
        elif noun in COMPANY_NOUNS:
            hint = "Company"
        elif noun in ORGANISATION_APPOSITION_NOUNS:
            hint = "Organization"
        else:
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 6 and (doc[j].is_title or doc[j].is_upper or doc[j].text in "-&"):
            j += 1
        if j == tok.i + 1 or j >= len(doc) or doc[j].text != ")":
            continue
        out.append((doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1]), "ORG", hint))
    return out


def introduced_people(doc: Any) -> list[Candidate]:
    """"Pavel Lindt, a former correspondent, …", "Anna Weiss said": two or three capitalised proper
    nouns the model left untyped, followed by an apposition with a person's role noun or by a
    speech verb."""
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and _title(doc[j]) and not doc[j].ent_type_:
            j += 1
        if j - i < 2:
            i = max(j, i + 1)
            continue
        if (i > 0 and doc[i - 1].pos_ == "PROPN") or (j < len(doc) and doc[j].pos_ == "PROPN"):
            i = j
            continue  # part of a longer proper-noun run
        if any(doc[k].lower_ in _HEADS or doc[k].lower_ in PUBLIC_BODY_HEADS for k in range(i, j)):
            i = j
            continue
        after = doc[j:j + 8]
        speaks = len(after) > 0 and after[0].lemma_ in _SPEECH_LEMMAS and after[0].pos_ == "VERB"
        appos = len(after) > 2 and after[0].text == "," and after[1].lower_ in ("a", "an", "the") and any(
            t.lower_ in _PERSON_NOUNS for t in after[2:] if t.text != ",")
        if speaks or appos:
            out.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), "PERSON", None))
        i = j
    return out


def shape_candidates(doc: Any) -> list[Candidate]:
    return [*headed_orgs(doc), *bracketed_names(doc), *introduced_people(doc)]
