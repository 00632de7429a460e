"""Ties stated in passing (relations_passing), on sentences written for these tests; each table row is
(sentence, parties, expected (schema, subject, object) or None for a sentence that states no tie)."""

from __future__ import annotations

import pytest

from casegraph.extract import relations_passing
from casegraph.extract.context import DocContext

from .builders import build

PROPS = {"Directorship": ("director", "organization"), "Ownership": ("owner", "asset"),
         "Membership": ("member", "organization"), "Employment": ("employee", "employer"),
         "Representation": ("agent", "client"), "Associate": ("person", "associate"),
         "UnknownLink": ("subject", "object"), "Family": ("person", "relative")}


def ties(ctx: DocContext) -> set[tuple[str, str, str]]:
    relations_passing.run(ctx)
    out = set()
    for d in ctx.drafts:
        sp, op = PROPS[d.schema]
        out |= {(d.schema, ctx.parties[s].name, ctx.parties[o].name) for s in d.refs(sp) for o in d.refs(op)}
    return out


PER, ORG = "Person", "Organization"
CASES = [
    ("The Harbour Council-linked developer Ivo Kast won the bid.", {"Harbour Council": ORG, "Ivo Kast": PER},
     ("UnknownLink", "Ivo Kast", "Harbour Council")),
    ("The Pine Group-owned channel Radio Vega went dark.", {"Pine Group": ORG, "Radio Vega": ORG},
     ("Ownership", "Pine Group", "Radio Vega")),
    ("Radio Vega, a subsidiary of Pine Group, went dark.", {"Pine Group": ORG, "Radio Vega": ORG},
     ("Ownership", "Pine Group", "Radio Vega")),
    ("The Open Ledger is a project of the Civic Data Trust.", {"Open Ledger": ORG, "Civic Data Trust": ORG},
     ("Ownership", "Civic Data Trust", "Open Ledger")),
    ("Pine Group's charity arm, Green Hands, paid for it.", {"Pine Group": ORG, "Green Hands": ORG},
     ("Ownership", "Pine Group", "Green Hands")),
    ("The tender went to Stark Works, a firm with close ties to Ivo Kast.", {"Stark Works": ORG, "Ivo Kast": PER},
     ("UnknownLink", "Stark Works", "Ivo Kast")),
    ("Lena Dorn has longstanding links with Ivo Kast, colleagues say.", {"Lena Dorn": PER, "Ivo Kast": PER},
     ("Associate", "Lena Dorn", "Ivo Kast")),
    ("Stark Works signed the lease on behalf of Pine Group.", {"Stark Works": ORG, "Pine Group": ORG},
     ("Representation", "Stark Works", "Pine Group")),
    ("Ivo Kast was hired in May. He lobbied for Pine Group in the capital.", {"Ivo Kast": PER, "Pine Group": ORG},
     ("Representation", "Ivo Kast", "Pine Group")),
    ("ООО Вега, дочерняя компания Сосновой группы, закрылась.", {"ООО Вега": ORG, "Сосновой группы": ORG},
     ("Ownership", "Сосновой группы", "ООО Вега")),
    ("Фонд Рассвет, аффилированный с Иваном Котовым, получил грант.", {"Фонд Рассвет": ORG, "Иваном Котовым": PER},
     ("UnknownLink", "Фонд Рассвет", "Иваном Котовым")),
    ("Radio Vega, a regional broadcaster that is a subsidiary of Pine Group, went dark.",
     {"Radio Vega": ORG, "Pine Group": ORG}, ("Ownership", "Pine Group", "Radio Vega")),
    ("Ivo Kast, a lawyer at the firm Stark Works, filed a suit at the Harbour Court on behalf of Pine Group.",
     {"Ivo Kast": PER, "Stark Works": ORG, "Harbour Court": ORG, "Pine Group": ORG},
     ("Representation", "Ivo Kast", "Pine Group")),
    # negatives: no tie, or one denied
    ("Radio Vega, a broadcaster that is not a subsidiary of Pine Group, went dark.",
     {"Radio Vega": ORG, "Pine Group": ORG}, None),
    ("Radio Vega denied that it has any ties to Pine Group.", {"Radio Vega": ORG, "Pine Group": ORG}, None),
    ("Radio Vega and Pine Group both filed reports on May 2.", {"Radio Vega": ORG, "Pine Group": ORG}, None),
    ("Radio Vega is not a subsidiary of Pine Group.", {"Radio Vega": ORG, "Pine Group": ORG}, None),
    ("Ivo Kast, a subsidiary of nothing, met Pine Group.", {"Ivo Kast": PER, "Pine Group": ORG}, None),
]


@pytest.mark.parametrize(("text", "parties", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_tie_in_passing(text: str, parties: dict[str, str], expected: tuple[str, str, str] | None) -> None:
    found = ties(build(text, parties, language="ru" if any("а" <= c <= "я" for c in text) else "en"))
    if expected is None:
        assert found == set()
    else:
        assert expected in found
