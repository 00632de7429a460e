"""Names of an FtM entity, analysed once into tokens the matcher and the blocker can compare.

rigour does the heavy lifting that the field agrees on: prefix removal (Mr, Dr), legal-form
normalisation from its org-type data (ООО / Общество с ограниченной ответственностью / LLC → one
``ORGCLS`` symbol), transliteration of every script to one Latin form, and symbols from its name
data (Александр / Alexander / Aleksandr share Wikidata given-name ids; Holding, Bank, Ministry are
typed org words). This module adds what cross-document resolution in Russian and English needs on
top: each token's transliteration skeleton and inflection variants (``names_text``), its role
(given, patronymic, initial, legal form, org word, number) and, for organisations, the acronym of
the name (Фонд борьбы с коррупцией → ФБК → fbk), in either script.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from followthemoney.proxy import EntityProxy
from followthemoney.types import registry
from rigour.names import NamePartTag, NameTypeTag, Symbol, analyze_names
from rigour.text import ascii_text, is_stopword

from casegraph.resolve.names_text import is_patronymic, lemmas, readings, skeleton, word_forms

# Roles a token plays in a name; the matcher weighs them differently.
GIVEN, FAMILY, PATRONYMIC, INITIAL, LEGAL, ORGWORD, NUMBER, STOP, WORD = (
    "given", "family", "patronymic", "initial", "legal", "orgword", "number", "stop", "word")

_ORG_WORD_CATEGORIES = {Symbol.Category.SYMBOL, Symbol.Category.DOMAIN, Symbol.Category.LOCATION}
_NAME_CATEGORIES = {Symbol.Category.NAME, Symbol.Category.NICK}
_PART_PROPS = {"firstName": GIVEN, "secondName": GIVEN, "middleName": PATRONYMIC,
               "fatherName": PATRONYMIC, "lastName": FAMILY, "motherName": PATRONYMIC}


class Token(NamedTuple):
    """One word of a name, with every form under which another spelling may meet it.

    A NamedTuple, not a dataclass: the reference index stores analysed names pickled, and tuples
    load several times faster, which is most of a query's cost.
    """

    form: str                   # in its own script, normalised (rigour NamePart.form)
    text: str                   # one Latin transliteration (rigour NamePart.comparable)
    skel: str                   # transliteration skeleton (names_text.skeleton)
    variants: frozenset[str]    # skeletons of inflection variants (Ионову → ionov)
    readings: frozenset[str]    # skeletons of other transliteration readings (German ch = kh)
    names: frozenset[str]       # rigour given/family-name ids (Wikidata) of the word or its lemma
    nicks: frozenset[str]       # rigour nickname groups (Alex)
    orgwords: frozenset[str]    # rigour org-word, domain and place symbols (Holding, Bank, Russia)
    classes: frozenset[str]     # rigour org classes of a legal form (LLC, JSC)
    role: str

    @property
    def initial(self) -> str:
        return self.skel[:1]

    @property
    def initials(self) -> frozenset[str]:
        """First letter of the skeleton and of the transliteration (J. → j; Юрий → u and y)."""
        return frozenset(x for x in (self.skel[:1], self.text[:1]) if x)

    @property
    def symbols(self) -> frozenset[str]:
        return self.names | self.nicks | self.orgwords | self.classes


class PName(NamedTuple):
    """One analysed name of an entity."""

    original: str
    kind: str                   # "PER" or "ORG" (LegalEntity and the like are analysed as ORG)
    tokens: tuple[Token, ...]
    acronym: str                # skeleton of the initials of its content words ("" if < 2 words)

    @property
    def content(self) -> tuple[Token, ...]:
        """The tokens that identify: without stop words and legal forms."""
        return tuple(t for t in self.tokens if t.role not in (STOP, LEGAL))

    @property
    def key(self) -> str:
        return " ".join(sorted(t.skel for t in self.content))


def _split(symbols: set[str], prefixes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s for s in symbols if s.startswith(prefixes))


def _role(part_tag: NamePartTag, text: str, form: str, symbols: set[str], kind: str,
          explicit: str | None) -> str:
    if part_tag == NamePartTag.LEGAL:
        return LEGAL
    if part_tag == NamePartTag.NUM or text.isdigit():
        return NUMBER
    if kind == "PER":
        if len(skeleton(form)) <= 1:
            return INITIAL
        if is_stopword(form):
            return STOP  # particles (al-, de, von): rigour's stopwords, weighed as nothing
        if explicit is not None:
            return explicit
        if is_patronymic(form):
            return PATRONYMIC
        return GIVEN if any(s.startswith(("NAME:", "NICK:")) for s in symbols) else WORD
    if part_tag == NamePartTag.STOP:
        return STOP
    if any(s.split(":", 1)[0] in ("SYMBOL", "DOMAIN", "LOC") for s in symbols):
        return ORGWORD
    return WORD


def _symbol_id(symbol: Symbol) -> str:
    category = symbol.category
    prefix = {Symbol.Category.NAME: "NAME", Symbol.Category.NICK: "NICK",
              Symbol.Category.ORG_CLASS: "ORGCLS", Symbol.Category.NUMERIC: "NUM",
              Symbol.Category.SYMBOL: "SYMBOL", Symbol.Category.DOMAIN: "DOMAIN",
              Symbol.Category.LOCATION: "LOC", Symbol.Category.INITIAL: "INITIAL"}.get(category, "X")
    return f"{prefix}:{symbol.id}"


def _acronym(original: str, tokens: tuple[Token, ...]) -> str:
    """Initials of the content words, in the name's own script, then as a skeleton.

    Taken from the original script so that Фонд борьбы с коррупцией gives ФБК (→ fbk) and not the
    initials of its transliteration, which would be the same here but not for Щ, Ж, Х or Я.
    """
    words = [t for t in tokens if t.role in (WORD, ORGWORD, GIVEN)]
    if len(words) < 2:
        return ""
    return skeleton("".join(t.form[:1] for t in words))


@functools.lru_cache(maxsize=200_000)
def _word_symbols(word: str, kind: str) -> frozenset[str]:
    """rigour's symbols for one word on its own (given-name ids, nicknames, org classes, org words).

    Looked up word by word, and cached, because rigour's symbol tagger costs far more than the rest
    of name analysis while names repeat their words (a million names hold a few thousand given
    names); it is also how a lemma (Александру → александр) gets the ids its inflected form lacks.
    """
    type_tag = NameTypeTag.PER if kind == "PER" else NameTypeTag.ORG
    found: set[str] = set()
    for name in analyze_names(type_tag, [word], consolidate=False, phonetics=False):
        found.update(_symbol_id(span.symbol) for span in name.spans)
    return frozenset(s for s in found if s.startswith(_KEPT_SYMBOLS))


_RUN_INITIALS = re.compile(r"(?<=\b\w)\.(?=\w\b)")  # "А.В." → "А. В.": two initials, not one word
_KEPT_SYMBOLS = ("NAME:", "NICK:", "SYMBOL:", "DOMAIN:", "LOC:", "ORGCLS:", "NUM:")


@functools.lru_cache(maxsize=100_000)
def analyse_name(original: str, kind: str, explicit: tuple[tuple[str, str], ...] = ()) -> PName | None:
    """Analyse one name string as a person's ("PER") or an organisation's ("ORG") name.

    ``explicit`` maps words to roles known from the entity's firstName/lastName/fatherName.
    rigour normalises the name (prefixes, legal forms, transliteration) without its symbol tagger;
    symbols come word by word from :func:`_word_symbols`.
    """
    type_tag = NameTypeTag.PER if kind == "PER" else NameTypeTag.ORG
    text = _RUN_INITIALS.sub(". ", original) if kind == "PER" else original
    names = analyze_names(type_tag, [text], consolidate=False, phonetics=False, symbols=False)
    if not names:
        return None
    name = max(names, key=lambda n: len(n.parts))
    roles = dict(explicit)
    words = sum(1 for part in name.parts if len(part.comparable) > 1)
    tokens = []
    for part in name.parts:
        symbols = set(_word_symbols(part.form, kind))
        for lemma in lemmas(part.form):
            symbols |= _word_symbols(lemma, kind)
        if len(part.comparable) <= 1:
            symbols = {s for s in symbols if not s.startswith("NAME:")}
        tag = part.tag
        if kind == "ORG" and any(s.startswith("ORGCLS:") for s in symbols):
            tag = NamePartTag.LEGAL
        skel = skeleton(part.form) or part.comparable
        role = _role(tag, part.comparable, part.form, symbols, kind, roles.get(skel))
        if role == PATRONYMIC and words < 3 and skel not in roles:
            role = WORD  # with only two words, Abramovich or Zhdanovich is the surname
        tokens.append(Token(form=part.form, text=part.comparable, skel=skel, variants=word_forms(part.form),
                            readings=readings(part.form), names=_split(symbols, ("NAME:",)),
                            nicks=_split(symbols, ("NICK:",)),
                            orgwords=_split(symbols, ("SYMBOL:", "DOMAIN:", "LOC:")),
                            classes=_split(symbols, ("ORGCLS:",)), role=role))
    toks = tuple(tokens)
    return PName(original=original, kind=kind, tokens=toks, acronym=_acronym(original, toks))


def entity_name_strings(entity: EntityProxy) -> list[str]:
    """Every matchable name of the entity; a name composed from its parts when it has none."""
    names = list(entity.get_type_values(registry.name, matchable=True))
    if not names:
        parts = [v for prop in ("firstName", "secondName", "middleName", "fatherName", "lastName")
                 for v in entity.get(prop, quiet=True)]
        if parts:
            names.append(" ".join(parts))
    seen: set[str] = set()
    unique = []
    for name in sorted(names, key=lambda n: (len(n), n)):
        if name.lower() not in seen:
            seen.add(name.lower())
            unique.append(name)
    return unique


def explicit_roles(entity: EntityProxy) -> tuple[tuple[str, str], ...]:
    """Word skeleton → role for the words the entity's name-part properties name."""
    roles = []
    for prop, role in _PART_PROPS.items():
        for value in entity.get(prop, quiet=True):
            for word in value.split():
                skel = skeleton(word)
                if len(skel) > 1:
                    roles.append((skel, role))
    return tuple(sorted(set(roles)))


def entity_names(entity: EntityProxy, kind: str) -> list[PName]:
    explicit = explicit_roles(entity) if kind == "PER" else ()
    found = []
    for value in entity_name_strings(entity):
        analysed = analyse_name(value, kind, explicit)
        if analysed is not None and analysed.tokens:
            found.append(analysed)
    return found


def name_blocking_keys(name: PName) -> set[str]:
    """Keys that any other spelling of this name shares with it.

    People: each distinctive word (skeleton and inflection variants) paired with the initial of
    another word, so that "A. Ionov", "Ионову Александру" and "Aleksandr Ionov" share "ionov|a"
    while the millions of Alexanders do not share one key. A one-word name gives its word alone.
    Organisations: each content word that is not a generic org word, plus the acronym and the
    acronym's counterpart (a one-word name that may be an acronym).
    """
    keys: set[str] = set()
    content = [t for t in name.content if t.role != NUMBER] or list(name.content)
    if name.kind == "PER":
        words = [t for t in content if t.role != INITIAL]
        initials = {t.initial for t in content if t.initial}
        for token in words:
            forms = {token.skel} | set(token.variants) | set(token.readings)
            others = {i for o in content if o is not token for i in o.initials}
            for form in forms:
                if len(form) < 2:
                    continue
                if others:
                    keys.update(f"p:{form}|{i}" for i in others)
                else:
                    keys.add(f"p:{form}")
            # Weaker keys for spellings the skeleton does not fold (Aleksandr / Alexander, typos):
            # the word's first four letters, and its given-name ids, each with another word's initial.
            if len(token.skel) >= 5:
                keys.update(f"pp:{token.skel[:4]}|{i}" for i in others)
            for symbol in token.names:
                keys.update(f"ps:{symbol[5:]}|{i}" for i in others)
        if not words and initials:
            keys.add("p:" + "".join(sorted(initials)))
        return keys
    distinctive = [t for t in content if t.role != ORGWORD] or content
    for token in distinctive:
        for form in {token.skel} | set(token.variants) | set(token.readings):
            if len(form) >= 2:
                keys.add(f"o:{form}")
        if len(token.skel) >= 6:
            keys.add(f"op:{token.skel[:5]}")
    if name.acronym:
        keys.add(f"o:{name.acronym}")
    return keys


def ascii_name(value: str) -> str:
    """A name as plain ASCII, for reasons shown to a reader who may not read Cyrillic."""
    return ascii_text(value)
