"""Evidence beyond the name: identifiers, dates of birth or incorporation, countries, gender.

Each check returns a verdict ("agrees", "differs" or nothing to say) and a reason line. A name match
says two records *may* be one party; these facts settle it: one INN is nearly proof, two different
birth years are nearly disproof. How the verdicts move the score is ``match.combine``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

# Registry numbers one party has exactly one of: two different values mean two parties.
STRONG_IDS = frozenset({"innCode", "ogrnCode", "leiCode", "swiftBic", "imoNumber", "taxNumber",
                        "okpoCode", "vatCode", "npiCode", "uniqueEntityId", "isinCode"})
# Numbers a party may hold several of (passports, registrations in several places).
WEAK_IDS = frozenset({"registrationNumber", "idNumber", "passportNumber", "socialSecurityNumber",
                      "bikCode", "kppCode", "permId", "wikidataId", "opencorporatesUrl"})
DATE_PROPS = ("birthDate", "incorporationDate", "deathDate", "dissolutionDate")
_NON_ALNUM = re.compile(r"[^0-9A-Z]")

AGREES, DIFFERS = "agrees", "differs"


@dataclass(frozen=True)
class Evidence:
    verdict: str       # AGREES or DIFFERS
    strength: str      # "strong" or "weak"
    reason: str


def _clean_id(value: str) -> str:
    return _NON_ALNUM.sub("", value.upper())


def _ids(entity: EntityProxy) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for prop, value in entity.itervalues():
        if prop.type == registry.identifier or prop.name in STRONG_IDS or prop.name in WEAK_IDS:
            clean = _clean_id(value)
            if len(clean) >= 4:
                found.setdefault(prop.name, set()).add(clean)
    return found


def identifier_evidence(a: EntityProxy, b: EntityProxy) -> list[Evidence]:
    ids_a, ids_b = _ids(a), _ids(b)
    if not ids_a or not ids_b:
        return []
    every_b = {v: p for p, vs in ids_b.items() for v in vs}
    for prop, values in sorted(ids_a.items()):
        for value in sorted(values):
            if value in every_b:
                other = every_b[value]
                strength = "strong" if prop in STRONG_IDS or other in STRONG_IDS else "weak"
                label = prop if prop == other else f"{prop}/{other}"
                return [Evidence(AGREES, strength, f"{label} agrees ({value})")]
    found = []
    for prop in sorted(set(ids_a) & set(ids_b)):
        strength = "strong" if prop in STRONG_IDS else "weak"
        found.append(Evidence(DIFFERS, strength, f"{prop} differs"))
    return found


def _date_relation(x: str, y: str) -> str:
    """"same" (agree to the precision both give), "month" (same year, other month or day), "year"."""
    short = min(len(x), len(y))
    if x[:short] == y[:short]:
        return "same"
    if x[:4] == y[:4]:
        return "month"
    return "year"


def date_evidence(a: EntityProxy, b: EntityProxy) -> list[Evidence]:
    found = []
    for prop in DATE_PROPS:
        va = [v for v in a.get(prop, quiet=True) if len(v) >= 4]
        vb = [v for v in b.get(prop, quiet=True) if len(v) >= 4]
        if not va or not vb:
            continue
        relations = {_date_relation(x, y) for x in va for y in vb}
        if "same" in relations:
            precise = any(len(x) >= 10 and x[:10] in {y[:10] for y in vb} for x in va)
            found.append(Evidence(AGREES, "strong" if precise else "weak", f"{prop} agrees"))
        elif "month" in relations:
            found.append(Evidence(DIFFERS, "weak", f"{prop} differs (same year)"))
        else:
            found.append(Evidence(DIFFERS, "strong", f"{prop} differs"))
    return found


def country_evidence(a: EntityProxy, b: EntityProxy) -> list[Evidence]:
    ca = set(a.get_type_values(registry.country))
    cb = set(b.get_type_values(registry.country))
    if not ca or not cb:
        return []
    if ca & cb:
        return [Evidence(AGREES, "weak", "country agrees (" + ", ".join(sorted(ca & cb)) + ")")]
    # A person moves and holds several nationalities; a company or public body belongs to one
    # jurisdiction, so a Vektor LLC in Cyprus is not the Vektor LLC in Russia.
    strength = "weak" if a.schema.is_a("Person") or b.schema.is_a("Person") else "strong"
    return [Evidence(DIFFERS, strength, "country differs")]


def gender_evidence(a: EntityProxy, b: EntityProxy) -> list[Evidence]:
    ga = set(a.get("gender", quiet=True)) - {"other"}
    gb = set(b.get("gender", quiet=True)) - {"other"}
    if ga and gb and not (ga & gb):
        return [Evidence(DIFFERS, "weak", "gender differs")]
    return []


def all_evidence(a: EntityProxy, b: EntityProxy) -> list[Evidence]:
    return (identifier_evidence(a, b) + date_evidence(a, b) + country_evidence(a, b)
            + gender_evidence(a, b))
