"""Whether two FtM entities are one party: a score in 0..1 with the reasons a reviewer reads.

Pure functions with no store behind them: automatic resolution inside a case (identity) and
``casegraph xref`` against a reference list both call :func:`compare` and :func:`blocking_keys`.

The score starts from the best pair of names (``match_names``: aligned words in any script,
transliteration and inflection) and is then moved by the facts both records give
(``match_facts``): a shared registry number pulls it towards 1, a different INN or birth year
pushes it towards 0, countries nudge it. Schemata that cannot describe one thing (a Person and a
Company) score 0 before any name is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema

from casegraph.resolve.match_facts import AGREES, Evidence, all_evidence
from casegraph.resolve.match_names import NameScore, best_name_score
from casegraph.resolve.names import PName, entity_names, name_blocking_keys

__all__ = ["CANDIDATE_THRESHOLD", "MATCH_THRESHOLD", "XREF_THRESHOLD", "Match", "Profile", "blocking_keys",
           "common_schema", "compare", "compare_profiles", "is_matchable", "profile"]

# At or above: one party (automatic merge, ``"match": true`` in xref).
MATCH_THRESHOLD = 0.8
# At or above: ``"match": true`` when screening the case against a reference list (xref). Lower than
# the automatic merge, because an xref verdict is read by a person (and ``--accept`` is a reviewer's act),
# while an automatic merge is not: on the labelled pairs in bench/names it is where precision and recall
# balance (bench/bench_match.py, docs/benchmarks.md), whereas merges stay at the stricter MATCH_THRESHOLD.
XREF_THRESHOLD = 0.75
# At or above (and below MATCH_THRESHOLD): a candidate a reviewer should look at.
CANDIDATE_THRESHOLD = 0.55

# How each verdict moves the score: agreement shrinks the distance to 1 by the factor, a
# difference multiplies the score by it.
_AGREE = {"strong": 0.25, "weak": 0.75}
_DIFFER = {"strong": 0.5, "weak": 0.85}
_DATE_AGREE = {"strong": 0.6, "weak": 0.85}
_DATE_DIFFER = {"strong": 0.55, "weak": 0.75}
_COUNTRY = (0.9, 0.88)  # agreement factor; a person's difference factor
_COUNTRY_STRONG = 0.7   # an organisation's different jurisdiction


@dataclass
class Match:
    score: float
    reasons: list[str] = field(default_factory=list)
    schema: str | None = None  # the schema the merged entity would have

    @property
    def is_match(self) -> bool:
        return self.score >= MATCH_THRESHOLD


def is_matchable(entity: EntityProxy) -> bool:
    """Parties only: people, organisations, companies, public bodies (not relations or documents)."""
    return bool(entity.schema.is_a("LegalEntity"))


def common_schema(a: Schema, b: Schema) -> Schema | None:
    """The schema one entity described by both would have, or None when none can (Person/Company)."""
    if not a.can_match(b) and not b.can_match(a):
        return None
    try:
        return model.common_schema(a, b)
    except InvalidData:
        return None


def _kinds(schema: Schema) -> tuple[str, ...]:
    if schema.is_a("Person"):
        return ("PER",)
    if schema.name == "LegalEntity":
        return ("PER", "ORG")  # may still turn out to be a person
    return ("ORG",)


def _combine(score: float, evidence: list[Evidence]) -> float:
    for ev in evidence:
        label = ev.reason.split(" ", 1)[0]
        is_date = label.endswith("Date")
        is_country = label == "country"
        if ev.verdict == AGREES:
            if is_country:
                factor = _COUNTRY[0]
            elif is_date:
                factor = _DATE_AGREE[ev.strength]
            else:
                factor = _AGREE[ev.strength] if score >= 0.3 else 1.0
            score = 1.0 - (1.0 - score) * factor
        else:
            if is_country:
                factor = _COUNTRY[1] if ev.strength == "weak" else _COUNTRY_STRONG
            elif is_date:
                factor = _DATE_DIFFER[ev.strength]
            else:
                factor = _DIFFER[ev.strength]
            score *= factor
    return max(0.0, min(1.0, score))


@dataclass
class Profile:
    """An entity with its names analysed once, for comparing one entity with many."""

    entity: EntityProxy
    names: dict[str, list[PName]]


def profile(entity: EntityProxy) -> Profile:
    return Profile(entity, {kind: entity_names(entity, kind) for kind in _kinds(entity.schema)})


def _names(side: Profile, kind: str) -> list[PName]:
    found = side.names.get(kind)
    if found is None:
        found = side.names[kind] = entity_names(side.entity, kind)
    return found


def compare_profiles(a: Profile, b: Profile) -> Match:
    """:func:`compare` on profiles, so an index or a loop analyses each entity's names once."""
    schema = common_schema(a.entity.schema, b.entity.schema)
    if schema is None:
        return Match(0.0, [f"schemata differ: {a.entity.schema.name} / {b.entity.schema.name}"])
    best = NameScore(-1.0)
    for kind in _kinds(schema):
        found = best_name_score(_names(a, kind), _names(b, kind))
        if found.score > best.score:
            best = found
    best.score = max(best.score, 0.0)
    reasons = [best.reason()] if best.left else ["no names to compare"]
    evidence = all_evidence(a.entity, b.entity)
    score = _combine(best.score, evidence)
    reasons.extend(ev.reason for ev in evidence)
    return Match(round(score, 4), reasons, schema.name)


def compare(a: EntityProxy, b: EntityProxy) -> Match:
    """Score two entities as one party (0..1) and say why."""
    return compare_profiles(profile(a), profile(b))


def profile_keys(side: Profile) -> set[str]:
    """The name keys of every name, plus each person key joined with a birth year.

    A common name's key is shared by thousands of entities in a large list, so on its own it ranks
    the right one no better than its namesakes; the year-qualified key is shared by few, so a party
    with a birth date ranks the listed entity born that year above namesakes born in others or
    without a date. Every year key implies its plain key, so no new pairs are compared.
    """
    keys: set[str] = set()
    for names in side.names.values():
        for name in names:
            keys |= name_blocking_keys(name)
    years = {d[:4] for d in side.entity.get("birthDate", quiet=True) if d[:4].isdigit()}
    if years:
        keys |= {f"{k}#{y}" for k in keys if k.startswith("p:") for y in years}
    return keys


def blocking_keys(entity: EntityProxy) -> set[str]:
    """Keys two records of one party share whatever the script, transliteration or case ending.

    Resolution and xref compare only entities that share at least one key, which keeps them
    sub-quadratic; ``names.name_blocking_keys`` says which keys a name gives.
    """
    return profile_keys(profile(entity))
