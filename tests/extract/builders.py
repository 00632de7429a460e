"""Hand-built extraction contexts shared by the frame tests (relations, designations, events).

Those tests exercise one component on sentences written for them, without running the party or date
extractors: this builder marks the parties and dates by hand, so a failure points at the component
under test. Test modules import it relatively (``from .builders import build``), which works under
pytest's ``--import-mode=importlib`` because ``tests/extract`` is a package."""

from __future__ import annotations

import re

from casegraph.extract.context import DateMention, DocContext, Party, PartyMention, Span, party_key


def build(text: str, parties: dict[str, str], dates: dict[str, str] | None = None,
          language: str = "en") -> DocContext:
    """A context with every occurrence of each party name (and its last word for people) marked,
    and the given date expressions normalised."""
    ctx = DocContext(text=text, language=language)
    for name, schema in sorted(parties.items(), key=lambda item: -len(item[0])):
        key = party_key(name)
        first = text.index(name)  # longest names first, so "Kane" never claims "Kane Logistics"
        party = Party(key, schema, name, Span(first, first + len(name)))
        ctx.parties[key] = party
        forms = [name] + ([name.split()[-1]] if schema == "Person" and " " in name else [])
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                if any(x.start <= m.start() < x.end for x in ctx.mentions):
                    continue
                mention = PartyMention(m.start(), m.end(), form, key)
                party.mentions.append(mention)
                ctx.mentions.append(mention)
    for expr, value in (dates or {}).items():
        for m in re.finditer(re.escape(expr), text):
            ctx.dates.append(DateMention(m.start(), m.end(), expr, value))
    ctx.sort()
    return ctx


RELATIONS = ("relations", "relations_clauses", "relations_dep", "relations_ru")


def run(ctx: DocContext, *names: str) -> DocContext:
    """Run the named registered components in order (the relation components by default)."""
    from casegraph.extract import pipeline

    return pipeline.run_components(ctx, names or RELATIONS)
