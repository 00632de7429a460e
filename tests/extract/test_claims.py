"""Claims set against each other by discourse markers, on sentences written for these tests."""

from __future__ import annotations

from casegraph.analyse.contradictions import find_contradictions
from casegraph.extract import claims
from casegraph.extract.claims_cues import quantities, quantity_conflict
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


def test_different_story_takes_the_next_sentence_and_pairs_on_differing_figures() -> None:
    text = ("Keel has said that 70 per cent of the shelter's income comes from abroad. "
            "The weather in the capital was mild that week.\n"
            "The shelter's audited accounts tell a different story. "
            "They show foreign donations made up 20 per cent of its income.")
    ctx = context(text, ["Keel"])
    quoted(ctx, "70 per cent of the shelter's income comes from abroad", "keel")
    claims.run(ctx)
    first, second = ctx.claims
    assert first.text.startswith("Keel has said") and second.text.endswith("20 per cent of its income")


def test_put_it_differently_answers_the_statement_right_before() -> None:
    text = ("Olsen joined the board in 2016. A company statement said she left for family reasons. "
            "Olsen put it differently: she resigned after the chairman threatened her contracts.")
    ctx = context(text, ["Olsen"])
    claims.run(ctx)
    assert [c.text[:20] for c in ctx.claims] == ["A company statement ", "Olsen put it differe"]


def test_a_partys_own_record_contradicts_its_quoted_claim() -> None:
    text = ("“The licence was awarded after an open tender with five bidders,” Brandt told reporters. "
            "The ministry's own tender register records a single bid for the licence.")
    ctx = context(text, ["Brandt"])
    quoted(ctx, "The licence was awarded after an open tender with five bidders,", "brandt")
    claims.run(ctx)
    assert [c.text[:12] for c in ctx.claims] == ["“The licence", "The ministry"]


def test_a_record_without_a_contrast_needs_a_fitting_claim() -> None:
    text = ("“We opened two new branches this spring,” Brandt said. "
            "The company register lists its office in the old harbour.")
    ctx = context(text, ["Brandt"])
    quoted(ctx, "We opened two new branches this spring,", "brandt")
    claims.run(ctx)
    assert ctx.claims == []


def test_russian_denial_of_this_version_pairs_with_the_nearest_claim_and_its_quote() -> None:
    text = ("По словам Соколова, работы задержались, потому что заказчик изменил проект. "
            "Документов об этом компания не предоставила.\n"
            "Министерство эту версию опровергает. «Проект никто не менял, сроки остались прежними», — сказал Петров.")
    ctx = context(text, ["Соколов", "Петров"])
    quoted(ctx, "работы задержались, потому что заказчик изменил проект", "соколов")
    quoted(ctx, "Проект никто не менял, сроки остались прежними", "петров")
    claims.run(ctx)
    first, second = ctx.claims
    assert first.text.startswith("По словам") and "сроки остались" in second.text


def test_a_speakers_own_but_inside_a_quote_is_not_a_contradiction() -> None:
    text = "“We were proud of the shelter and its work. But the pressure on our families grew too much,” Keel said."
    ctx = context(text, ["Keel"])
    quoted(ctx, "We were proud of the shelter and its work. But the pressure on our families grew too much,", "keel")
    claims.run(ctx)
    assert ctx.claims == []


def test_a_turn_of_the_story_inside_a_sentence_is_not_a_contradiction() -> None:
    text = "Keel himself was not sued, but the orders dried up within a month of the ruling."
    ctx = context(text, ["Keel"])
    claims.run(ctx)
    assert ctx.claims == []


def test_quantities_ignore_dates_and_compare_units() -> None:
    assert quantities("It is dated February 27, 2017.") == set()
    assert quantity_conflict(quantities("more than 60 per cent"), quantities("31 per cent")) == 2
    assert quantity_conflict(quantities("four companies took part"), quantities("a single bid")) == 1
    assert quantity_conflict(quantities("12,4 млн рублей"), quantities("12,4 млн рублей")) == 0


def test_few_pairs_are_kept_per_document() -> None:
    sentences = []
    for i in range(12):
        sentences.append(f"Olsen told reporter number {i} that the harbour deal number {i} was clean and lawful. ")
        sentences.append(f"Olsen later denied that the harbour deal number {i} was clean and lawful.\n")
    ctx = context("".join(sentences), ["Olsen"])
    claims.run(ctx)
    assert len({c.topic for c in ctx.claims}) == claims.PER_DOCUMENT


def test_counts_of_things_and_magnitudes_keep_their_noun() -> None:
    assert ("#pump", 90.0) in quantities("the agency said all 90 pumps were installed")
    assert quantities("in 2019 inspectors found nothing") == set()
    assert quantity_conflict(quantities("90 pumps arrived"), quantities("only 30 pumps arrived")) == 2
    # thousands of euros and thousands of roubles measure different things
    assert quantity_conflict(quantities("получила 18 тыс. евро"), quantities("субсидию в 650 тыс. рублей")) == 0


def test_audit_figure_answers_an_unattributed_statement() -> None:
    text = ("Kessler Water manages the city pumps. "
            "In March, its spokesman told reporters that all 90 pumps were installed and working across the city. "
            "The audit, finished in May, had recorded only 30 pumps installed.")
    ctx = context(text, ["Kessler Water"])
    claims.run(ctx)
    said = [c.text for c in ctx.claims]
    assert any("90 pumps" in t for t in said) and any("30 pumps" in t for t in said)


def test_gated_cue_searches_agree_with_the_full_patterns() -> None:
    from casegraph.extract import claims_cues as cues

    sentences = [
        "The council rejected those claims.", "Bank statements showed the transfer.", "He tells a different story.",
        "Минтранс эту версию опровергает.", "По данным реестра, фирма закрыта.", "The weather was mild.",
        "She said it was untrue.", "Ledger entries record two payments.", "Это расходится с его словами.",
    ]
    for text in sentences:
        assert bool(cues.denial(text)) == bool(cues.DENIAL.search(text)), text
        assert bool(cues.announce(text)) == bool(cues.ANNOUNCE.search(text)), text
        assert bool(cues.evidence(text)) == bool(cues.EVIDENCE.search(text)), text
