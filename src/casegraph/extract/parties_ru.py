"""Russian named parties: natasha's PER/ORG spans, normalised to the nominative and grouped.

Russian inflects names, so one party appears as «Периметр», «Периметра», «Периметром», and a
person as "Иван Петров", "Петрова". Spans are grouped by their normal forms (natasha's normaliser
for people, for the words up to an organisation's head noun and for a quoted name), a quoted name
links the full name that carries it ("Фонд ... «Перекрёсток»") with the bare «Перекрёсток», and a
compound abbreviation links to the name it shortens ("Минюст" = "Министерство юстиции"). Every
inflected surface form is kept as an alias, since those are the forms a reader searches for.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from casegraph.extract.context import DocContext, Party, PartyMention, Span, party_key
from casegraph.extract.names import clean_bounds
from casegraph.extract.vocab.organisations import COMPANY_FORMS

_RU_PUBLIC_HEADS = frozenset(
    """министерство минюст мид минфин служба агентство ведомство департамент управление комитет
    комиссия прокуратура генпрокуратура суд дума совет правительство администрация инспекция госдума
    кремль полиция налоговая мэрия""".split()
)
# Compound names of ministries ("Минэкономразвития", "Минздрав") and state bodies ("Госдума").
_RU_PUBLIC_COMPOUND = re.compile(
    r"^(?:Мин[а-яё]{2,}|Рос[а-яё]*надзор|Росфинмониторинг|Гос(?:дум|совет|сенат)[а-яё]*|Генпрокуратур[а-яё]*)$"
)
# International bodies that natasha often tags as places; variant -> canonical name.
SUPRANATIONAL_RU = {
    "евросоюз": "Евросоюз",
    "ес": "Евросоюз",
    "европейский союз": "Евросоюз",
    "оон": "ООН",
    "нато": "НАТО",
    "обсе": "ОБСЕ",
    "еаэс": "ЕАЭС",
    "снг": "СНГ",
    "пасе": "ПАСЕ",
    "европарламент": "Европарламент",
    "еврокомиссия": "Еврокомиссия",
    "совет европы": "Совет Европы",
}
# Stems of the nouns that head a descriptive organisation name ("Фонд развития ...").
_RU_ORG_NOUNS = (
    "фонд", "центр", "движени", "ассоциаци", "союз", "организаци", "парти", "компани", "обществ",
    "институт", "объединени", "холдинг", "групп", "банк", "агентств", "корпораци", "концерн", "клуб",
    "сообществ", "коалици", "лиг", "инициатив", "проект", "издательств", "редакци",
)
_NON_PROFIT_FORMS = frozenset({"ано", "нко", "нп", "ано«", "фонд"})
# State registers and databases that natasha tags as organisations; they are sources, not parties.
_REGISTERS = frozenset({"ЕГРЮЛ", "ЕГРИП", "ЕГРН", "ЕИС", "ЕГАИС", "ФИАС"})
# Lemmas of the nouns that head a state body named after its territory: "прокуратура X области",
# "Арбитражный суд X области", "следственное управление СК по X области".
_RU_BODY_LEMMAS = frozenset(
    """прокуратура суд управление министерство департамент комитет служба инспекция администрация
    правительство дума агентство полиция комиссия отделение главк совет мэрия собрание избирком
    казначейство""".split()
)
# Case endings a surname takes ("Лапшин" -> "Лапшину", "Лапшиным"; "Голубева" -> "Голубевой").
_SURNAME_ENDINGS = frozenset("а у ом ым е ой ою ы ых ыми ого ому ую ая ий ей".split()) | {""}
_QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”", '"': '"'}


@dataclass
class _Group:
    schema: str
    names: Counter = field(default_factory=Counter)
    spans: list[tuple[int, int]] = field(default_factory=list)
    quoted: set[str] = field(default_factory=set)  # normal forms of the quoted names it carries


def find_parties(ctx: DocContext) -> None:
    """Fill ``ctx.parties`` and ``ctx.mentions`` for a Russian text."""
    from natasha import Doc

    from casegraph.extract.nlp import russian

    tools = russian()
    doc = Doc(ctx.text)
    doc.segment(tools.segmenter)
    doc.tag_morph(tools.morph)
    doc.tag_ner(tools.ner)
    groups: dict[str, _Group] = {}
    persons: dict[str, str] = {}  # surname normal form -> group key
    bodies = _territorial_bodies(doc, tools.vocab)
    cores: dict[str, str] = {}  # normal form of a body's name without its territory -> group key
    for start, end, core_end in bodies:
        surface = ctx.text[start:end]
        normal = _org_normal(doc, tools.vocab, start, end, surface)
        key = "org:" + normal.lower()
        _add(groups, key, "PublicBody", normal, start, end)
        core = _org_normal(doc, tools.vocab, start, core_end, ctx.text[start:core_end]).lower()
        cores[core] = key if cores.get(core, key) == key else ""
    for span in doc.spans:
        if span.type == "ORG" and any(s <= span.start and span.stop <= e for s, e, _ in bodies):
            continue  # "Арбитражный суд" inside "Арбитражный суд X области"
        if span.type == "ORG" and ctx.text[span.start : span.stop] in _REGISTERS:
            continue
        start, end = clean_bounds(ctx.text, span.start, _cut_at_stray_close(ctx.text, span.start, span.stop),
                                  keep_article=True)
        start, end = _close_quotes(ctx.text, start, end)
        if end <= start:
            continue
        surface = ctx.text[start:end]
        if span.type == "LOC":
            canonical = SUPRANATIONAL_RU.get(_lemma_phrase(span, tools.vocab).lower())
            if canonical:
                _add(groups, "org:" + canonical.lower(), "PublicBody", canonical, start, end)
            continue
        if span.type == "PER":
            span.normalize(tools.vocab)
            normal = span.normal or surface
            words = normal.split()
            if len(words) == 1 and words[0].lower() in persons:
                key = persons[words[0].lower()]
            elif len(words) == 1 and not _animate(words[0], tools.vocab):
                continue  # "Грант" at a sentence start: a common noun, not a surname
            else:
                key = "per:" + normal.lower()
                if len(words) >= 2:
                    persons.setdefault(words[-1].lower(), key)
            _add(groups, key, "Person", normal, start, end)
        elif span.type == "ORG":
            if _capitalised_only_by_position(ctx.text, start, end):
                continue  # "Поводом для проверки стало…": a common noun opening a sentence
            end = _grow_quoted_name(ctx.text, start, end)
            surface = ctx.text[start:end]
            canonical = SUPRANATIONAL_RU.get(surface.lower())
            if canonical:
                _add(groups, "org:" + canonical.lower(), "PublicBody", canonical, start, end)
                continue
            normal = _org_normal(doc, tools.vocab, start, end, surface)
            group = _add(groups, "org:" + normal.lower(), _org_schema(normal), normal, start, end)
            group.quoted |= _quoted_normals(doc, tools.vocab, start, end, surface)
    _merge_bodies(groups, cores)
    _merge_surnames(groups)
    _merge(groups)
    _emit(ctx, groups)


def _territorial_bodies(doc: Any, vocab: Any) -> list[tuple[int, int, int]]:
    """State bodies named by a common noun and the territory they serve, which natasha splits into
    a bare noun and a place: "прокуратура Северной области", "Арбитражный суд Северной области",
    "министерство транспорта и дорог Северной области", "следственное управление СК по Северной
    области". From each place in the genitive (or the dative after "по"), walk back over genitive
    words, "и" and abbreviations to a body noun, then over the adjectives before it. Returns
    (start, end, end of the name without the territory)."""
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    out = []
    for span in doc.spans:
        if span.type != "LOC":
            continue
        i = bisect.bisect_left(starts, span.start)
        if i >= len(tokens) or tokens[i].start != span.start:
            continue
        j = i - 1
        dative = j >= 0 and tokens[j].text.lower() == "по"
        if dative:
            j -= 1
        if tokens[i].feats.get("Case") != ("Dat" if dative else "Gen"):
            continue
        core_end = tokens[j].stop if j >= 0 else 0
        head = None
        while j >= 0 and i - j <= 8:
            t = tokens[j]
            if t.pos == "NOUN" and any(f.normal in _RU_BODY_LEMMAS for f in vocab(t.text.lower())):
                head = j
                break
            genitive = t.pos in ("NOUN", "ADJ", "PROPN") and t.feats.get("Case") == "Gen"
            if not (genitive or t.text == "и" or (t.text.isupper() and t.text.isalpha() and len(t.text) > 1)):
                break
            j -= 1
        if head is None:
            continue
        first = head
        while first > 0 and tokens[first - 1].pos == "ADJ" and tokens[first - 1].stop + 2 > tokens[first].start:
            first -= 1
        out.append((tokens[first].start, span.stop, core_end))
    return out


def _merge_bodies(groups: dict[str, _Group], cores: dict[str, str]) -> None:
    """A bare "Арбитражный суд" joins "Арбитражный суд X области" when only one territory's body
    of that name is in the text."""
    for key in list(groups):
        g = groups[key]
        target = cores.get(key.removeprefix("org:"))
        if g.schema != "Person" and target and target != key and target in groups:
            t = groups.pop(key)
            groups[target].names.update(t.names)
            groups[target].spans.extend(t.spans)


def _same_surname(word: str, surname: str) -> bool:
    """Whether ``word`` is ``surname`` in another case or gender ("Лапшину" / "Лапшин",
    "Голубев" / "Голубева")."""
    w, s = word.lower().replace("ё", "е"), surname.lower().replace("ё", "е")
    for stem in {s, s[:-1] if s.endswith(("а", "й")) else s, s[:-2] if s.endswith(("ая", "ий", "ой")) else s}:
        if len(stem) >= 4 and w.startswith(stem) and w[len(stem) :] in _SURNAME_ENDINGS:
            return True
    return False


def _merge_surnames(groups: dict[str, _Group]) -> None:
    """A surname written alone, in any case, joins the one full name that ends with it (natasha's
    normaliser leaves some inflected surnames as written, or reads a woman's as a man's)."""
    full = {k: g for k, g in groups.items() if g.schema == "Person" and any(len(n.split()) >= 2 for n in g.names)}
    for key in list(groups):
        g = groups[key]
        if g.schema != "Person" or key in full:
            continue
        words = {n for n in g.names if len(n.split()) == 1}
        if not words:
            continue
        fits = [k for k, fg in full.items()
                if any(_same_surname(w, n.split()[-1]) for w in words for n in fg.names if len(n.split()) >= 2)]
        if len(fits) == 1:
            t = groups.pop(key)
            groups[fits[0]].names.update(t.names)
            groups[fits[0]].spans.extend(t.spans)


def _add(groups: dict[str, _Group], key: str, schema: str, normal: str, start: int, end: int) -> _Group:
    group = groups.setdefault(key, _Group(schema))
    group.names[normal] += 1
    group.spans.append((start, end))
    return group


def _animate(word: str, vocab: Any) -> bool:
    return any(form.feats.get("Animacy") == "Anim" for form in vocab(word.lower()))


def _lemma_phrase(span: Any, vocab: Any) -> str:
    span.normalize(vocab)
    return str(span.normal or span.text)


def _cut_at_stray_close(text: str, start: int, end: int) -> int:
    """End a span before a closing quote or an opening bracket that it runs across: the model reads
    «Северная инициатива» (СЭИ) as one name from inside the quotes to the acronym."""
    m = re.search(r"[»“]\s*\(|\s\(", text[start:end])
    if m and text.count("«", start, start + m.start()) < text.count("»", start, start + m.start() + 1):
        return start + m.start()
    if m and "(" in m.group() and ")" not in text[start:end]:
        return start + m.start()
    return end


def _capitalised_only_by_position(text: str, start: int, end: int) -> bool:
    """A single title-case word at a sentence start that the text never capitalises elsewhere."""
    word = text[start:end]
    if " " in word or not word[:1].isupper() or word.isupper() or not word[1:].islower():
        return False
    before = text[max(0, start - 3) : start]
    if start and not re.search(r"(?:^|[.!?…]\s+|\n\s*)$", text[max(0, start - 3) : start]) and before.strip():
        return False
    stem = re.escape(word[: max(4, len(word) - 3)])
    for m in re.finditer(rf"(?<![\w-]){stem}", text):
        if m.start() != start and not re.search(r"(?:^|[.!?…]\s+|\n\s*)$", text[max(0, m.start() - 3) : m.start()]):
            return False
    return True


def _close_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing marks of quotes opened inside the span: АНО «Центр „Прозрачность“»."""
    while end < len(text):
        opened = [q for q in _QUOTE_PAIRS if q != '"' and text.count(q, start, end) > text.count(
            _QUOTE_PAIRS[q], start, end)]
        if opened and text[end] in {_QUOTE_PAIRS[q] for q in opened}:
            end += 1
            continue
        break
    return start, end


def _grow_quoted_name(text: str, start: int, end: int) -> int:
    """ "Фонд развития X «Перекрёсток»": a descriptive name headed by an organisation noun and
    followed by its quoted proper name."""
    m = re.match(r"\s?«[A-ZА-ЯЁ0-9][^«»\n]{0,60}»", text[end : end + 64])
    first = text[start:end].split(" ", 1)[0].lower()
    if m and not any(q in text[start:end] for q in "«»") and (
        first in COMPANY_FORMS or any(first.startswith(h) for h in _RU_ORG_NOUNS)
    ):
        return end + m.end()
    return end


def _tokens_between(doc: Any, start: int, end: int) -> list[Any]:
    starts = doc.__dict__.setdefault("_cg_starts", [t.start for t in doc.tokens])
    out = []
    for t in doc.tokens[bisect.bisect_left(starts, start) :]:
        if t.start >= end:
            break
        if t.stop <= end:
            out.append(t)
    return out


def _normalise_tokens(vocab: Any, toks: list[Any]) -> str:
    """Nominative of a short name; a lone word (often a quoted title the tagger reads as an
    adjective or misparses) takes pymorphy's first noun lemma instead."""
    from natasha.norm import normalize

    if len(toks) == 1:
        forms = vocab(toks[0].text.lower())
        noun = next((f for f in forms if f.pos in ("NOUN", "PROPN")), None)
        if noun is not None:
            lemma = str(noun.normal)
            return lemma[:1].upper() + lemma[1:] if toks[0].text[:1].isupper() else lemma
    return str(normalize(vocab, toks)) if toks else ""


def _quoted_normals(doc: Any, vocab: Any, start: int, end: int, surface: str) -> set[str]:
    """Nominative forms of the names in «» inside an organisation span."""
    out = set()
    for m in re.finditer(r"[«„]([^«»„“\n]{1,60})[»“]", surface):
        toks = [t for t in _tokens_between(doc, start + m.start(1), start + m.end(1)) if t.text not in "«»„“"]
        normal = _normalise_tokens(vocab, toks) if len(toks) <= 3 else m.group(1)
        out.add(normal.lower().replace("ё", "е"))
    return out


def _org_normal(doc: Any, vocab: Any, start: int, end: int, surface: str) -> str:
    """Nominative form of an organisation name. Only the words up to the head noun are inflected
    for case ("Министерства юстиции", "Фонда развития X"); the genitive words after it stay as
    written, and so does a legal form or a quoted name. natasha's normaliser gets agreement right
    for that prefix (adjective + noun) but also wrongly normalises the genitive tail, so the two
    are combined."""
    quote = min((i for i in (surface.find("«"), surface.find('"'), surface.find("„")) if i >= 0), default=-1)
    plain_end = start + quote if quote >= 0 else end
    toks = _tokens_between(doc, start, plain_end)
    if not toks or toks[0].text.isupper():
        return surface
    if len(toks) == 1 and quote < 0 and toks[0].text[:1].isupper():
        normal = _normalise_tokens(vocab, toks)  # «Периметра» -> «Периметр»
        if normal and _lemma_doubtful(vocab, toks[0].text, normal, doc.text):
            return surface  # "Альфы" -> "Альф" or "Альфа"? keep the name as written
        return normal[:1].upper() + normal[1:] if normal else surface
    head = next((i for i, tok in enumerate(toks) if tok.pos in ("NOUN", "PROPN")), 0)
    normal_words = _normalise_tokens(vocab, toks[: head + 1]).split()
    if len(normal_words) != head + 1:
        return surface
    if toks[head].pos == "PROPN" and _lemma_doubtful(vocab, toks[head].text, normal_words[head], doc.text):
        return surface  # "Ордынцев и партнёры" is not "Ордынец и партнёры": keep the name as written
    prefix = [w[:1].upper() + w[1:] if t.text[:1].isupper() else w
              for w, t in zip(normal_words, toks[: head + 1], strict=True)]
    rest = surface[toks[head].stop - start :]
    return (" ".join(prefix) + rest).strip()


def _lemma_doubtful(vocab: Any, word: str, normal: str, text: str) -> bool:
    """pymorphy2 offers several lemmas for the word ("Альфы": "альф" or "альфа"; "Ордынцев":
    "ордынец" or "ордынцев") and the text never writes the chosen one: the guess is not to be trusted."""
    if normal.lower() == word.lower():
        return False
    lemmas = {str(form.normal).lower() for form in vocab.parse(word.lower())}
    return len(lemmas) > 1 and not _in_text(text, normal)


def _in_text(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` as a whole word (any case, ё folded)."""
    fold = text.lower().replace("ё", "е")
    return re.search(rf"(?<![\w-]){re.escape(word.lower().replace('ё', 'е'))}(?![\w-])", fold) is not None


def _org_schema(name: str) -> str:
    low = name.lower()
    words = low.split()
    if words and words[0] in _NON_PROFIT_FORMS:
        return "Organization"
    if words and (words[0].strip('«"') in COMPANY_FORMS or words[-1] in COMPANY_FORMS):
        return "Company"
    if any(w in _RU_PUBLIC_HEADS for w in words) or _RU_PUBLIC_COMPOUND.match(name.split()[0] if name else ""):
        return "PublicBody"
    return "Organization"


def _initials(short: str, long: str) -> bool:
    """An initialism of the long name's words: "СЭИ" for "Северная экологическая инициатива",
    "ФПГ" for "Фонд президентских грантов" (connectors such as "и", "по" left out)."""
    if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
        return False
    words = [w for w in re.findall(r"[А-ЯЁа-яёA-Za-z]+", long) if w.lower() not in _CONNECTORS_RU]
    return len(words) >= 2 and "".join(w[0] for w in words).upper().replace("Ё", "Е") == short.replace("Ё", "Е")


_CONNECTORS_RU = frozenset("и по в на для при де of for and the".split())


def _abbreviates(short: str, long: str) -> bool:
    """Whether a compound abbreviation is built from the first letters of the long name's words:
    "Минюст" = "Мин(истерство) юст(иции)", "Минэкономразвития" = "Мин(истерство) эконом(ического)
    развития". Each piece is a prefix (two letters or more) of the next word, in order; the words
    left over may only be a territory or a second field ("Минтранс" = "министерство транспорта и
    дорожного хозяйства X области")."""
    s = short.lower().replace("ё", "е")
    raw = re.findall(r"[а-яёa-z]+", long, re.I)
    words = [w.lower().replace("ё", "е") for w in raw]
    if " " in short or len(words) < 2 or len(s) < 4:
        return False

    def fits(i: int, j: int) -> bool:
        if i == len(s):  # the whole name, or its head and first field before a territory or "и"
            return j == len(words) or (j >= 2 and (raw[j][:1].isupper() or raw[j] == "и"))
        if j == len(words):
            return False
        w = words[j]
        return any(s[i : i + k] == w[:k] and fits(i + k, j + 1) for k in range(min(len(w), len(s) - i), 1, -1))

    return fits(0, 0)


def _merge(groups: dict[str, _Group]) -> None:
    """Join groups that share a quoted name, and abbreviations with the names they shorten."""
    keys = list(groups)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    by_quote: dict[str, str] = {}
    for k in keys:
        g = groups[k]
        if g.schema == "Person":
            continue
        own = {n.strip("«»„“\" ").lower().replace("ё", "е") for n in g.names}
        for q in g.quoted | (own if not g.quoted and len(g.names) else set()):
            if q in by_quote:
                parent[find(k)] = find(by_quote[q])
            else:
                by_quote[q] = k
    orgs = [k for k in keys if groups[k].schema != "Person"]
    for a in orgs:
        for b in orgs:
            if a != b and any(_abbreviates(n, m) or _initials(n, m) for n in groups[a].names for m in groups[b].names):
                parent[find(a)] = find(b)
    # a short form by the head word: «Курьер» for «Вечерний курьер»
    tails: dict[str, list[str]] = {}
    for k in orgs:
        for n in groups[k].names:
            words = n.strip("«»\" ").lower().replace("ё", "е").split()
            if len(words) > 1:
                tails.setdefault(words[-1], []).append(k)
    for k in orgs:
        names = [n.strip("«»\" ").lower().replace("ё", "е") for n in groups[k].names]
        if all(len(n.split()) == 1 for n in names):
            owners = {find(o) for n in names for o in tails.get(n, [])}
            if len(owners) == 1:
                parent[find(k)] = owners.pop()
    for k in keys:
        root = find(k)
        if root != k:
            g, r = groups.pop(k), groups[root]
            r.names.update(g.names)
            r.spans.extend(g.spans)
            r.quoted |= g.quoted
            if r.schema == "Organization" and g.schema != "Organization":
                r.schema = g.schema


def _emit(ctx: DocContext, groups: dict[str, _Group]) -> None:
    for group in groups.values():
        names = group.names
        best = max(names, key=lambda n: (len(n.split()) + ("«" in n), names[n], -len(n)))
        if group.schema != "Person" and len(best.split()) == 1 and "«" not in best:
            best = best.strip("«»\"")
        pkey = party_key(best)
        spans = sorted(set(group.spans))
        first = _first_span(ctx.text, spans, best) or spans[0]
        seen = {best}
        aliases: list[tuple[str, Span]] = []
        for n in names:
            at = _first_span(ctx.text, spans, n)
            if n not in seen and at is not None:
                seen.add(n)
                aliases.append((n, Span(*at)))
        words = best.split()
        if len(words) > 1 and words[0].lower() in COMPANY_FORMS:  # "ООО «Ромашка»" -> "Ромашка"
            bare = best[len(words[0]) :].strip()
            bare = bare[1:-1] if bare[:1] == "«" and bare[-1:] == "»" else bare
            if bare not in seen:
                seen.add(bare)
                aliases.append((bare, Span(*first)))
        for s, e in spans:  # the inflected forms as written ("Периметра", "Ларисе Гнездиловой")
            surface = ctx.text[s:e]
            if surface[:1] == "«" and surface[-1:] == "»":
                surface = surface[1:-1]
            if surface not in seen and len(surface) > 1:
                seen.add(surface)
                aliases.append((surface, Span(s, e)))
        party = ctx.parties.get(pkey) or Party(
            key=pkey,
            schema=group.schema,
            name=best,
            name_span=Span(*first),
            aliases=aliases,
            confidence=0.9 if len(spans) >= 3 else 0.8,
        )
        for s, e in spans:
            mention = PartyMention(s, e, ctx.text[s:e], pkey)
            party.mentions.append(mention)
            ctx.mentions.append(mention)
        ctx.parties[pkey] = party


def _first_span(text: str, spans: list[tuple[int, int]], normal: str) -> tuple[int, int] | None:
    """Where a normal form was first written: the same text, else the first mention with as many
    words, each starting like the normal form's (inflection only changes endings)."""
    for s, e in spans:
        if text[s:e] == normal:
            return s, e
    want = normal.lower().split()
    for s, e in spans:
        got = text[s:e].lower().split()
        if len(got) == len(want) and all(a[:3] == b[:3] for a, b in zip(got, want, strict=True)):
            return s, e
    return None
