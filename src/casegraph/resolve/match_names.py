"""How alike two analysed names are: align their words, weigh what agrees against what differs.

The score of a pair of names is a weighted mean over the words of both: each aligned pair counts
its similarity, each word left over counts zero. What a left-over word weighs depends on what it
means. A patronymic, an initial or a legal form that only one side gives is weak evidence against
(sources often omit them); a word that the other name contradicts (Sergei vs Pavel, Holdings vs
Trading, 1 vs 2) weighs fully. That is what keeps hard negatives apart: "Sergei Ivanov" and
"Pavel Ivanov" share a surname but score 1/3; "Ivanov" and "Ionov" are two edits apart in six
letters, beyond the edit budget, and do not align at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import OSA, Levenshtein

from casegraph.resolve.names import (
    FAMILY,
    GIVEN,
    INITIAL,
    LEGAL,
    NUMBER,
    ORGWORD,
    PATRONYMIC,
    STOP,
    WORD,
    PName,
    Token,
)
from casegraph.resolve.names_text import consonants, edit_budget, is_cyrillic

# How much an aligned word of each role weighs.
_WEIGHT = {GIVEN: 1.0, FAMILY: 1.2, WORD: 1.0, PATRONYMIC: 0.5, INITIAL: 0.5, LEGAL: 0.1,
           ORGWORD: 0.6, NUMBER: 1.2, STOP: 0.0}
# How much a word only one side has weighs against the match when the other side says nothing
# that contradicts it; (weight when one word aligned, weight when two or more aligned).
_EXTRA = {GIVEN: (0.8, 0.35), FAMILY: (0.9, 0.5), WORD: (0.8, 0.35), PATRONYMIC: (0.15, 0.1),
          INITIAL: (0.3, 0.15), LEGAL: (0.1, 0.1), ORGWORD: (0.4, 0.3), NUMBER: (1.2, 1.2),
          STOP: (0.0, 0.0)}
_ORG_EXTRA = {WORD: (1.0, 0.8)}  # an extra distinctive word makes another organisation (Gazprom Neft)

SPELLING = 0.6  # a one-letter spelling variant of a six-letter word; longer words score a little more
MAX_NAMES = 64  # names per entity compared (OpenSanctions entities carry dozens of aliases)

_KIND_SCORE = {"exact": 1.0, "translit": 0.97, "inflection": 0.9, "name-variant": 0.9,
               "nickname": 0.75, "initial": 0.75, "legal form": 1.0, "feminine form": 0.6,
               "org word": 0.75}


@dataclass
class NameScore:
    score: float
    left: str = ""
    right: str = ""
    kinds: list[str] = field(default_factory=list)
    differs: list[tuple[str, str]] = field(default_factory=list)

    def reason(self) -> str:
        how = ", ".join(sorted(set(self.kinds))) or "no aligned word"
        text = f"name: {self.left!r}≈{self.right!r} ({how})"
        if self.differs:
            text += "; differs: " + ", ".join(f"{a!r}/{b!r}" if a and b else repr(a or b)
                                              for a, b in self.differs)
        return text


def token_similarity(a: Token, b: Token) -> tuple[float, str]:
    """Similarity of two words and the kind of evidence behind it ("" when they do not align)."""
    if a.role == LEGAL or b.role == LEGAL:
        if a.role == b.role and (a.skel == b.skel or not a.classes.isdisjoint(b.classes)):
            return 1.0, "legal form"
        return 0.0, ""
    if a.role == NUMBER or b.role == NUMBER:
        return (1.0, "exact") if a.skel == b.skel else (0.0, "")
    if a.skel == b.skel:
        if a.text == b.text:
            return 1.0, ("exact" if a.form == b.form else "translit")
        return _KIND_SCORE["translit"], "translit"
    if a.skel in b.readings or b.skel in a.readings or a.readings & b.readings:
        return _KIND_SCORE["translit"] - 0.02, "translit"
    if a.role == INITIAL or b.role == INITIAL:
        if not a.initials.isdisjoint(b.initials):
            return _KIND_SCORE["initial"], "initial"
        return 0.0, ""
    if a.skel in b.variants or b.skel in a.variants or (a.variants & b.variants):
        if is_cyrillic(a.form) or is_cyrillic(b.form):
            return _KIND_SCORE["inflection"], "inflection"
        # Latin text does not decline surnames: Ionova next to Ionov is a woman next to a man.
        return _KIND_SCORE["feminine form"], "feminine form"
    if not a.orgwords.isdisjoint(b.orgwords):
        return _KIND_SCORE["org word"], "org word"
    if not a.names.isdisjoint(b.names):
        return _KIND_SCORE["name-variant"], "name-variant"
    if not a.nicks.isdisjoint(b.nicks):
        return _KIND_SCORE["nickname"], "nickname"
    return _spelling(a, b)


def _spelling(a: Token, b: Token) -> tuple[float, str]:
    """Two spellings of one word that no transliteration rule explains: a typo, or another name.

    Scored below an explained variant (``SPELLING``): one letter is what tells Malkevich from
    Malkovich, so a spelling variant alone makes a candidate, and needs other agreeing words or
    facts to become a match. Short words may differ only in vowels, an added suffix is another
    word, and two given names rigour knows as different names (Maria / Mario) must end alike.
    """
    named_apart = bool(a.names and b.names and a.role == GIVEN and b.role == GIVEN)
    best = 0.0
    for x in {a.skel} | a.readings:
        for y in {b.skel} | b.readings:
            if named_apart and x[-1:] != y[-1:]:
                continue
            best = max(best, _edit_score(x, y))
    return (best, "spelling") if best > 0 else (0.0, "")


def _edit_score(x: str, y: str) -> float:
    longest = max(len(x), len(y))
    budget = edit_budget(longest)
    if budget == 0:
        return 0.0
    distance = OSA.distance(x, y, score_cutoff=budget)  # a swap of two letters is one edit
    if distance > budget:
        return 0.0
    short, long = sorted((x, y), key=len)
    if long.startswith(short) and len(long) - len(short) >= 2:
        return 0.0  # an added suffix is another word: Abramov / Abramovich
    consonant_budget = 0 if longest <= 8 else 1
    if Levenshtein.distance(consonants(x), consonants(y)) > consonant_budget:
        return 0.0
    return SPELLING * (1.0 - distance / longest) / (1.0 - 1.0 / 6)


def _align(left: tuple[Token, ...], right: tuple[Token, ...]) -> tuple[
        list[tuple[Token, Token, float, str]], list[Token], list[Token]]:
    """Greedy best-first alignment of words, each used once (names are short: this is exact enough)."""
    scored = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            score, kind = token_similarity(a, b)
            if score > 0:
                scored.append((score, i, j, kind))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for score, i, j, kind in scored:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        pairs.append((left[i], right[j], score, kind))
    rest_l = [t for i, t in enumerate(left) if i not in used_l]
    rest_r = [t for j, t in enumerate(right) if j not in used_r]
    return pairs, rest_l, rest_r


def _joined(rest_l: list[Token], rest_r: list[Token]) -> tuple[Token, Token, float, str] | None:
    """Left-over words that are one word written apart (Hao-ran / Haoran, Abd al-Rahman /
    Abdulrahman): compare them joined, in order, as one word."""
    if not rest_l or not rest_r or len(rest_l) + len(rest_r) < 3:
        return None
    left = rest_l[0]._replace(skel="".join(t.skel for t in rest_l), readings=frozenset(), names=frozenset())
    right = rest_r[0]._replace(skel="".join(t.skel for t in rest_r), readings=frozenset(), names=frozenset())
    if left.skel == right.skel:
        return left, right, 0.95, "spacing"
    score, _ = _spelling(left, right)
    return (left, right, score, "spacing") if score > 0 else None


def _with_stops(name: PName, rest: list[Token]) -> list[Token]:
    """The left-over words with the particles between them (Abd al-Rahman), in name order."""
    if not rest:
        return rest
    positions = [i for i, t in enumerate(name.tokens) if t in rest]
    span = name.tokens[positions[0]:positions[-1] + 1]
    return [t for t in span if t in rest or t.role == STOP]


def _pair_weight(a: Token, b: Token) -> float:
    return max(_WEIGHT.get(a.role, 1.0), _WEIGHT.get(b.role, 1.0))


def _extra_weight(token: Token, kind: str, aligned: int, contradicted: bool) -> float:
    if contradicted:
        return _WEIGHT.get(token.role, 1.0)
    if token.role == ORGWORD and any(s.startswith("LOC:") for s in token.orgwords):
        return 0.2  # "of Russia", "Moscow": a place qualifier is often left out
    table = _ORG_EXTRA if kind == "ORG" and token.role in _ORG_EXTRA else _EXTRA
    one, many = table.get(token.role, _EXTRA[WORD])
    return one if aligned <= 1 else many


def _contradicts(rest: list[Token], other_rest: list[Token]) -> bool:
    """Left-over words contradict when the other side has a left-over word of a comparable role."""
    strong = {GIVEN, FAMILY, WORD, INITIAL, ORGWORD, NUMBER}
    mine = {t.role for t in rest if t.role in strong}
    theirs = {t.role for t in other_rest if t.role in strong}
    if not mine or not theirs:
        patronymics = any(t.role == PATRONYMIC for t in rest) and any(
            t.role == PATRONYMIC for t in other_rest)
        return patronymics
    return True


def _acronym_score(left: PName, right: PName) -> tuple[float, str]:
    """One name is the acronym of the other (ФБК / Фонд борьбы с коррупцией, FBI), or its Russian
    syllabic abbreviation (Минюст / Министерство юстиции, Генпрокуратура / Генеральная прокуратура)."""
    for short, long in ((left, right), (right, left)):
        content = short.content
        if len(content) != 1 or len(content[0].skel) < 2:
            continue
        if long.acronym and content[0].skel == long.acronym:
            return 0.9, "acronym"
        words = [t.form for t in long.content]
        if len(words) >= 2 and len(content[0].form) >= 5 and _syllabic(content[0].form, words):
            return 0.85, "abbreviation"
    return 0.0, ""


def _syllabic(word: str, words: list[str]) -> bool:
    """``word`` is the words' beginnings run together, in order, each at least two letters; the last
    may be whole (Мин+юст, Ген+прокуратура). Written in the same script only."""
    if not words:
        return not word
    head, rest = words[0], words[1:]
    for size in range(min(len(head), len(word)), 1, -1):
        if word.startswith(head[:size]) and _syllabic(word[size:], rest):
            return True
    return False


def compare_names(left: PName, right: PName) -> NameScore:
    """Score one name against another (0..1) with the evidence for the reasons line."""
    lt = tuple(t for t in left.tokens if t.role != STOP)
    rt = tuple(t for t in right.tokens if t.role != STOP)
    if not lt or not rt:
        return NameScore(0.0, left.original, right.original)
    result = NameScore(0.0, left.original, right.original)
    if (left.kind == "ORG" and left.content and len(left.content) != len(right.content)
            and "".join(t.skel for t in left.content) == "".join(t.skel for t in right.content)):
        result.score, result.kinds = 0.95, ["spacing"]
        return result
    pairs, rest_l, rest_r = _align(lt, rt)
    options = [_joined(rest_l, rest_r), _joined(_with_stops(left, rest_l), _with_stops(right, rest_r))]
    joined = max((o for o in options if o), key=lambda o: o[2], default=None)
    if joined:
        pairs.append(joined)
        rest_l, rest_r = [], []
    aligned = sum(1 for a, b, _, _ in pairs if a.role not in (LEGAL, INITIAL))
    contradicted = _contradicts(rest_l, rest_r)
    total = weight_sum = 0.0
    for a, b, score, kind in pairs:
        weight = _pair_weight(a, b)
        total += weight * score
        weight_sum += weight
        result.kinds.append(kind)
    for token in rest_l + rest_r:
        weight_sum += _extra_weight(token, left.kind, aligned, contradicted)
    if contradicted:
        strong = [t for t in rest_l + rest_r if t.role not in (LEGAL, STOP)]
        left_words = [t.form for t in rest_l if t in strong]
        right_words = [t.form for t in rest_r if t in strong]
        result.differs.append((" ".join(left_words), " ".join(right_words)))
    score = total / weight_sum if weight_sum else 0.0
    if aligned == 0:
        score = min(score, 0.3)  # legal forms or initials alone identify nobody
    acronym, how = _acronym_score(left, right)
    if acronym > score:
        result.kinds, result.differs, score = [how], [], acronym
    result.score = round(score, 4)
    return result


def _signals(name: PName) -> frozenset[str]:
    """Cheap evidence two names might align: word skeletons, their first three letters, inflection
    variants and rigour symbols. Pairs of names that share none are not worth a full alignment."""
    found: set[str] = set()
    for token in name.tokens:
        if token.role == STOP:
            continue
        found.add(token.skel)
        found.add(token.skel[:3])
        found.update(token.variants)
        found.update(token.names)
        found.update(token.orgwords)
    if name.acronym:
        found.add(name.acronym)
    return frozenset(found)


def best_name_score(lefts: list[PName], rights: list[PName]) -> NameScore:
    """The best-scoring pair of names of two entities (every alias counts, in a fixed order)."""
    best = NameScore(-1.0)
    if lefts and rights:
        best = NameScore(-1.0, lefts[0].original, rights[0].original)
    right_signals = [(right, _signals(right)) for right in rights[:MAX_NAMES]]
    for left in lefts[:MAX_NAMES]:
        signals = _signals(left)
        for right, other in right_signals:
            if not signals & other and len(lefts) * len(rights) > 4:
                continue
            score = compare_names(left, right)
            if score.score > best.score:
                best = score
                if best.score >= 1.0:
                    return best
    best.score = max(best.score, 0.0)
    return best
