"""Claims set against each other by discourse markers, on sentences written for these tests."""

from __future__ import annotations

from casegraph.analyse.contradictions import find_contradictions
from casegraph.extract import claims
from casegraph.extract.context import DocContext, Party, PartyMention, QuoteDraft, Sentence, Span
from casegraph.model import Claim


def context(text: str, names: list[str]) -> DocContext:
    ctx = DocContext(text=text)
    start = 0
    for line in text.split("\n"):
        for part in line.split(". "):
            if part.strip():
                s = text.index(part, start)
                ctx.sentences.append(Sentence(s, s + len(part), part))
                start = s + len(part)
    for name in names:
        key = name.lower()
        first = text.index(name)
        ctx.parties[key] = Party(key, "Person", name, Span(first, first + len(name)))
        i = text.find(name)
        while i >= 0:
            ctx.mentions.append(PartyMention(i, i + len(name), name, key))
            i = text.find(name, i + 1)
    ctx.sort()
    return ctx


def test_denial_is_paired_with_the_claim_it_denies() -> None:
    text = ("Petrov told the Harbor Gazette that his charity received money from donors in Norway. "
            "The weather in the capital was mild that week. "
            "Later, Petrov denied that the charity had received any money from Norway at all.")
    ctx = context(text, ["Petrov"])
    claims.run(ctx)
    assert len(ctx.claims) == 2
    first, second = ctx.claims
    assert first.topic == second.topic and first.subject == "petrov"
    assert "donors in Norway" in first.text and "denied" in second.text
    for c in ctx.claims:
        assert text[c.start:c.end] == c.text


def test_parenthetical_contrast_splits_one_sentence() -> None:
    text = "Olsen said she filed the appeal with the regional court (though the registry shows the city court)."
    ctx = context(text, ["Olsen"])
    claims.run(ctx)
    texts = [c.text for c in ctx.claims]
    assert texts[0].startswith("Olsen said she filed the appeal") and texts[1].startswith("though the registry")


def test_however_without_a_related_earlier_sentence_yields_nothing() -> None:
    text = "Keel opened a bakery in 2010. However, the river flooded twice in spring."
    ctx = context(text, ["Keel"])
    claims.run(ctx)
    assert ctx.claims == []


def test_plain_text_without_markers_yields_nothing() -> None:
    text = "Keel opened a bakery in 2010. Keel sold the bakery in 2015."
    ctx = context(text, ["Keel"])
    claims.run(ctx)
    assert ctx.claims == []


def test_claims_sharing_a_topic_become_one_contradiction() -> None:
    a = Claim("ent-1", None, "contrast:10", "received money from donors in Norway", "doc", 10, 46)
    b = Claim("ent-1", None, "contrast:10", "denied receiving money from Norway", "doc", 60, 94)
    lone = Claim("ent-2", None, "contrast:99", "a lone claim", "doc", 99, 111)
    found = find_contradictions([a, b, lone])
    assert len(found) == 1
    assert found[0].subject == "ent-1" and [c.id for c in found[0].claims] == [a.id, b.id]
    assert "money" in (found[0].topic or "") and "norway" in (found[0].topic or "")


def quoted(ctx: DocContext, text: str, speaker: str) -> None:
    """Mark a quote found earlier in the pipeline (the quotes component runs before claims)."""
    start = ctx.text.index(text)
    ctx.quotes.append(QuoteDraft(speaker, None, text, "direct", start, start + len(text)))


def test_parenthetical_though_pairs_statements_of_one_speaker_to_two_outlets() -> None:
    text = ("In May, Olsen told the Harbor Gazette that she had never met the buyer. "
            "In an interview with a radio station in June, though, she said she had dined with him twice.")
    ctx = context(text, ["Olsen"])
    quoted(ctx, "she had never met the buyer", "olsen")
    quoted(ctx, "she had dined with him twice", "olsen")
    claims.run(ctx)
    assert [c.text[:14] for c in ctx.claims] == ["In May, Olsen ", "In an intervie"]
    assert {c.by for c in ctx.claims} == {"olsen"}


def test_negative_prefix_and_records_pair_with_the_statement_they_contradict() -> None:
    text = ("“We shipped every crate we were paid for,” said Brandt. He declined to say more. "
            "The customs register, however, lists six crates as unshipped.")
    ctx = context(text, ["Brandt"])
    claims.run(ctx)
    assert len(ctx.claims) == 2 and ctx.claims[0].text.startswith("“We shipped")


def test_anaphoric_denial_takes_the_sentence_before_and_the_quote_after() -> None:
    text = ("Olsen said she had warned the mayor about the conflict of interest.\n"
            "Keel flatly denied that. “Nobody warned me about anything at all,” Keel said.")
    ctx = context(text, ["Olsen", "Keel"])
    quoted(ctx, "Nobody warned me about anything at all,", "keel")
    claims.run(ctx)
    first, second = ctx.claims
    assert first.text.startswith("Olsen said") and second.text.startswith("Keel flatly denied that")
    assert second.text.endswith("Keel said") and second.by == "keel"


def test_russian_opposite_pairs_with_the_earlier_statement_of_the_same_person() -> None:
    text = ("Соколов заявил, что никогда не писал писем в прокуратуру.\n"
            "Однако в своём блоге Соколов писал обратное. «Я отправил письмо и горжусь этим», — говорилось в посте.")
    ctx = context(text, ["Соколов"])
    quoted(ctx, "Я отправил письмо и горжусь этим", "соколов")
    claims.run(ctx)
    first, second = ctx.claims
    assert first.text.startswith("Соколов заявил") and "горжусь" in second.text


def test_same_speaker_reversal_without_a_marker() -> None:
    text = ("Brandt said the harbour authority had approved the new terminal plan.\n"
            "Weeks later Brandt said the harbour authority had not approved the terminal plan.")
    ctx = context(text, ["Brandt"])
    quoted(ctx, "the harbour authority had approved the new terminal plan", "brandt")
    quoted(ctx, "the harbour authority had not approved the terminal plan", "brandt")
    claims.run(ctx)
    assert [c.topic for c in ctx.claims] == ["reversal:" + str(text.index("the harbour authority had not"))] * 2
