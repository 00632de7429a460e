"""Definite descriptions that stand for an organisation the text has already named.

Why: news prose names a body once and then calls it "the trust", "the company's board", "the
ministry" or, in Russian, "фонда", "центра", "министерство", and the inflected form of a quoted
name («Северного маршрута» for ООО «Северный маршрут»). Relations and designations are stated
through those descriptions as often as through names ("the trust's former treasurer, X"), so the
relation frames see them as placeholders too. Resolution is generic: a head noun points back to
the nearest earlier organisation whose name holds that noun; a generic noun ("the company",
"компании") to the nearest earlier organisation of the fitting kind. The returned mentions are
used for masking only; they are not added to ``ctx.mentions`` (that list belongs to ``parties``).
"""

from __future__ import annotations

import bisect
import re

from casegraph.extract.context import DocContext, Party, PartyMention, Sentence

LOOKBACK = 20000  # characters before a description in which its antecedent is searched
GENERIC_LOOKBACK = 1500  # shorter for nouns that name no part of the antecedent ("the company")

# English head nouns: a description "the <noun>" refers to an earlier name holding the noun.
NAMED_NOUNS_EN = (
    "trust", "foundation", "fund", "charity", "institute", "centre", "center", "bank", "agency",
    "ministry", "commission", "committee", "council", "association", "union", "party", "office",
    "department", "service", "bureau", "court", "university", "academy", "network", "movement",
    "society", "federation", "alliance", "coalition", "forum", "group", "company", "firm",
)
# Nouns that name a kind, not a part of the name: the nearest organisation of that kind.
GENERIC_PRIVATE = ("company", "firm", "group", "business", "organisation", "organization", "charity",
                   "lender", "insurer", "operator", "компани", "организаци", "фирм")
# Nouns for the kind of body a news story is about ("the outlet", "the board"): the nearest private
# organisation (a board is its organisation's for the purpose of relations: "sat on the board").
GENERIC_EXTRA = ("board", "outlet", "site", "newspaper", "broadcaster", "publisher", "miner", "explorer",
                 "refinery", "contractor", "subcontractor", "consultancy", "partnership", "nonprofit")
GENERIC_PUBLIC = ("ministry", "agency", "department", "regulator", "watchdog", "министерств", "ведомств")
_EN = re.compile(
    rf"(?<!\w)(?:the|this|that)\s+"
    rf"(?P<noun>{'|'.join(NAMED_NOUNS_EN + GENERIC_PRIVATE[:8] + GENERIC_EXTRA)}|regulator|watchdog)"
    r"(?!\w)(?![-‐])", re.I)
# Russian stems (any case ending); no article, so a noun right before a name ("фонда «X»",
# "компанией Y") describes that name and is skipped.
NOUN_STEMS_RU = ("фонд", "центр", "компани", "банк", "министерств", "ведомств", "организаци", "агентств",
                 "фирм", "ассоциаци", "движени", "институт")
# at most three letters of case ending: longer tails are adjectives ("организационный", "фондовый")
_RU = re.compile(rf"(?<!\w)(?P<noun>(?:{'|'.join(NOUN_STEMS_RU)})(?P<end>[а-яё]{{0,3}}))(?!\w)")
_PLURAL_RU = {"й", "ям", "ями", "ях", "ов", "ам", "ами", "ах", "ы"}  # "десятка организаций" is no antecedent
_QUOTED_RU = re.compile(r"«(?P<name>[^«»]{2,60})»")
_NEXT_IS_NAME = re.compile(r"\s*[«\"“„]|\s+[A-ZА-ЯЁ]")


def mentions_between(ctx: DocContext, start: int, end: int) -> list[PartyMention]:
    """``ctx.mentions_in`` without rebuilding the list of starts on every call (a bisect on the
    sorted mentions), so per-sentence lookups stay logarithmic in long documents."""
    mentions = ctx.mentions
    i = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


def _stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    return word[:5] if len(word) > 5 else word


def _names(party: Party) -> list[str]:
    return [party.name, *(a for a, _ in party.aliases)]


_HOLDS: dict[tuple[str, str, str], bool] = {}


def _holds(party: Party, stem: str) -> bool:
    """Whether a name of the party holds a word starting with ``stem`` (memoised: the antecedent
    search asks it of every earlier mention)."""
    key = (party.name, stem, "|".join(a for a, _ in party.aliases))
    found = _HOLDS.get(key)
    if found is None:
        if len(_HOLDS) > 50000:
            _HOLDS.clear()
        found = any(re.search(rf"(?<!\w){re.escape(stem)}", n.lower().replace("ё", "е")) for n in _names(party))
        _HOLDS[key] = found
    return found


def _antecedent(ctx: DocContext, pos: int, noun: str) -> PartyMention | None:
    """The nearest earlier organisation mention that the description ``noun`` can refer to."""
    noun = noun.lower()
    stem = next((s for s in NOUN_STEMS_RU if noun.startswith(s)), noun)
    private = any(stem.startswith(g) for g in GENERIC_PRIVATE + GENERIC_EXTRA)
    public = any(stem.startswith(g) for g in GENERIC_PUBLIC)
    lo = max(0, pos - LOOKBACK)
    earlier = [*mentions_between(ctx, lo, pos), *shorts_between(ctx, lo, pos)]
    earlier.sort(key=lambda x: x.start, reverse=True)
    if private:  # "the board": the organisation whose board the text named last ("X's board")
        after = re.compile(rf"['’]s\s+(?:\w+\s+)?{re.escape(noun)}")
        before = re.compile(rf"{re.escape(noun)}\s+of\s+(?:the\s+)?$")
        for m in earlier:
            party = ctx.parties.get(m.party)
            if party is not None and party.schema != "Person" and (
                    after.match(ctx.text, m.end, m.end + 40) or before.search(ctx.text, max(0, m.start - 30), m.start)):
                return m
        if noun == "board":  # otherwise the board of the organisation the story is about (named most)
            counts: dict[str, list[PartyMention]] = {}
            for m in earlier:
                party = ctx.parties.get(m.party)
                if party is not None and party.schema in ("Company", "Organization", "LegalEntity"):
                    counts.setdefault(m.party, []).append(m)
            if counts:
                return max(counts.values(), key=len)[0]
    for m in earlier:
        party = ctx.parties.get(m.party)
        if party is None or party.schema == "Person":
            continue
        if _holds(party, stem):
            return m
        if pos - m.end > GENERIC_LOOKBACK:
            continue
        if private and party.schema in ("Company", "Organization", "LegalEntity") and not _holds(
                party, "ministr"):
            return m
        if public and party.schema == "PublicBody":
            return m
    return None


def _quoted_form(ctx: DocContext, name: str) -> Party | None:
    """«Северного маршрута» → the organisation named «Северный маршрут» (every word's stem agrees)."""
    words = re.findall(r"\w+", name)
    if not words or len(words) > 5:
        return None
    stems = [_stem(w) for w in words]
    for party in ctx.parties.values():
        if party.schema == "Person":
            continue
        for n in _names(party):
            have = {_stem(w) for w in re.findall(r"\w+", n)}
            if all(s in have for s in stems):
                return party
    return None


def _person_follows(ctx: DocContext, pos: int) -> bool:
    """"руководитель центра Марина К.": a person's name after the noun is not the noun's own name."""
    gap = len(ctx.text[pos:pos + 3]) - len(ctx.text[pos:pos + 3].lstrip())
    nxt = mentions_between(ctx, pos + gap, pos + gap + 200)
    if not nxt or nxt[0].start != pos + gap:
        return False
    party = ctx.parties.get(nxt[0].party)
    return party is not None and party.schema == "Person"


_CAPWORD = re.compile(r"(?<![\w-])[A-Z][a-z][\w-]{2,}(?![\w-])")
# Words that open many organisation names and so never stand for one of them alone.
_NOT_SHORT = frozenset(
    """the national state federal international european american russian british united global first new
    general central royal public supreme high open free independent democratic republican people union
    city regional district county north south east west northern southern eastern western great grand
    saint st mount lake river ministry office department agency court council committee commission""".split())


def short_mentions(ctx: DocContext) -> list[PartyMention]:
    """Every use of a short form of a multi-word organisation name ("Northline" for Northline Media
    Foundation) that ``parties`` did not already record: the first word of a name that opens no
    other party's name, standing alone (not followed by another capitalised word). Computed once
    per document."""
    cached: list[PartyMention] | None = ctx.cache.get("nominals.short_mentions")
    if cached is not None:
        return cached
    out: list[PartyMention] = []
    if ctx.language == "en":
        seen: dict[str, set[str]] = {}
        for party in ctx.parties.values():
            for name in _names(party):
                words = name.split()
                if len(words) < 2 or not _CAPWORD.fullmatch(words[0]) or words[0].lower() in _NOT_SHORT:
                    continue
                seen.setdefault(words[0], set()).add(party.key if party.schema != "Person" else "")
        shorts = {w: next(iter(keys)) for w, keys in seen.items() if len(keys) == 1 and "" not in keys}
        if shorts:
            for hit in re.finditer(rf"(?<![\w-])(?:{'|'.join(map(re.escape, shorts))})(?![\w-])", ctx.text):
                s, e = hit.span()
                if any(m.start < e and s < m.end for m in mentions_between(ctx, max(0, s - 200), e + 200)) or \
                        re.match(r"\s+[A-Z]", ctx.text[e:e + 2]):
                    continue
                out.append(PartyMention(s, e, hit.group(), shorts[hit.group()]))
    ctx.cache["nominals.short_mentions"] = out
    return out


def shorts_between(ctx: DocContext, start: int, end: int) -> list[PartyMention]:
    """The short-form mentions (:func:`short_mentions`) inside [start, end)."""
    shorts = short_mentions(ctx)
    i = bisect.bisect_left(shorts, start, key=lambda m: m.start)
    out = []
    while i < len(shorts) and shorts[i].start < end:
        if shorts[i].end <= end:
            out.append(shorts[i])
        i += 1
    return out


def nominal_mentions(ctx: DocContext, sent: Sentence) -> list[PartyMention]:
    """Mentions of already-named organisations by description inside one sentence (cached per
    sentence: the masked frames and the dependency pass both ask for them)."""
    cache: dict[tuple[int, int, int], list[PartyMention]] | None = ctx.cache.get("nominals.by_sentence")
    if cache is None:
        cache = {}
        ctx.cache["nominals.by_sentence"] = cache
    key = (sent.start, sent.end, len(ctx.mentions))
    if key not in cache:
        cache[key] = _nominal_mentions(ctx, sent)
    return list(cache[key])


def _nominal_mentions(ctx: DocContext, sent: Sentence) -> list[PartyMention]:
    taken = [(m.start, m.end) for m in mentions_between(ctx, sent.start, sent.end)]

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    out: list[PartyMention] = []
    text = sent.text
    for short in shorts_between(ctx, sent.start, sent.end):
        if free(short.start, short.end):
            out.append(short)
            taken.append((short.start, short.end))
    regex = _RU if ctx.language == "ru" else _EN
    for hit in regex.finditer(text):
        s, e = sent.start + hit.start("noun"), sent.start + hit.end("noun")
        if not free(s, e):
            continue
        if regex is _RU and hit.group("end") in _PLURAL_RU:
            continue
        if text.count("«", 0, hit.start()) > text.count("»", 0, hit.start()) or text.count(
                "“", 0, hit.start()) > text.count("”", 0, hit.start()):
            continue  # inside a quoted title or status ("«нежелательной организацией»")
        named_next = _NEXT_IS_NAME.match(text, hit.end()) and not _person_follows(ctx, sent.start + hit.end())
        if named_next or (regex is _RU and hit.group("noun")[0].isupper()):
            continue  # "the firm Fenwick Ardley", "фонда «X»": the noun describes the name that follows
        found = _antecedent(ctx, s, hit.group("noun"))
        if found is not None:
            out.append(PartyMention(s, e, ctx.text[s:e], found.party))
            taken.append((s, e))
    if ctx.language == "ru":
        for hit in _QUOTED_RU.finditer(text):
            s, e = sent.start + hit.start("name"), sent.start + hit.end("name")
            if not free(s - 1, e + 1):
                continue
            party = _quoted_form(ctx, hit.group("name"))
            if party is not None:
                out.append(PartyMention(s, e, ctx.text[s:e], party.key))
                taken.append((s, e))
    return out
