"""Named parties: people and organisations, one Party per real-world party in the document.

English: spaCy's PERSON/ORG entities plus a few Matcher patterns (legal forms, appositions such as
"the censorship agency, X", objects of "told"), tidied by ``names`` and grouped by
``parties_group`` when one name is a short form, acronym, qualified variant or defined
abbreviation of another. Every surface form is then searched in the whole text, so a surname or
acronym that the small model missed or mislabelled still becomes a mention. Russian lives in
``parties_ru``. Last, ``coref`` adds nominal references ("the trust", «фонд») as mentions.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rigour.territories import lookup_territory

from casegraph.extract import coref
from casegraph.extract.context import DocContext, Party, PartyMention, Span, party_key
from casegraph.extract.names import QUOTES, clean_bounds, fold, is_acronym, is_name_like, tokens
from casegraph.extract.parties_group import (
    GENERIC_FIRST,
    ORG,
    PERSON,
    UNKNOWN,
    Groups,
    Surface,
    head_word,
    link_surfaces,
    org_head,
    plain_name,
    schema_of,
    territory_code,
)
from casegraph.extract.parties_hints import apposition_hint, dateline_places, masthead_span, vessel_forms
from casegraph.extract.parties_shapes import shape_candidates
from casegraph.extract.registry import component
from casegraph.extract.vocab.organisations import (
    AGENT_APPOSITION_NOUNS,
    COMPANY_APPOSITION_NOUNS,
    COMPANY_FORMS,
    COMPANY_FORMS_CASED,
    COMPANY_HEADS,
    COMPANY_NOUNS,
    MEDIA_HEADS,
    MINISTRY_FIELDS,
    NON_PARTY_HEADS,
    ORGANISATION_APPOSITION_NOUNS,
    ORGANISATION_HEADS,
    PLATFORMS,
    PUBLIC_BODY_HEADS,
    PUBLIC_BODY_NOUNS,
)
from casegraph.extract.vocab.roles import HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS

_OPEN_QUOTES = '“«„"‘'
_CLOSE_QUOTES = '”»"’'


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    source: str = "ner"
    hint: str | None = None  # schema suggested by a pattern
    position: tuple[str, int, int] | None = None


# -- public entry point ----------------------------------------------------------------------------


@component("parties", requires=("sentences", "parse"), assigns=("parties",))
def run(ctx: DocContext) -> None:
    """Fill ``ctx.parties`` and ``ctx.mentions`` (sorted)."""
    if ctx.language == "ru":
        from casegraph.extract import parties_ru

        parties_ru.find_parties(ctx)
    else:
        _english(ctx)
    ctx.mentions.sort(key=lambda m: (m.start, m.end))
    coref.resolve(ctx)
    ctx.mentions.sort(key=lambda m: (m.start, m.end))


# -- English: candidates ---------------------------------------------------------------------------


@functools.cache
def _matcher(vocab: Any) -> Any:
    from spacy.matcher import Matcher

    name = {"POS": "PROPN", "IS_SENT_START": False, "OP": "+"}
    caps = {"POS": "PROPN", "OP": "+"}
    quote = {"ORTH": {"IN": list(_OPEN_QUOTES)}, "OP": "?"}
    forms = sorted(f for f in COMPANY_FORMS_CASED if f.isascii())
    m = Matcher(vocab)
    m.add(
        "COMPANY", [[{"ORTH": {"IN": forms}}, quote, caps], [caps, {"ORTH": {"IN": forms}}]], greedy="LONGEST"
    )
    m.add(
        "APPOS_BODY",
        [[{"LOWER": {"IN": sorted(PUBLIC_BODY_NOUNS)}}, {"ORTH": ","}, quote, caps]],
        greedy="LONGEST",
    )
    m.add(
        "APPOS_COMPANY",
        [[{"LOWER": {"IN": sorted(COMPANY_NOUNS | COMPANY_APPOSITION_NOUNS)}}, {"ORTH": ",", "OP": "?"}, quote, caps]],
        greedy="LONGEST",
    )
    # "the watchdog Acme Watch", "the think-tank Open Ledger": a kind noun right before the name
    named = {"POS": "PROPN", "ENT_TYPE": {"NOT_IN": ["DATE", "TIME"]}, "OP": "+"}
    m.add(
        "APPOS_KIND",
        [[{"LOWER": "the"}, {"LOWER": {"IN": sorted(ORGANISATION_APPOSITION_NOUNS | {"watchdog"})}}, quote,
          named]],
        greedy="LONGEST",
    )
    # "the economy ministry": a ministry written in lower case, named by its field
    m.add(
        "FIELD_MINISTRY",
        [[{"LOWER": "the"}, {"LOWER": {"IN": sorted(MINISTRY_FIELDS)}, "IS_LOWER": True},
          {"ORTH": "ministry"}]],
    )
    m.add(
        "ADDRESSEE",
        [
            [{"LEMMA": "tell"}, {"LOWER": "the", "OP": "?"}, name],
            [{"LOWER": "according"}, {"LOWER": "to"}, {"LOWER": "the", "OP": "?"}, name],
            [{"TAG": "VBN"}, {"LOWER": "by"}, {"LOWER": "the", "OP": "?"}, name],
            [
                {"LOWER": {"IN": ["comment", "comments", "interview", "statement"]}},
                {"LOWER": {"IN": ["to", "with"]}},
                {"LOWER": "the", "OP": "?"},
                name,
            ],
        ],
        greedy="LONGEST",
    )
    given = {"POS": "PROPN", "IS_TITLE": True}
    m.add(
        "TITLED_PERSON",
        [
            [
                {"LOWER": {"IN": sorted(ROLE_HEADS)}, "IS_TITLE": True},
                {"ORTH": ",", "OP": "?"},
                given,
                given,
                {**given, "OP": "?"},
            ]
        ],
        greedy="LONGEST",
    )
    return m


_WINDOW = 10  # tokens either side of a trigger word that a pattern may span


@functools.cache
def _trigger_hashes(vocab: Any) -> tuple[Any, Any]:
    """String hashes of the words one of the ``_matcher`` patterns must contain (case-sensitive legal
    forms; lower-case nouns, role words and verbs)."""
    import numpy as np

    lower = (
        PUBLIC_BODY_NOUNS | COMPANY_NOUNS | COMPANY_APPOSITION_NOUNS | ORGANISATION_APPOSITION_NOUNS | ROLE_HEADS
        | {"watchdog", "ministry", "tell", "tells", "told", "telling", "according", "by", "comment", "comments",
           "interview", "statement"}
    )
    orth = {f for f in COMPANY_FORMS_CASED if f.isascii()}
    return (np.array(sorted(vocab.strings.add(w) for w in orth), dtype="uint64"),
            np.array(sorted(vocab.strings.add(w) for w in lower), dtype="uint64"))


def _matches(doc: Any) -> list[tuple[int, int, int]]:
    """The ``_matcher`` matches, found by running it only on windows around its trigger words: the
    Matcher's set predicates cost a Python call per token, and most of a news text has no trigger."""
    import numpy as np
    from spacy.attrs import LOWER, ORTH

    matcher = _matcher(doc.vocab)
    orth_hashes, lower_hashes = _trigger_hashes(doc.vocab)
    arr = doc.to_array([ORTH, LOWER])
    hits = np.nonzero(np.isin(arr[:, 0], orth_hashes) | np.isin(arr[:, 1], lower_hashes))[0]
    out: list[tuple[int, int, int]] = []
    lo = hi = -1
    for i in [*hits.tolist(), None]:
        if i is not None and lo >= 0 and i - _WINDOW <= hi:
            hi = min(len(doc), i + _WINDOW + 1)
            continue
        if lo >= 0:
            out += [(mid, lo + s, lo + e) for mid, s, e in matcher(doc[lo:hi])]
        if i is not None:
            lo, hi = max(0, i - _WINDOW), min(len(doc), i + _WINDOW + 1)
    return out


def _ner_candidates(doc: Any, text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for ent in doc.ents:
        if ent[0].text in _NAMESAKE_TITLES and ent[-1].text in ("'s", "’s") and ent.label_ in ("PERSON", "ORG"):
            # "St Aidan's| Regional Hospital": the model cuts a namesake institution after the "'s"
            prev = out[-1] if out and out[-1].end == ent.start_char and out[-1].label == ORG else None
            if prev is None:
                out.append(_Cand(ent.start_char, ent.end_char, ORG))
            continue
        if out and ent.label_ == "ORG" and _namesake_cut(text, out[-1], ent):
            out[-1].end = ent.end_char
            continue
        if ent.label_ == "PERSON":
            out.append(_Cand(ent.start_char, ent.end_char, PERSON))
        elif ent.label_ == "ORG":
            out.append(_Cand(ent.start_char, ent.end_char, ORG))
        elif ent.label_ == "NORP" and _person_shaped(ent):
            out.append(_Cand(ent.start_char, ent.end_char, PERSON))
    return out


def _namesake_cut(text: str, prev: _Cand, ent: Any) -> bool:
    """Whether ``ent`` continues the namesake ``prev`` ("St Aidan's" + "Regional Hospital")."""
    return (
        prev.label == ORG
        and text[prev.end - 2 : prev.end] in ("'s", "’s")
        and text[prev.end : ent.start_char] == " "
        and text[prev.start : prev.end].split(" ", 1)[0] in _NAMESAKE_TITLES
        and ent[-1].lower_ in ORGANISATION_HEADS | PUBLIC_BODY_HEADS | COMPANY_HEADS | _INSTITUTION_HEADS
    )


_INSTITUTION_HEADS = frozenset("hospital clinic infirmary college school university academy church cathedral".split())


def _person_shaped(ent: Any) -> bool:
    """A nationality-or-group tag on what has the shape of a personal name ("Marta Kowal"): two or
    three capitalised proper nouns, none a demonym or place, the last no plural ("Bosnian Serbs",
    "Shia Muslims" stay groups). The small model sometimes reads an unfamiliar name that way."""
    words = [t.text for t in ent]
    return (
        plain_name(words)
        and all(t.pos_ == "PROPN" for t in ent)
        and ent[-1].tag_ != "NNPS"
        and not any(territory_code(w) for w in words)
    )


def _rule_candidates(ctx: DocContext, doc: Any) -> list[_Cand]:
    out = []
    for match_id, start, end in _matches(doc):
        rule = doc.vocab.strings[match_id]
        span = doc[start:end]
        if rule == "COMPANY":
            out.append(_Cand(span.start_char, span.end_char, ORG, "rule", "Company"))
            continue
        if rule == "FIELD_MINISTRY":
            out.append(_Cand(span[1].idx, span.end_char, ORG, "rule", "PublicBody"))
            continue
        if rule == "TITLED_PERSON":  # "Deputy Head, Jane Roe": a title right before a name
            first = start + 2 if span[1].text == "," else start + 1
            out.append(_Cand(doc[first].idx, span.end_char, PERSON, "rule"))
            continue
        # keep only the trailing run of proper nouns (the name itself)
        i = end
        while i > start and doc[i - 1].pos_ == "PROPN":
            i -= 1
        i, end = _grow_hyphens(doc, i, end)
        if i > 0 and doc[i - 1].text == "The" and not _sentence_initial(doc, doc[i - 1].idx):
            i -= 1
        name = doc[i:end]
        if not len(name):
            continue
        hint = {"APPOS_BODY": "PublicBody", "APPOS_COMPANY": "Company"}.get(rule)
        if rule == "APPOS_COMPANY" and span[0].lower_ in AGENT_APPOSITION_NOUNS and \
                not org_head([t.text for t in name]):
            # "the developer Owen Mallory": people bear these nouns too, so only a name with a company
            # word of its own ("the developer Harbour Homes") is taken as a company here
            continue
        if rule == "APPOS_KIND" and span[1].lower_ != "watchdog":  # a watchdog may be state or private
            hint = "Organization"
        label = ORG if hint or rule == "APPOS_KIND" else UNKNOWN
        out.append(_Cand(name.start_char, name.end_char, label, "rule", hint))
    publishers = [
        _Cand(m.start(1), m.end(1), ORG, "publisher")
        for m in re.finditer(
            r"(?m)^[ \t]*(?:Source|Publisher|Published by)[ \t]*:[ \t]*([^\n]{2,80}?)[ \t]*$", ctx.text
        )
    ]
    if not publishers and (masthead := masthead_span(ctx)):
        publishers = [_Cand(*masthead, ORG, "publisher", "Organization")]
    return out + publishers


def _grow_hyphens(doc: Any, i: int, j: int) -> tuple[int, int]:
    """Widen a token range over hyphen joins written without spaces ("SPARK-Interfax")."""
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2
    while (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].pos_ == "PROPN"
    ):
        j += 2
    return i, j


# -- English: tidying a candidate ------------------------------------------------------------------


def _tokens_in(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_role_word(word: str) -> bool:
    w = word.lower().strip(",.")
    return w in ROLE_HEADS or w in ROLE_MODIFIERS


def _refine(ctx: DocContext, doc: Any, c: _Cand) -> list[_Cand]:
    """Tidy a candidate span; may split it in two (possessives, "A and B") or drop it."""
    text = ctx.text
    keep_article = (
        c.label != PERSON and text[c.start : c.start + 4] == "The " and not _sentence_initial(doc, c.start)
    )
    c.start, c.end = clean_bounds(text, c.start, c.end, keep_article=keep_article)
    if c.end <= c.start:
        return []
    # a possessive inside the span: "Meduza's Venezuela", "Ionov's Anti-Globalization Movement"
    m = re.search(r"['’]s\s", text[c.start : c.end])
    if m:
        left = _Cand(
            c.start, c.start + m.start(), UNKNOWN if c.label == PERSON else c.label, c.source, c.hint
        )
        right = _Cand(c.start + m.end(), c.end, ORG, c.source, c.hint)
        right_words = tokens(text[right.start : right.end])
        left_words = tokens(text[left.start : left.end])
        left_last = (left_words or [""])[-1].lower()
        if left_words[:1] and left_words[0] in _NAMESAKE_TITLES and len(left_words) <= 3:
            c.label = ORG  # "St Mary's Hospital", "King's College": a namesake, not an owner
        elif (
            len(right_words) == 1
            and right_words[0].lower() in _BARE_HEADS
            and (left_last in ROLE_HEADS or left_last in _GROUP_OWNERS)
        ):
            c.label = ORG  # "the Prosecutor's Office", "the People's Party": one name
        else:
            right_head = head_word(text[right.start : right.end])
            left_form = text[left.start : left.end].strip()
            out = [] if _parent_qualifier(text, left_form, right_head) else _refine(ctx, doc, left)
            if right_head in ORGANISATION_HEADS | PUBLIC_BODY_HEADS:
                out += _refine(ctx, doc, right)
            return out
    span = _tokens_in(doc, c.start, c.end)
    if span is None:
        return []
    if c.label == PERSON:
        c = _refine_person(ctx, doc, c, span)
    elif c.label == ORG:
        c = _refine_org(ctx, doc, c, span)
    if c.end <= c.start:
        return []
    c.start, c.end = clean_bounds(text, c.start, c.end, keep_article=text[c.start : c.start + 4] == "The ")
    return [c] if c.end > c.start else []


def _parent_qualifier(text: str, left: str, right_head: str) -> bool:
    """ "the State Treasury's Office of Sanctions": a state body named only as the owner of one of its
    units qualifies that unit's name, as a country does ("Russia's Justice Ministry"); it is no
    party of the story unless the text also names it on its own."""
    words = tokens(re.sub(r"^the\s+", "", left, flags=re.I))
    return (
        right_head in PUBLIC_BODY_HEADS
        and bool(words)
        and words[-1].lower() in PUBLIC_BODY_HEADS
        and text.count(left) == 1
    )


def _drop_parent_qualifiers(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Candidates that are only the possessive owner of the next name ("X Treasury's| Office of Y")."""
    starts = {c.start: c for c in cands}
    out = []
    for c in cands:
        m = re.match(r"['’]s\s+", text[c.end : c.end + 4])
        nxt = starts.get(c.end + m.end()) if m else None
        owned = head_word(text[nxt.start : nxt.end]) if nxt is not None else ""
        if owned and _parent_qualifier(text, text[c.start : c.end], owned):
            continue
        out.append(c)
    return out


def _sentence_initial(doc: Any, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return True
    tok = span[0]
    return tok.is_sent_start or tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_quote


def _refine_person(ctx: DocContext, doc: Any, c: _Cand, span: Any) -> _Cand:
    toks = list(span)
    # title words inside the entity: "Deputy Minister John Doe"
    i = 0
    while i < len(toks) - 1 and (_is_role_word(toks[i].text) or toks[i].text.lower() in HONORIFICS):
        i += 1
    # trailing words that are not part of a name: "John Doe told"
    j = len(toks)
    while j > i and not (
        toks[j - 1].text[:1].isupper() or toks[j - 1].text in {"-", "al", "bin", "de", "van", "von"}
    ):
        j -= 1
    if j <= i:
        return _Cand(c.start, c.start, c.label)
    first, last = toks[i], toks[j - 1]
    # a name cut short by the model: "Dean Sterling| Jones"
    k = last.i + 1
    while (
        k < len(doc)
        and doc[k].pos_ == "PROPN"
        and doc[k].is_title
        and not doc[k - 1].whitespace_.count("\n")
        and doc[k - 1].whitespace_
        and doc[k].ent_type_ in ("", "PERSON", "ORG", "NORP")
        and k - first.i < 4
    ):
        k += 1
    last = doc[k - 1]
    c.start, c.end = first.idx, last.idx + len(last.text)
    c.position = _title_before(ctx, doc, first.i) or (
        (span[:i].text, toks[0].idx, toks[i - 1].idx + len(toks[i - 1].text))
        if i and _is_role_word(toks[i - 1].text)
        else None
    )
    return c


def _title_before(ctx: DocContext, doc: Any, i: int) -> tuple[str, int, int] | None:
    """The capitalised title right before a name ("First Deputy Foreign Minister", "FSB Director",
    "Acme's Deputy Head,"): a run of capitalised words ending with a role word."""
    j = i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    end = j
    if end < 0 or not doc[end].text[:1].isupper() or doc[end].text.lower() not in ROLE_HEADS:
        return None
    while (
        j - 1 >= 0
        and "\n" not in doc[j - 1].whitespace_
        and (doc[j - 1].is_title or doc[j - 1].is_upper)
        and doc[j - 1].pos_ in ("PROPN", "NOUN", "ADJ")
        and doc[j - 1].text.lower() not in HONORIFICS
        and doc[j - 1].ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")  # "On 22 April First…"
    ):
        j -= 1
    if j - 1 >= 0 and doc[j - 1].text in ("'s", "’s"):
        pass  # "Acme's Deputy Head": the owner is a party of its own
    start, stop = doc[j].idx, doc[end].idx + len(doc[end].text)
    return ctx.text[start:stop], start, stop


def _refine_org(ctx: DocContext, doc: Any, c: _Cand, span: Any) -> _Cand:
    first, last = span[0], span[-1]
    # "Foundation for [the Protection of ...]": the model dropped the head noun (and "for"/"of",
    # and possibly "the")
    j = first.i
    k = j - 2 if j >= 1 and doc[j - 1].lower_ == "the" else j - 1
    if (
        k >= 1
        and doc[k].lower_ in ("for", "of")
        and doc[k - 1].lower_ in ORGANISATION_HEADS | PUBLIC_BODY_HEADS
        and doc[k - 1].is_title
    ):
        j = k - 1
    # adjacent capitalised proper nouns the model left out ("RIA [FAN]"), and a mid-sentence "The"
    while (
        j >= 1
        and doc[j - 1].pos_ == "PROPN"
        and (doc[j - 1].is_upper or doc[j - 1].is_title)
        and not doc[j - 1].whitespace_.count("\n")
        and not _is_role_word(doc[j - 1].text)
        and lookup_territory(doc[j - 1].text) is None
        and not doc[j - 1].is_sent_start
    ):
        j -= 1
    if (
        j >= 1
        and doc[j - 1].text == "The"
        and not _sentence_initial(doc, doc[j - 1].idx)
        and doc[j].text != "The"
    ):
        j -= 1
    k = last.i + 1
    if k < len(doc) and doc[k].text in COMPANY_FORMS_CASED:
        k += 1
    # "Movement [of Russia]": the model stopped at a place name that belongs to the name
    if (
        last.lower_ in ORGANISATION_HEADS | PUBLIC_BODY_HEADS
        and k + 1 < len(doc)
        and doc[k].lower_ in ("of", "for")
    ):
        m = k + 1
        if doc[m].lower_ == "the" and m + 1 < len(doc):
            m += 1
        n = m
        while (
            n < len(doc) and doc[n].pos_ == "PROPN" and doc[n].is_title and "\n" not in doc[n - 1].whitespace_
        ):
            n += 1
        if n > m:
            k = n
    c.start, c.end = doc[j].idx, doc[k - 1].idx + len(doc[k - 1].text)
    if last.text == "(" or "(" in ctx.text[c.start : c.end]:
        c.end = c.start + ctx.text[c.start : c.end].index("(")
    return c


# -- English: filters ------------------------------------------------------------------------------

_ORG_HINTS = ("Company", "Organization", "PublicBody")
# Titles of the saint or sovereign an institution is named after ("St Mary's Hospital", "King's College").
_NAMESAKE_TITLES = frozenset("St St. Saint Sainte San Santa King Queen".split())
_GROUP_OWNERS = frozenset("people children women workers veterans citizens nations".split())
# Head nouns that, alone, are a common noun ("the Commission", "the Ministry"), not a name; unlike
# "Treasury", "Kremlin" or "Congress", which name one institution of a country on their own.
_BARE_HEADS = frozenset(
    """ministry ministries agency service department bureau inspectorate directorate administration
    council court tribunal office commission committee foundation fund trust institute association
    society union league network group alliance coalition federation organization organisation club
    charity academy university school college bank corporation company firm holding holdings project
    initiative campaign movement center centre party front""".split()
)


_CASE_CAPTION = re.compile(r"\s(?:v|vs)\.?\s", re.I)


def _keep(ctx: DocContext, doc: Any, c: _Cand, places: frozenset[str] = frozenset()) -> bool:
    form = ctx.text[c.start : c.end]
    words = tokens(form)
    lower_ministry = (
        c.source == "rule" and c.hint == "PublicBody" and bool(re.fullmatch(r"[a-z]+ ministry", form))
    )
    if not words or len(form) < 2 or not (is_name_like(form) or lower_ministry) or len(words) > 10:
        return False
    if form in places or _CASE_CAPTION.search(form):
        return False  # a place, or a lawsuit's caption ("Doe v. Acme Ltd") naming two parties at once
    if _is_place(form) or _is_place(re.sub(r"^the\s+", "", form, flags=re.I)):
        return False
    head = words[-1].lower()
    if (head in NON_PARTY_HEADS or head_word(form) in NON_PARTY_HEADS) and c.hint not in _ORG_HINTS:
        return False
    if len(words) == 1 and (
        head in PLATFORMS or head in COMPANY_FORMS or head in HONORIFICS or head in _BARE_HEADS
    ):
        return False  # a bare "Commission" or "Ministry" refers back to a name (see ``coref``)
    if all(_is_role_word(w) or w.lower() in HONORIFICS for w in words):
        return False
    span = _tokens_in(doc, c.start, c.end)
    if span is not None and len(span) == 1 and span[0].pos_ not in ("PROPN",) and not is_acronym(form):
        return False
    if span is not None and c.label == PERSON and any(t.pos_ == "VERB" for t in span):
        return False
    if c.hint is None and not org_head(words) and _inside_longer_quote(ctx.text, c.start, c.end):
        return False
    return True


def _is_place(name: str) -> bool:
    """Countries, their regions and cities are not parties (supranational bodies such as the UN are)."""
    t = lookup_territory(name)
    return t is not None and (t.is_country or t.is_jurisdiction or t.parent is not None)


def _inside_longer_quote(text: str, start: int, end: int) -> bool:
    """A name inside quotation marks that hold more than the name is part of a title or a
    quoted phrase ("A Dialogue of Nations: ..."), not a party."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    last_open = max(before.rfind("“"), before.rfind("«"))
    if last_open < 0 or max(before.rfind("”"), before.rfind("»")) > last_open:
        return False
    q_start = line_start + last_open + 1
    q_end = min([i for i in (text.find("”", end), text.find("»", end)) if i != -1], default=-1)
    if q_end == -1:
        return False
    inner = text[q_start:q_end].strip(QUOTES + " ,.;:")
    return len(inner) > (end - start) + 2 and len(tokens(inner)) <= 15


_PAREN = re.compile(
    r"^\s*[\(\[]\s*(?:the\s+)?([^()\[\]\n]{2,90}?)\s*(?:,\s*for short|,\s*or\s+\w+\s+for short)?\s*[\)\]]"
)
_ACRONYM_BEFORE = re.compile(r"\b([A-ZА-Я][A-ZА-Я&\.]{1,9})\s*[\(\[]\s*$")
_KNOWN_AS = re.compile(
    r"^\s*[,—–-]?\s*(?:which is |that is |also |is |are )?(?:commonly |widely |better |also )?"
    r"known (?:as|by (?:the|its) (?:acronym|abbreviation|initials)(?: of its [\w\s-]{1,30}? name)?)"
    r"\s+(?:the\s+)?([A-ZА-Я][A-ZА-Я&\.-]{1,9})\b"
)


def _alias_candidates(ctx: DocContext, cands: list[_Cand]) -> list[tuple[_Cand, _Cand]]:
    """Abbreviations and long forms defined next to a name: "X (ABC)", "X (ABC, for short)",
    "ABC [X]", "X - known by the acronym ABC", "X (Russia's Federal Y Service)"."""
    text = ctx.text
    out = []
    for c in cands:
        after = text[c.end : c.end + 200]
        m = _PAREN.match(after) or _KNOWN_AS.match(after)
        if m:
            s, e = c.end + m.start(1), c.end + m.end(1)
            inner = text[s:e]
            poss = re.match(r"^[A-ZА-Я][\w.]*['’]s\s+", inner)
            if poss:
                s += poss.end()
            inner = text[s:e]
            if is_acronym(inner) or (
                len(tokens(inner)) >= 2
                and is_name_like(inner)
                and head_word(inner) in ORGANISATION_HEADS | PUBLIC_BODY_HEADS
            ):
                out.append((c, _Cand(s, e, c.label, "rule", c.hint)))
        m = _ACRONYM_BEFORE.search(text[max(0, c.start - 14) : c.start])
        if m and c.label != PERSON and text[c.end : c.end + 2].strip()[:1] in ")]":
            s = max(0, c.start - 14) + m.start(1)
            out.append((c, _Cand(s, s + len(m.group(1)), c.label, "rule", c.hint)))
    return out


_OUR = re.compile(
    r"\bour (?:own )?(?:legal entity|company|publisher|parent company|organi[sz]ation|newsroom|outlet)"
    r"\s*,?\s*$",
    re.I,
)


def _publisher_links(ctx: DocContext, cands: list[_Cand]) -> list[tuple[_Cand, _Cand]]:
    """The document's own publisher ("Source: X") is the "we" of the text: "our legal entity, X Ltd"."""
    publisher = next((c for c in cands if c.source == "publisher"), None)
    if publisher is None:
        return []
    return [
        (publisher, c)
        for c in cands
        if c is not publisher and _OUR.search(ctx.text[max(0, c.start - 40) : c.start])
    ]


def _english(ctx: DocContext) -> None:
    doc = ctx.nlp_doc
    if doc is None:  # the pipeline runs segment first ("parse" is required); a caller without it gets none
        return
    limit = ctx.parsed_chars
    raw = _ner_candidates(doc, ctx.text) + _rule_candidates(ctx, doc) + [
        _Cand(s, e, label, "shape", hint) for s, e, label, hint in shape_candidates(doc)]
    places = frozenset(dateline_places(ctx.text))
    cands = []
    for c in (r for cand in raw for r in _refine(ctx, doc, cand)):
        if c.hint is None:
            c.hint = apposition_hint(ctx.text, c.start, c.end, person_like=c.label == PERSON)
        if _keep(ctx, doc, c, places):
            cands.append(c)
    cands = _drop_parent_qualifiers(ctx.text, cands)
    vessels = vessel_forms(ctx.text, [(c.start, c.end) for c in cands])
    cands = [c for c in cands if ctx.text[c.start : c.end] not in vessels]
    cands = _split_coordinated(ctx, cands)
    links = _alias_candidates(ctx, cands) + _publisher_links(ctx, cands) + _possessive_short_forms(ctx, cands)
    surfaces: dict[str, Surface] = {}

    def add(c: _Cand) -> Surface:
        form = ctx.text[c.start : c.end]
        s = surfaces.setdefault(form, Surface(form))
        if c.label != UNKNOWN:
            s.votes[c.label] += 1
        if c.hint:
            s.hints[c.hint] += 1
        s.spans.append((c.start, c.end))
        s.sources.add(c.source)
        if c.position:
            s.positions.append(c.position)
        return s

    for c in cands:
        add(c)
    pairs = [(add(a).form, add(b).form) for a, b in links if is_name_like(ctx.text[b.start : b.end])]
    groups = Groups(list(surfaces))
    for a, b in pairs:
        groups.union(a, b)
    link_surfaces(surfaces, groups)
    clusters: dict[str, list[Surface]] = defaultdict(list)
    for form, s in surfaces.items():
        clusters[groups.find(form)].append(s)
    _build_parties(ctx, clusters, surfaces, limit, places)


def _possessive_short_forms(ctx: DocContext, cands: list[_Cand]) -> list[tuple[_Cand, _Cand]]:
    """ "St Brannock's" for "St Brannock's Regional Hospital": a name cut by the model before the
    "'s" that opens a longer name in the text is that name's short form (widened over the "'s")."""
    text = ctx.text
    by_form: dict[str, _Cand] = {}
    for c in cands:
        by_form.setdefault(text[c.start : c.end], c)
    out = []
    for c in cands:
        poss = text[c.end : c.end + 2]
        if poss not in ("'s", "’s") or text[c.end + 2 : c.end + 3].isalnum():
            continue
        prefix = text[c.start : c.end] + poss + " "
        longer = [c2 for f, c2 in by_form.items() if f.startswith(prefix) and c2.label != PERSON]
        if len(longer) == 1 and c.label != PERSON:
            c.end += 2
            out.append((longer[0], c))
    return out


def _split_coordinated(ctx: DocContext, cands: list[_Cand]) -> list[_Cand]:
    """ "A and B" tagged as one organisation, where A or B is named on its own elsewhere."""
    forms = {ctx.text[c.start : c.end] for c in cands}
    out = []
    for c in cands:
        form = ctx.text[c.start : c.end]
        m = re.search(r"\s+and\s+", form)
        if m and (form[: m.start()] in forms or form[m.end() :] in forms):
            out.append(_Cand(c.start, c.start + m.start(), c.label, c.source, c.hint))
            out.append(_Cand(c.start + m.end(), c.end, c.label, c.source, c.hint))
        else:
            out.append(c)
    return out


def _company_stem(words: list[str]) -> str | None:
    """A company name without its trailing business words and legal form, which reporters drop
    on second mention ("Acme Oil Trading Ltd" -> "Acme Oil"); only when two words or more remain."""
    i = len(words)
    while i > 0 and (words[i - 1] in COMPANY_FORMS_CASED or words[i - 1].lower() in COMPANY_HEADS):
        i -= 1
    if i == len(words) or i < 2 or words[0].lower() in ("the", "of"):
        return None
    if not all(w[:1].isupper() for w in words[:i]) or territory_code(words[0]) is not None:
        return None
    return " ".join(words[:i])


def _build_parties(
    ctx: DocContext,
    clusters: dict[str, list[Surface]],
    surfaces: dict[str, Surface],
    limit: int,
    places: frozenset[str] = frozenset(),
) -> None:
    specs = []
    place_votes = _place_votes(ctx.nlp_doc)
    org_words = {
        w
        for surfs in clusters.values()
        for s in surfs
        if len(s.words) > 1 and org_head(s.words)
        for w in s.words
        if w[:1].isupper()
    }
    for surfs in clusters.values():
        schema = schema_of(surfs, surfaces)
        forms = {s.form for s in surfs}
        if schema == "Person":
            for s in list(surfs):
                if len(s.words) >= 2:
                    forms.add(s.words[-1])  # the surname alone
        elif schema == "Company":
            forms |= {stem for s in surfs if (stem := _company_stem(s.words)) and stem not in surfaces}
        if (
            all(s.sources == {"rule"} and not s.hints for s in surfs)
            and len(surfs) == 1
            and len(surfs[0].spans) < 2
            and len(surfs[0].words) > 3
        ):
            continue  # a long capitalised run that only a loose pattern found
        if schema == "Person" and sum(len(s.spans) for s in surfs) == 1 and surfs[0].words[0] in org_words:
            continue
        if len(surfs) == 1 and not surfs[0].hints and _tagged_as_place(surfs[0], place_votes):
            continue
        specs.append((schema, surfs, forms))
    # one regex over every surface form, longest first, so each occurrence is a mention
    owner: dict[str, int] = {}
    for idx, (_, surfs, forms) in enumerate(specs):
        for f in forms:
            if f not in owner or any(s.form == f for s in surfs):
                owner[f] = idx
    short_forms = {f: idx for f, idx in _org_short_forms(ctx.text, specs, places).items() if f not in owner}
    owner.update(short_forms)
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if owner:
        hits = _find_forms(ctx.text, owner, limit)
        for form, spans in hits.items():
            if form in short_forms and not _used_as_name(ctx, spans):
                continue
            found[owner[form]].extend(spans)
    used_keys: set[str] = set()
    claimed = sorted(sp for spans in found.values() for sp in spans)
    for idx, (schema, surfs, _forms) in enumerate(specs):
        # a form found only inside other parties' longer names ("Neft Trading" in "Volnaya Neft
        # Trading") is a fragment the model cut out of them, not a party of its own
        spans = found.get(idx) or [
            sp for s in surfs for sp in s.spans if not any(a <= sp[0] and sp[1] <= b for a, b in claimed)
        ]
        if not spans:
            continue
        names = [s for s in surfs if not is_acronym(s.form)] or surfs
        spans.sort()
        best = max(names, key=lambda s: (len(s.words), len(s.spans), -min(s.spans)[0]))
        key = party_key(best.form)
        while key in used_keys:
            key += "_"
        used_keys.add(key)
        first = min(best.spans)
        aliases = []
        for s in sorted(surfs, key=lambda s: min(s.spans)):
            if s.form != best.form:
                aliases.append((s.form, Span(*min(s.spans))))
        for form, owner_idx in short_forms.items():
            used = [sp for sp in spans if ctx.text[sp[0] : sp[1]] == form]
            if owner_idx == idx and used:
                aliases.append((form, Span(*used[0])))
        rule_only = all(s.sources == {"rule"} for s in surfs)
        confidence = 0.65 if rule_only else 0.8
        if len(spans) >= 3:
            confidence += 0.1
        party = Party(
            key=key,
            schema=schema,
            name=best.form,
            name_span=Span(*first),
            aliases=aliases,
            confidence=round(min(confidence, 0.95), 2),
        )
        seen_pos = set()
        for s in surfs:
            for title, ps, pe in s.positions:
                if fold(title) not in seen_pos and schema == "Person":
                    seen_pos.add(fold(title))
                    party.props.append(("position", title, Span(ps, pe)))
        for start, end in sorted(set(spans)):
            mention = PartyMention(start, end, ctx.text[start:end], key)
            party.mentions.append(mention)
            ctx.mentions.append(mention)
        ctx.parties[key] = party



_WORD_CHAR = re.compile(r"[\w-]")


def _find_forms(text: str, forms: Iterable[str], limit: int) -> dict[str, list[tuple[int, int]]]:
    """Every whole-word occurrence of the forms in ``text[:limit]``, leftmost first and, where
    several start together, the longest, never overlapping (what one alternation regex would find).
    ``str.find`` per form is far cheaper than compiling a fresh regex of all forms for each text."""
    found: list[tuple[int, int, str]] = []
    word = _WORD_CHAR.match
    for form in forms:
        if not form:
            continue
        i = text.find(form, 0, limit)
        while i >= 0:
            end = i + len(form)
            if not (i and word(text, i - 1)) and not (end < limit and word(text, end)):
                found.append((i, -end, form))
            i = text.find(form, i + 1, limit)
    hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
    taken = 0
    for start, neg_end, form in sorted(found):
        if start >= taken:
            hits[form].append((start, -neg_end))
            taken = -neg_end
    return hits


# Words before a name that make it a place: "in X", "near X", "outside X".
_LOCATIVE = frozenset("in near outside across around throughout inside within".split())


def _org_short_forms(text: str, specs: list[tuple[str, list[Surface], set[str]]], places: frozenset[str]
                     ) -> dict[str, int]:
    """The distinctive first word of a multi-word organisation name, which reporters use alone
    ("the Northwind Press Trust" ... "Northwind's accounts"): form -> index of its spec. Skipped when
    the word is generic ("National", "European"), a head noun, a place or demonym, part of a
    person's name, the first word of another party's name, or a common word the text also writes in
    lower case."""
    person_words: set[str] = set()
    firsts: Counter[str] = Counter()
    for schema, _surfs, forms in specs:
        spec_words = [tokens(re.sub(r"^The\s+", "", f)) for f in forms]
        if schema == "Person":
            person_words.update(w for words in spec_words for w in words)
        firsts.update({words[0] for words in spec_words if words})
    heads = ORGANISATION_HEADS | PUBLIC_BODY_HEADS | COMPANY_HEADS | MEDIA_HEADS
    out: dict[str, int] = {}
    for idx, (schema, _surfs, forms) in enumerate(specs):
        if schema not in ("Organization", "Company"):
            continue
        longest = max(forms, key=lambda f: len(tokens(f)))
        words = tokens(re.sub(r"^The\s+", "", longest))
        if len(words) < 2 or words[1].lower() in ("of", "for", "and", "&"):
            continue
        w = words[0]
        if (
            len(w) < 4
            or not (w.isalpha() and w[0].isupper() and w[1:].islower())
            or w.lower() in GENERIC_FIRST | heads
            or _is_role_word(w)
            or w in places
            or w in person_words
            or firsts[w] > 1
            or territory_code(w) is not None
            or re.search(rf"(?<![\w-]){w.lower()}(?![\w-])", text)
        ):
            continue
        out[w] = idx
    return out


def _used_as_name(ctx: DocContext, spans: list[tuple[int, int]]) -> bool:
    """Whether a short form stands for the organisation where it occurs alone: the parser reads it
    as a proper noun (or the model as an entity) at least once, and never as a place ("in X", "the X
    port")."""
    doc = ctx.nlp_doc
    if doc is None:
        return False
    proper = False
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        tok = span[0]
        if tok.i > 0 and doc[tok.i - 1].lower_ in _LOCATIVE:
            return False
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_lower and nxt.lower_ in NON_PARTY_HEADS:
            return False  # "the X port", "the X region": a place
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"):
            proper = True
    return proper


def _place_votes(doc: Any) -> Counter[str]:
    """How often the model tags each form as a place (GPE, LOC, FAC), article dropped."""
    votes: Counter[str] = Counter()
    if doc is None:
        return votes
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            votes[re.sub(r"^the\s+", "", ent.text, flags=re.I)] += 1
    return votes


def _tagged_as_place(s: Surface, place_votes: Counter[str]) -> bool:
    """A name the model tags as a place at least twice and more often than as a person or
    organisation ("the Kessler Basin" read once as a person) is a place."""
    return place_votes[s.form] >= 2 and place_votes[s.form] > sum(s.votes.values())
