"""Grouping the surface forms of English names into parties, and choosing each party's schema.

A news article names a party once in full and then by short forms: a person by the surname
("Jane Roe" -> "Roe"), an organisation by its leading words ("Acme Grain Holdings" -> "Acme Grain"
-> "Acme"), its acronym, or its name without a country qualifier or legal form. The same
asymmetry (people are shortened from the left, organisations from the right) also tells people
from organisations when the small NER model mislabels a name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rigour.territories import lookup_territory

from casegraph.extract.names import (
    acronym_matches,
    fold,
    has_company_form,
    is_acronym,
    short_form_of,
    strip_company_form,
    tokens,
)
from casegraph.extract.vocab.organisations import (
    COMMITTEE_HEADS,
    COMPANY_HEADS,
    MEDIA_HEADS,
    ORGANISATION_HEADS,
    PUBLIC_BODY_HEADS,
    STATE_WORDS,
)
from casegraph.extract.vocab.roles import ROLE_HEADS, ROLE_MODIFIERS

PERSON, ORG, UNKNOWN = "PERSON", "ORG", "?"
_IRREGULAR_DEMONYMS = frozenset(
    "british english french dutch german swiss chinese japanese turkish polish spanish danish swedish "
    "finnish irish scottish welsh greek czech thai arab israeli iraqi kuwaiti saudi pakistani".split()
)
_SUPRANATIONAL_FIRST = frozenset({"european", "eurasian", "african"})
# Leading words that many different names share, so they never stand for one of them alone.
GENERIC_FIRST = STATE_WORDS | frozenset(
    "the new first united international global royal general great north south east west northern southern "
    "eastern western central supreme high higher upper lower joint independent free open".split()
)
# Modifiers a reporter drops on second mention of a body ("the Media Council" for "the National
# Media Council"): they say whose or what level the body is, not which one it is.
GENERIC_MODIFIERS = STATE_WORDS | frozenset("independent supreme high joint".split())


@dataclass
class Surface:
    """One distinct way a name is written in the document, with what the candidates said about it."""

    form: str
    votes: Counter = field(default_factory=Counter)
    hints: Counter = field(default_factory=Counter)
    spans: list[tuple[int, int]] = field(default_factory=list)
    positions: list[tuple[str, int, int]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    @property
    def words(self) -> list[str]:
        """The name's words; ``form`` never changes, so they are split once (grouping asks often)."""
        cached: list[str] | None = self.__dict__.get("_words")
        if cached is None:
            cached = self.__dict__["_words"] = tokens(self.form)
        return cached


def head_word(name: str) -> str:
    """The head noun of an English organisation name: the word before "of"/"for", else the last."""
    words = tokens(name)
    for i, w in enumerate(words):
        if w.lower() in ("of", "for", "on") and i > 0:
            return words[i - 1].lower().strip(",")
    return words[-1].lower().strip(",") if words else ""


def org_head(words: list[str]) -> bool:
    name = " ".join(words)
    head = head_word(name)
    return head in ORGANISATION_HEADS | PUBLIC_BODY_HEADS | COMPANY_HEADS or has_company_form(name)


def _qualifier(words: list[str]) -> tuple[str | None, list[str]]:
    """Split a leading country qualifier: "Russian Justice Ministry" -> ("ru", ["Justice", "Ministry"])."""
    if len(words) < 3 and not (
        len(words) == 2 and words[1].lower() in PUBLIC_BODY_HEADS | ORGANISATION_HEADS
    ):
        return None, words
    trailing = _trailing_jurisdiction(words)
    if trailing is not None:
        return trailing
    first = re.sub(r"['’]s$", "", words[0])
    code = territory_code(first)
    if code is None:
        return None, words
    return code, words[1:]


def _trailing_jurisdiction(words: list[str]) -> tuple[str, list[str]] | None:
    """Split a trailing "of <country>" qualifier: "Ministry of Justice of the Russian Federation" ->
    ("ru", ["Ministry", "of", "Justice"]). The country is whatever rigour's territory data names
    ("Russia", "the Russian Federation", "the Republic of Cyprus"), so no list of bodies is kept;
    the last such "of" wins, and something must be left of the name before it."""
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() != "of":
            continue
        tail = words[i + 1 :]
        if tail[:1] and tail[0].lower() == "the":
            tail = tail[1:]
        if not tail or len(tail) > 4 or not all(w[:1].isupper() or w == "of" for w in tail):
            continue
        code = territory_code(tail[0]) if len(tail) == 1 else _territory_name(" ".join(tail))
        if code is not None:
            return code, words[:i]
    return None


@functools.lru_cache(maxsize=1024)
def _territory_name(name: str) -> str | None:
    """The code of the territory a several-word name names exactly ("Russian Federation")."""
    t = lookup_territory(name)
    return str(t.code) if t is not None else None


@functools.lru_cache(maxsize=4096)
def territory_code(word: str) -> str | None:
    """The territory a word names or is the demonym of ("Cypriot" -> "cy"), else None."""
    t = lookup_territory(word)
    if t is not None:
        return str(t.code)
    low = word.lower()
    if low in _IRREGULAR_DEMONYMS:
        return low
    for cut, add in ((1, ""), (2, ""), (3, ""), (1, "a"), (2, "a"), (3, "a"), (1, "y"), (3, "e"), (2, "us")):
        if len(word) > cut + 3 and word.endswith(("n", "an", "ian", "ese", "i", "ish", "ot")):
            t = lookup_territory(word[:-cut] + add)
            if t is not None:
                return str(t.code)
    return None


class Groups:
    """Union-find over surface forms."""

    def __init__(self, forms: list[str]):
        self.parent = {f: f for f in forms}

    def find(self, f: str) -> str:
        while self.parent[f] != f:
            self.parent[f] = self.parent[self.parent[f]]
            f = self.parent[f]
        return f

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _org_hinted(s: Surface) -> bool:
    return any(h != "Person" for h in s.hints)


def plain_name(words: list[str]) -> bool:
    """Two or three capitalised words, none a connector, role word or place: the shape of a
    personal name ("Ilias Vergotakis"), as opposed to "Bank of Cyprus"."""
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and not is_acronym(w) for w in words)
        and not any(w.lower() in ROLE_HEADS | ROLE_MODIFIERS for w in words)
        and territory_code(words[0]) is None
        and not org_head(words)
    )


def person_evidence(s: Surface, surfaces: dict[str, Surface]) -> bool | None:
    """What the short forms say: True when the last word stands alone elsewhere (a surname), False
    when the first word does and the model reads it as an organisation ("Acme" for "Acme Medtech"),
    None when neither does."""
    words = s.words
    if not plain_name(words):
        return None
    if tuple(words) in _proper_prefixes(surfaces):
        return False  # "Acme Trading" inside "Acme Trading Holdings"
    last, first = surfaces.get(words[-1]), surfaces.get(words[0])
    if last is not None and last is not s:
        return True
    if first is not None and first.votes[ORG] >= first.votes[PERSON] and not first.hints["Person"]:
        return False
    return None


_PREFIXES: list[tuple[dict[str, Surface], int, frozenset[tuple[str, ...]]]] = []


def _proper_prefixes(surfaces: dict[str, Surface]) -> frozenset[tuple[str, ...]]:
    """The leading word runs of every surface form, shorter than the form: built once per set of
    surfaces (grouping asks for each candidate name), not rescanned per name."""
    if _PREFIXES and _PREFIXES[0][0] is surfaces and _PREFIXES[0][1] == len(surfaces):
        return _PREFIXES[0][2]
    found = frozenset(tuple(o.words[:k]) for o in surfaces.values() for k in range(1, len(o.words)))
    _PREFIXES[:] = [(surfaces, len(surfaces), found)]
    return found


def is_person_form(s: Surface, surfaces: dict[str, Surface]) -> bool:
    if len(s.words) < 2 or org_head(s.words) or _org_hinted(s):
        return False
    evidence = person_evidence(s, surfaces)
    if evidence is not None:
        return evidence
    return s.hints["Person"] > 0 or s.votes[PERSON] > s.votes[ORG]


def _link_loose_acronyms(orgs: list[Surface], groups: Groups) -> None:
    """Acronyms of names in another language ("FSB" for the Federal Security Service): same first
    letter and one letter per content word; the nearest full name before the acronym wins."""
    sizes = Counter(groups.find(s.form) for s in orgs)
    for b in orgs:
        if not is_acronym(b.form) or sizes[groups.find(b.form)] > 1:
            continue
        letters = b.form.replace(".", "")
        first_b = min(b.spans)[0]
        best, best_at = None, -1
        for a in orgs:
            words = [w for w in a.words if w.lower() not in ("of", "for", "the", "and")]
            if is_acronym(a.form) or len(words) != len(letters) or words[0][0] != letters[0]:
                continue
            before = [st for st, _ in a.spans if st < first_b]
            if before and max(before) > best_at:
                best, best_at = a, max(before)
        if best is not None:
            groups.union(best.form, b.form)


def _leading_short_forms(orgs: list[Surface], groups: Groups) -> None:
    """ "Acme" and "Acme Grain" for "Acme Grain Holdings": the leading words of exactly one longer
    organisation name (or of one chain of names each extending the other)."""
    for b in orgs:
        bw = b.words
        if (
            len(bw) > 2
            or is_acronym(b.form)
            or not all(w[:1].isupper() for w in bw)
            or bw[0].lower() in GENERIC_FIRST | ORGANISATION_HEADS | PUBLIC_BODY_HEADS | COMPANY_HEADS
            or bw[-1].lower() in ORGANISATION_HEADS | PUBLIC_BODY_HEADS | COMPANY_HEADS
            or territory_code(bw[0]) is not None
        ):
            continue
        longer = [a for a in orgs if len(a.words) > len(bw) and a.words[: len(bw)] == bw]
        if not longer:
            continue
        top = max(longer, key=lambda a: len(a.words))
        if all(top.words[: len(a.words)] == a.words for a in longer):
            for a in longer:
                groups.union(a.form, b.form)
            groups.union(top.form, b.form)


def _dropped_modifiers(orgs: list[Surface], groups: Groups) -> None:
    """ "Media Council" for "National Media Council": a body's name written without a leading generic
    modifier (national, federal, state...) is the same body, when exactly one longer name fits."""
    for b in orgs:
        bw = [w for w in b.words if w != "The"] if b.words[:1] == ["The"] else b.words
        if len(bw) < 2 or is_acronym(b.form) or not org_head(bw):
            continue
        longer = []
        for a in orgs:
            aw = a.words[1:] if a.words[:1] == ["The"] else a.words
            if len(aw) == len(bw) + 1 and aw[1:] == bw and aw[0].lower() in GENERIC_MODIFIERS:
                longer.append(a)
        if len({groups.find(a.form) for a in longer}) == 1:
            groups.union(longer[0].form, b.form)


def _head_last_key(words: list[str]) -> list[str]:
    """A body's name without its country qualifier or article, written head last."""
    core = _head_first(_qualifier(words)[1])
    return core[1:] if core[:1] == ["The"] else core


def _field_short_forms(orgs: list[Surface], groups: Groups) -> None:
    """ "Foreign Ministry" for "Ministry of Foreign Affairs": a two-word head-last short form whose
    field word leads the field of exactly one longer body with the same head in the document (with
    a "Ministry of Foreign Trade" there too, the short form could be either, so it joins neither)."""
    keys = {s.form: _head_last_key(s.words) for s in orgs}
    codes = {s.form: _qualifier(s.words)[0] for s in orgs}
    for b in orgs:
        bk = keys[b.form]
        if len(bk) != 2 or bk[1].lower() not in PUBLIC_BODY_HEADS | COMMITTEE_HEADS or not bk[0][:1].isupper():
            continue
        longer = {groups.find(a.form) for a in orgs
                  if len(keys[a.form]) > 2 and keys[a.form][0] == bk[0] and keys[a.form][-1] == bk[1]
                  and codes[b.form] in (None, codes[a.form])}
        if len(longer) == 1:
            groups.union(longer.pop(), b.form)


def _media_short_forms(orgs: list[Surface], groups: Groups) -> None:
    """ "the Courier" for "the Northern Courier": the last word of exactly one outlet's name."""
    for b in orgs:
        if len(b.words) != 1 or b.form.lower() not in MEDIA_HEADS:
            continue
        longer = [a for a in orgs if len(a.words) > 1 and a.words[-1] == b.form]
        if len(longer) == 1:
            groups.union(longer[0].form, b.form)


def link_surfaces(surfaces: dict[str, Surface], groups: Groups) -> None:
    items = sorted(surfaces.values(), key=lambda s: -len(s.form))
    persons = [s for s in items if is_person_form(s, surfaces)]
    # short forms of people: "Doe", "Sterling Jones" -> "John Sterling Jones"
    for s in items:
        if s in persons or (len(s.words) > 1 and org_head(s.words)):
            continue
        matches = [p for p in persons if len(s.words) < len(p.words) and p.words[-len(s.words) :] == s.words]
        if matches:
            # two of one family ("Lorcan Tierney", his wife "Fenella Tierney"): the bare surname is
            # the one named more often, else the one introduced first
            best = max(matches, key=lambda p: (len(p.spans), -min(p.spans)[0]))
            groups.union(best.form, s.form)
    orgs = [s for s in items if s not in persons]
    cores: dict[str, list[tuple[str | None, Surface]]] = defaultdict(list)
    for s in orgs:
        code, core = _qualifier(s.words)
        core = _head_first(core)
        cores[fold(re.sub(r"^the\s+", "", strip_company_form(" ".join(core)), flags=re.I))].append((code, s))
    for members in cores.values():
        codes = {c for c, _ in members if c}
        if len(codes) <= 1:
            for _, s in members[1:]:
                groups.union(members[0][1].form, s.form)
    # per-surface forms computed once, not once per pair
    stripped = {s.form: tokens(strip_company_form(s.form)) for s in orgs}
    bare = {s.form: re.sub(r"^The\s+", "", s.form) for s in orgs}
    acronyms = {s.form for s in orgs if is_acronym(s.form)}
    folded = {s.form: fold(s.form) for s in orgs if len(s.words) >= 2}
    for a in orgs:
        aw, stripped_a, bare_a = a.words, stripped[a.form], bare[a.form]
        for b in orgs:
            if len(a.form) <= len(b.form):
                continue
            bw = b.words
            prefix = (
                len(bw) >= 2
                and aw[: len(bw)] == bw
                and len(aw) > len(bw) + 1
                and aw[len(bw)].lower() in ("of", "for")
            )
            if (
                prefix
                or stripped_a == bw
                or short_form_of(bare[b.form], bare_a)
                or (b.form in acronyms and acronym_matches(b.form, a.form))
                or (len(aw) == len(bw) >= 2 and fuzz.ratio(folded[a.form], folded[b.form]) >= 92)
            ):
                groups.union(a.form, b.form)
    _dropped_modifiers(orgs, groups)
    _leading_short_forms([s for s in orgs if not (len(s.words) == 1 and s.form in _surnames(persons))], groups)
    _media_short_forms(orgs, groups)
    _field_short_forms(orgs, groups)
    _link_loose_acronyms(orgs, groups)


def _head_first(words: list[str]) -> list[str]:
    """ "Ministry of Health" written head last, as "Health Ministry" ("Committee for Human Rights",
    "Human Rights Committee"): both name one body, so both get the head-last key. A country
    qualifier ("of the Russian Federation") is split off before this, by ``_qualifier``."""
    lead = 1 if words[:1] == ["The"] else 0
    rest = words[lead + 2 :]
    if (
        len(words) >= lead + 3
        and words[lead].lower() in PUBLIC_BODY_HEADS | COMMITTEE_HEADS
        and words[lead + 1] in ("of", "for")
        and len(rest) <= 3
        and all(w[:1].isupper() for w in rest)
    ):
        return rest + [words[lead]]
    return words


def _surnames(persons: list[Surface]) -> set[str]:
    return {p.words[-1] for p in persons}


def schema_of(surfs: list[Surface], surfaces: dict[str, Surface]) -> str:
    """FtM schema of a party from its surface forms: legal forms and business heads make a
    Company, state-body heads a PublicBody, personal-name evidence a Person."""
    votes: Counter = Counter()
    hints: Counter = Counter()
    longest = max(surfs, key=lambda s: (len(s.words), len(s.spans)))
    words = longest.words
    for s in surfs:
        hints.update(s.hints)
        if len(s.words) == len(words):  # short forms ("Doe") are the ones the model mislabels
            votes.update(s.votes)
    heads = {head_word(s.form) for s in surfs if len(s.words) > 1}
    all_words = {w.lower() for s in surfs for w in s.words}
    if "Company" in hints or any(has_company_form(s.form) for s in surfs):
        return "Company"
    if "PublicBody" in hints:
        return "PublicBody"
    if heads & {"bank"} and all_words & {"central", "national", "reserve"}:
        return "PublicBody"
    if heads & COMPANY_HEADS:
        return "Company"
    if heads & PUBLIC_BODY_HEADS or "commission" in heads or (len(words) == 1 and words[0].lower() in {
        "treasury", "kremlin", "duma", "congress", "parliament", "senate", "cabinet", "presidency"}):
        return "PublicBody"
    if heads & COMMITTEE_HEADS and all_words & STATE_WORDS:
        return "PublicBody"
    if "union" in heads and all_words & _SUPRANATIONAL_FIRST:
        return "PublicBody"
    if heads & ORGANISATION_HEADS or "Organization" in hints or len(words) < 2:
        return "Organization"
    evidence = person_evidence(longest, surfaces)
    if evidence is not None:
        return "Person" if evidence else "Organization"
    if hints["Person"] or votes[PERSON] > votes[ORG]:
        return "Person"
    return "Organization"
