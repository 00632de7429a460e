"""Quotes: direct and reported speech with speaker, audience and date (sentences written for the tests)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from casegraph.extract import quotes
from casegraph.extract.context import DateMention, DocContext, Party, PartyMention, QuoteDraft, Span

# key -> (schema, surface forms as they appear in the test sentences)
PARTIES = {
    "petrova": ("Person", ["Maria Petrova", "Petrova"]),
    "kuznetsov": ("Person", ["Oleg Kuznetsov", "Kuznetsov"]),
    "gazette": ("Organization", ["the Harbour Gazette", "Harbour Gazette", "Gazette"]),
    "tax": ("PublicBody", ["Tax Service"]),
    "finmin": ("PublicBody", ["Finance Ministry"]),
    "petrov": ("Person", ["Иван Петров", "Петров"]),
    "gazeta": ("Organization", ["Газете", "Газета"]),
    "sidorov": ("Person", ["Сергея Сидорова", "Сидоров"]),
    "minfin": ("PublicBody", ["Минфина", "Минфин"]),
    "vance": ("Organization", ["Lena Vance"]),  # a person the party finder typed as an organisation
}


def context(text: str, language: str = "en", dates: list[tuple[str, str]] = ()) -> DocContext:
    """A context with the test parties marked wherever their surface forms occur."""
    ctx = DocContext(text=text, language=language)
    taken: list[tuple[int, int]] = []
    for key, (schema, forms) in PARTIES.items():
        party = Party(key, schema, forms[0], Span(0, 0))
        for form in forms:  # longest first, so "Maria Petrova" wins over "Petrova"
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                mention = PartyMention(m.start(), m.end(), m.group(), key)
                party.mentions.append(mention)
                ctx.mentions.append(mention)
        if party.mentions:
            ctx.parties[key] = party
    for surface, value in dates:
        i = text.index(surface)
        ctx.dates.append(DateMention(i, i + len(surface), surface, value))
    ctx.sort()
    return ctx


def extract(text: str, **kw: object) -> list[QuoteDraft]:
    ctx = context(text, **kw)  # type: ignore[arg-type]
    quotes.run(ctx)
    for q in ctx.quotes:
        assert ctx.text[q.start : q.end] == q.text
    return ctx.quotes


def direct(found: list[QuoteDraft]) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in found if q.kind == "direct"]


def test_direct_quote_with_speaker_and_audience_after() -> None:
    found = extract("“We never took a single rouble from abroad,” Petrova told the Harbour Gazette.")
    assert direct(found) == [("petrova", "We never took a single rouble from abroad,")]
    assert found[0].audience == "gazette"
    assert found[0].confidence >= 0.8


def test_quote_split_by_attribution_gives_both_parts() -> None:
    text = "“The board met twice in March,” Kuznetsov said. “Nobody asked me about the transfer.”"
    assert direct(extract(text)) == [
        ("kuznetsov", "The board met twice in March,"),
        ("kuznetsov", "Nobody asked me about the transfer."),
    ]


def test_inverted_attribution_and_apposition() -> None:
    text = (
        "“The shares were sold at a loss,” said Oleg Kuznetsov. "
        "“Nothing in the filing supports that,” Maria Petrova, a lawyer for the creditors, said."
    )
    assert [s for s, _ in direct(extract(text))] == ["kuznetsov", "petrova"]


def test_pronoun_speaker_resolves_to_last_person_subject() -> None:
    text = (
        "Maria Petrova left the Harbour Gazette in 2019. "
        "“I was never told where the money went,” she said."
    )
    assert direct(extract(text)) == [("petrova", "I was never told where the money went,")]


def test_colon_introduces_quote() -> None:
    text = "Asked about the loan, Kuznetsov said: “The contract was signed without my knowledge.”"
    assert direct(extract(text)) == [("kuznetsov", "The contract was signed without my knowledge.")]
    text = "Petrova offered one piece of advice: “Keep every receipt for the inspectors.”"
    assert direct(extract(text)) == [("petrova", "Keep every receipt for the inspectors.")]


def test_multi_paragraph_continuation_has_lower_confidence() -> None:
    text = (
        "“The auditors found nothing wrong with the accounts,” Petrova said.\n\n"
        "“Every payment was approved by the board and recorded properly.”\n"
    )
    found = direct(extract(text))
    assert [s for s, _ in found] == ["petrova", "petrova"]
    qs = extract(text)
    assert qs[1].confidence < qs[0].confidence


def test_quote_left_open_runs_into_next_paragraph() -> None:
    text = (
        "“The first payment arrived in May and nobody questioned it.\n"
        "“The second one came later, and that is when I raised concerns,” Kuznetsov said.\n"
    )
    assert [s for s, _ in direct(extract(text))] == ["kuznetsov", "kuznetsov"]


def test_audience_cues_and_statement_date() -> None:
    text = (
        "In a comment to the Harbour Gazette on May 3, Kuznetsov said: “I have nothing to hide from anyone.”"
    )
    (q,) = extract(text, dates=[("May 3", "2021-05-03")])
    assert (q.speaker, q.audience, q.date) == ("kuznetsov", "gazette", "2021-05-03")
    text = "In conversation with the Gazette, Petrova said: “The deal collapsed after the audit.”"
    assert extract(text)[0].audience == "gazette"
    text = "“Why does nobody ask the bank about it?” Petrova complained to the Gazette."
    assert extract(text)[0].audience == "gazette"


def test_scare_quotes_terms_and_names_are_not_quotes() -> None:
    text = (
        "The ministry put the group on its “foreign agent” list. The Latvian company “Blue Harbor,” "
        "which owns the site, received a “Medal of Honor” from a “troll factory” of sorts."
    )
    assert extract(text) == []


def test_titles_and_epithets_are_not_quotes() -> None:
    text = (
        "Kuznetsov spoke at a forum titled “Trade and the Future of the North Sea Region” in 2015. "
        "He holds a certificate “For outstanding help to the port authority of the city” from 2017. "
        "The newspaper described Petrova as a “respected local businesswoman from the north.” "
        "She attended the “Northern Trade Partnership Summit and Exhibition” in Oslo."
    )
    assert direct(extract(text)) == []


def test_fragment_inside_reported_claim_is_not_a_direct_quote() -> None:
    text = "Kuznetsov claimed that the Gazette “invented all kinds of rumours” about his firm."
    found = extract(text)
    assert direct(found) == []
    assert [(q.kind, q.speaker) for q in found] == [("reported", "kuznetsov")]


def test_full_clause_after_that_is_a_direct_quote_to_the_object() -> None:
    text = "The Tax Service informed the Finance Ministry that “the company hides its real owners abroad”;"
    found = extract(text)
    assert [(q.kind, q.speaker, q.audience) for q in found] == [("direct", "tax", "finmin")]
    assert found[0].text == "the company hides its real owners abroad"


def test_reported_speech() -> None:
    text = (
        "Kuznetsov told the Gazette in March 2020 that he no longer owns the company. "
        "Petrova denied the notion that she had received any money from abroad. "
        "Kuznetsov asked to be described as an independent consultant."
    )
    found = extract(text, dates=[("March 2020", "2020-03")])
    assert all(q.kind == "reported" and q.confidence == 0.6 for q in found)
    assert [(q.speaker, q.text) for q in found] == [
        ("kuznetsov", "he no longer owns the company"),
        ("petrova", "she had received any money from abroad"),
        ("kuznetsov", "to be described as an independent consultant"),
    ]
    assert (found[0].audience, found[0].date) == ("gazette", "2020-03")


def test_reported_speech_inside_a_quote_is_not_reported_again() -> None:
    text = "“They told us that the money came from a charity fund,” Petrova said."
    found = extract(text)
    assert [q.kind for q in found] == ["direct"]


def test_russian_guillemets_with_dialogue_dash() -> None:
    text = "«Мы никогда не получали денег из-за рубежа», — заявил Петров «Газете»."
    found = extract(text, language="ru")
    assert [(q.speaker, q.audience, q.text) for q in found] == [
        ("petrov", "gazeta", "Мы никогда не получали денег из-за рубежа")
    ]


def test_russian_quote_split_by_inner_attribution() -> None:
    text = "«Первая часть ответа была про деньги, — сказал Иван Петров, — а вторая часть была про людей»."
    found = extract(text, language="ru")
    assert [(q.speaker, q.text) for q in found] == [
        ("petrov", "Первая часть ответа была про деньги,"),
        ("petrov", "а вторая часть была про людей"),
    ]


def test_russian_pronoun_and_names_in_guillemets() -> None:
    text = (
        "Иван Петров возглавлял компанию «Северный берег» до 2018 года. "
        "«Я не знал, куда уходили эти деньги», — сказал он."
    )
    found = extract(text, language="ru")
    assert [(q.speaker, q.text) for q in found] == [("petrov", "Я не знал, куда уходили эти деньги")]


SEED = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "seed" / "meduza-ionov-2021.txt"
GOLD = Path(__file__).parents[2] / ".." / "shared" / "eval" / "seed-gold.json"
SCORER = Path(__file__).parents[2] / ".." / "shared" / "eval" / "score.py"


def test_seed_quotes_score() -> None:
    """Quotes on the development article, with the real upstream components (segment, parties)."""
    if not (SEED.exists() and GOLD.exists() and SCORER.exists()):
        pytest.skip("shared seed corpus / gold / scorer not available")
    if importlib.util.find_spec("casegraph.extract.parties") is None:
        pytest.skip("parties component not available yet")
    import json

    from casegraph.extract import parties, segment

    ctx = DocContext(text=SEED.read_text(encoding="utf-8"), language="en", published="2021-05-21")
    segment.run(ctx)
    parties.run(ctx)
    quotes.run(ctx)
    spec = importlib.util.spec_from_file_location("seed_score", SCORER)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    bundle = {
        "entities": [
            {"id": k, "schema": p.schema, "properties": {"name": [p.name], "alias": [a for a, _ in p.aliases]}}  # noqa: E501
            for k, p in ctx.parties.items()
        ],
        "quotes": [{"id": str(i), "speaker": q.speaker, "text": q.text} for i, q in enumerate(ctx.quotes)],
    }
    figures = score.score(json.loads(GOLD.read_text(encoding="utf-8")), bundle)
    assert figures["quotes_core"] >= 0.95
    assert figures["quote_precision"] >= 0.95


def test_unattributed_quote_after_speaker_cue_in_paragraph() -> None:
    text = "Petrova said she had warned the board. “But nobody from the bank ever called me back about it.”"
    found = [q for q in extract(text) if q.kind == "direct"]
    assert [(q.speaker, q.confidence) for q in found] == [("petrova", 0.5)]


def test_title_and_relative_clause_between_quote_and_speaker() -> None:
    text = "“We will appeal the ruling next week,” Deputy Mayor Maria Petrova, who leads the council, told reporters."
    assert direct(extract(text)) == [("petrova", "We will appeal the ruling next week,")]


def test_according_to_names_the_speaker_of_both_fragments() -> None:
    text = (
        "According to his lawyer, Oleg Kuznetsov, his client “never paid a single bribe to anyone” "
        "and “kept every invoice on file for years”."
    )
    assert [s for s, _ in direct(extract(text))] == ["kuznetsov", "kuznetsov"]
    text = "According to a statement from the Tax Service, the importer “filed no returns for three years in a row.”"
    assert direct(extract(text)) == [("tax", "filed no returns for three years in a row.")]


def test_russian_po_slovam_with_genitive_speaker() -> None:
    text = "По словам адвоката Сергея Сидорова, решение суда «противоречит всем нормам процессуального права»."
    assert [s for s, _ in direct(extract(text, language="ru"))] == ["sidorov"]


def test_russian_impersonal_post_belongs_to_last_speaker() -> None:
    text = (
        "Сидоров написал об этом в своём блоге.\n\n"
        "«Я никогда не получал денег от иностранных фондов», — говорилось в посте."
    )
    assert [s for s, _ in direct(extract(text, language="ru"))] == ["sidorov"]


def test_russian_press_service_speaks_and_outlet_listens() -> None:
    text = "В пресс-службе Минфина «Газете» сообщили, что выплаты были «проведены строго по закону и правилам»."
    found = [q for q in extract(text, language="ru") if q.kind == "direct"]
    assert [q.speaker for q in found] == ["minfin"]


def test_russian_role_noun_speaker_is_the_person_named_with_that_role() -> None:
    text = (
        "Депутат Сидоров своё участие в делах компании отрицает.\n\n"
        "«Я не вмешиваюсь в дела этой компании и никогда не вмешивался», — заявил депутат «Газете»."
    )
    found = [q for q in extract(text, language="ru") if q.kind == "direct"]
    assert [(q.speaker, q.audience) for q in found] == [("sidorov", "gazeta")]


def test_she_skips_a_man_marked_by_title() -> None:
    text = "Mr Kuznetsov met Maria Petrova in Oslo in May. She said: “The meeting lasted less than ten minutes.”"
    assert [s for s, _ in direct(extract(text))] == ["petrova"]


def test_pronoun_resolves_to_a_party_that_spoke_whatever_its_type() -> None:
    text = "The firm's director, Lena Vance, said the deal had closed. She said: “We will never sign with them again.”"
    assert [s for s, _ in direct(extract(text))] == ["vance"]


def test_described_as_quote_is_the_subjects_wording_but_as_a_is_an_epithet() -> None:
    text = "On a radio show, Kuznetsov described the port deal as “the best decision of my whole career”."
    assert [s for s, _ in direct(extract(text))] == ["kuznetsov"]


def parsed(text: str) -> list[QuoteDraft]:
    from casegraph.extract import nlp

    ctx = context(text)
    ctx.nlp_doc = nlp.english()(text)
    quotes.run(ctx)
    return ctx.quotes


def test_anonymous_office_speaks_and_bare_clause_is_reported() -> None:
    found = parsed("In a statement, her office said that the senator “has never accepted a gift from any lobbyist”.")
    assert [(q.speaker, q.kind) for q in found] == [(None, "direct")]
    found = parsed("Oleg Kuznetsov said the shipyard had stopped paying its suppliers in March.")
    assert [(q.speaker, q.text) for q in found if q.kind == "reported"] == [
        ("kuznetsov", "the shipyard had stopped paying its suppliers in March")
    ]


def reported(found: list[QuoteDraft]) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in found if q.kind == "reported"]


def test_title_between_inverted_verb_and_name() -> None:
    text = "«Мы обжалуем это решение в апелляции», — сказал адвокат компании Иван Петров."
    assert [s for s, _ in direct(extract(text, language="ru"))] == ["petrov"]
    text = "“The figures were checked twice by the auditors,” said company spokeswoman Maria Petrova."
    assert [s for s, _ in direct(extract(text))] == ["petrova"]


def test_according_to_a_party_reports_the_rest_of_the_sentence() -> None:
    found = extract("According to Petrova, the harbour fees were doubled without any consultation.")
    assert reported(found) == [("petrova", "the harbour fees were doubled without any consultation")]
    found = extract("The harbour fees were doubled without any consultation, according to Kuznetsov.")
    assert reported(found) == [("kuznetsov", "The harbour fees were doubled without any consultation")]
    assert reported(extract("The fees, according to Kuznetsov, were doubled in the spring.")) == []


def test_po_slovam_reports_the_clause_after_the_source_phrase() -> None:
    text = "Иван Петров подал жалобу в суд. По его словам, работы на объекте так и не были завершены."
    assert reported(extract(text, language="ru")) == [("petrov", "работы на объекте так и не были завершены")]


def test_party_inside_a_relative_clause_is_not_the_speaker() -> None:
    text = "Иван Петров, по просьбе которого Минфин провёл проверку, считает, что проверку провели формально и наспех."
    assert reported(extract(text, language="ru")) == [("petrov", "проверку провели формально и наспех")]


def test_second_of_two_joined_verbs_takes_the_first_ones_subject() -> None:
    found = parsed("The Tax Service paid the penalty but said it “rejected the court's reasoning on every count”.")
    assert direct(found) == [("tax", "rejected the court's reasoning on every count")]


def test_quote_as_the_object_of_a_speech_verb() -> None:
    text = "Иван Петров направил письмо в Минфин. В нём он просил «проверить расходы фонда за два года» и ждал ответа."
    assert direct(extract(text, language="ru")) == [("petrov", "проверить расходы фонда за два года")]


def test_its_press_office_speaks_for_the_organisation_named_before() -> None:
    found = parsed(
        "The Finance Ministry disputes the figures. In June, its press office told reporters that "
        "“every grant was paid on time and in full”."
    )
    assert [(q.speaker, q.kind) for q in found] == [("finmin", "direct")]
    # "her office" is a person's office: no organisation is guessed
    found = parsed("In a statement, her office said that the senator “has never accepted a gift from any lobbyist”.")
    assert [q.speaker for q in found] == [None]


def test_she_skips_a_man_marked_by_a_slavic_surname() -> None:
    text = ("Maria Petrova met the auditors in May. “The audit found nothing we did not expect,” she said, "
            "adding that Oleg Kuznetsov had seen the file. “The file is complete and nothing is missing,” she told us.")
    assert [s for s, _ in direct(extract(text))] == ["petrova", "petrova"]


def test_he_still_resolves_to_a_man_named_by_a_slavic_surname() -> None:
    text = "Maria Petrova wrote to Oleg Kuznetsov in May. “I will not sign anything this year,” he said."
    assert [s for s, _ in direct(extract(text))] == ["kuznetsov"]


def test_quote_closing_its_sentence_belongs_to_the_verb_before_it() -> None:
    text = ("Maria Petrova said the delay was “the clearest sign of a problem.” Oleg Kuznetsov told the "
            "Harbour Gazette the board would meet again.")
    assert [s for s, _ in direct(extract(text))] == ["petrova"]


def test_quote_with_a_comma_still_takes_the_speaker_after_it() -> None:
    text = "Oleg Kuznetsov spoke first. “The delay was the clearest sign of a problem,” Maria Petrova said."
    assert [s for s, _ in direct(extract(text))] == ["petrova"]


@pytest.mark.parametrize(("name", "gender"), [
    ("Anna Burova", "f"), ("Oleg Ivanov", "m"), ("Анна Сидорова", "f"), ("Путин", "m"),
    ("Olga Zelinskaya", "f"), ("Piotr Kowalsky", "m"),
    ("Benjamin Franklin", None), ("Jim Messina", None), ("Ivanov", None), ("Grace Lee", None)])
def test_surname_gender(name: str, gender: str | None) -> None:
    from casegraph.extract.names import surname_gender

    assert surname_gender(name) == gender


def test_role_with_a_possessive_after_the_quote_is_the_person_named_with_that_role() -> None:
    text = ("The paper's editor-in-chief, Maria Petrova, disagreed. “Nothing here was changed by the owners,” "
            "said the outlet’s editor.")
    assert [s for s, _ in direct(extract(text))] == ["petrova"]


def test_role_after_the_quote_that_nobody_holds_names_no_one() -> None:
    text = ("Maria Petrova met the owners in May. “Nothing here was changed by the owners at all,” "
            "said the outlet’s accountant.")
    assert [s for s, _ in direct(extract(text))] == []


def test_its_press_service_after_the_quote_speaks_for_the_organisation() -> None:
    text = ("The Tax Service did not answer questions. “The audit followed every rule in the code,” "
            "its press service said on Monday.")
    assert [s for s, _ in direct(extract(text))] == ["tax"]


def test_a_word_before_the_verb_that_is_no_voice_of_an_organisation_names_no_one() -> None:
    text = ("The Tax Service did not answer questions. “The audit followed every rule in the code,” "
            "its critics said on Monday.")
    assert [s for s, _ in direct(extract(text))] == []
