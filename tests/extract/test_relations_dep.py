"""Relations read off dependency paths, on sentences written for these tests (needs the spaCy model)."""

from __future__ import annotations

import pytest

from casegraph.extract import relations_dep
from casegraph.extract.context import DocContext

from .test_relations import build, rels

ORG, PER = "Organization", "Person"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    try:
        from casegraph.extract.nlp import english

        return english()
    except (ImportError, OSError) as exc:  # pragma: no cover - the model ships with the project
        pytest.skip(f"spaCy model unavailable: {exc}")


def dep(nlp, text: str, parties: dict[str, str], dates: dict[str, str] | None = None,  # type: ignore[no-untyped-def]
        frames: bool = False) -> tuple[set[tuple[str, str, str]], DocContext]:
    """Relations found on dependency paths only (or, with ``frames``, by the whole component)."""
    ctx = build(text, parties, dates)
    ctx.nlp_doc = nlp(text)
    if frames:
        return rels(ctx), ctx
    relations_dep.run(ctx)
    return rels(ctx), ctx


def test_apposition_then_relative_clause_gives_representation(nlp) -> None:  # type: ignore[no-untyped-def]
    found, ctx = dep(nlp, "Olga Mirren, a tax lawyer who also represents the Corvane Trust in its appeal, "
                          "declined to comment.", {"Olga Mirren": PER, "Corvane Trust": ORG})
    assert ("Representation", "Olga Mirren", "Corvane Trust") in found


def test_relative_clause_founder_takes_the_date_of_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    found, ctx = dep(nlp, "Tomasz Weil, who founded Pellatrix Labs in 2011, sold his shares in 2019.",
                     {"Tomasz Weil": PER, "Pellatrix Labs": ORG}, {"2011": "2011", "2019": "2019"})
    assert ("Directorship", "Tomasz Weil", "Pellatrix Labs") in found
    values = {(v.prop, v.value) for d in ctx.drafts for v in d.values if not v.ref}
    assert ("startDate", "2011") in values and ("startDate", "2019") not in values
    assert ("role", "founder") in values


def test_passive_by_agent_inverts(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Dunmore Shipping is owned by Karl Ostend, a former grain trader. "
                        "Varna Heritage Fund is chaired by Ines Kolar.",
                   {"Dunmore Shipping": ORG, "Karl Ostend": PER, "Varna Heritage Fund": ORG, "Ines Kolar": PER})
    assert ("Ownership", "Karl Ostend", "Dunmore Shipping") in found
    assert ("Directorship", "Ines Kolar", "Varna Heritage Fund") in found


def test_org_to_org_ownership_active_and_belongs_to(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Zenta Holdings controls Orlik Metals through a nominee. "
                        "Sixty per cent of Pravo Mining belongs to Zenta Holdings.",
                   {"Zenta Holdings": ORG, "Orlik Metals": ORG, "Pravo Mining": ORG})
    assert ("Ownership", "Zenta Holdings", "Orlik Metals") in found
    assert ("Ownership", "Zenta Holdings", "Pravo Mining") in found
    assert ("Ownership", "Orlik Metals", "Zenta Holdings") not in found


def test_possessive_role_noun_gives_employment(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Halcyon Bank's spokeswoman, Rita Vance, said the loan had been repaid.",
                   {"Halcyon Bank": ORG, "Rita Vance": PER})
    assert ("Employment", "Rita Vance", "Halcyon Bank") in found


def test_sits_on_the_board_is_membership(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Arno Pike sits on the board of Meridian Alliance.",
                   {"Arno Pike": PER, "Meridian Alliance": ORG})
    assert ("Membership", "Arno Pike", "Meridian Alliance") in found


def test_kinship_and_friendship_between_people(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Dana Holm, the daughter of Viktor Rusk, runs a bakery. "
                        "Marek Stoll, a longtime friend of Alan Brede, joined the cabinet.",
                   {"Dana Holm": PER, "Viktor Rusk": PER, "Marek Stoll": PER, "Alan Brede": PER})
    assert ("Family", "Dana Holm", "Viktor Rusk") in found
    assert ("Associate", "Marek Stoll", "Alan Brede") in found


def test_coordinated_directors_with_possessive_pronoun(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Corvane Trust said its directors, Paula Grey and Simon Oakes, had resigned.",
                   {"Corvane Trust": ORG, "Paula Grey": PER, "Simon Oakes": PER})
    assert ("Directorship", "Paula Grey", "Corvane Trust") in found
    assert ("Directorship", "Simon Oakes", "Corvane Trust") in found


def test_pronoun_subject_resolves_to_the_person_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Karl Ostend moved to Riga in 2015. He now chairs Dunmore Shipping.",
                   {"Karl Ostend": PER, "Dunmore Shipping": ORG})
    assert ("Directorship", "Karl Ostend", "Dunmore Shipping") in found


def test_partner_at_the_firm_acting_for_a_client(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Nadia Voss, a partner at Greyfield LLP, the firm acting for Orlik Metals, spoke first.",
                   {"Nadia Voss": PER, "Greyfield LLP": ORG, "Orlik Metals": ORG})
    assert ("Employment", "Nadia Voss", "Greyfield LLP") in found
    assert ("Representation", "Greyfield LLP", "Orlik Metals") in found
    assert ("Representation", "Nadia Voss", "Orlik Metals") in found


def test_negations_give_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Karl Ostend does not own Dunmore Shipping. Ines Kolar no longer works for Dunmore Shipping. "
                        "Ines Kolar has never chaired Varna Heritage Fund.",
                   {"Karl Ostend": PER, "Dunmore Shipping": ORG, "Ines Kolar": PER, "Varna Heritage Fund": ORG})
    assert found == set()


def test_trap_people_merely_in_the_same_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Karl Ostend met Ines Kolar at the offices of Dunmore Shipping. Rita Vance told a reporter from "
            "Halcyon Bank that Karl Ostend owns Orlik Metals. Ines Kolar denied that she represents Orlik Metals. "
            "Dunmore Shipping sued Halcyon Bank over a loan arranged by Rita Vance.")
    found, _ = dep(nlp, text, {"Karl Ostend": PER, "Ines Kolar": PER, "Dunmore Shipping": ORG, "Rita Vance": PER,
                               "Halcyon Bank": ORG, "Orlik Metals": ORG}, frames=True)
    # the one true statement: the reported ownership inside the that-clause
    assert found <= {("Ownership", "Karl Ostend", "Orlik Metals")}


def test_verbs_without_their_particle_are_no_trigger(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Arno Pike sat with Meridian Alliance officials. Arno Pike worked alongside Halcyon Bank.",
                   {"Arno Pike": PER, "Meridian Alliance": ORG, "Halcyon Bank": ORG})
    assert found == set()


def test_object_pronoun_skips_its_clause_subject_and_lawyer_at_firm_composes(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Ivo Marek was charged in May. \"The charges are baseless,\" said Nina Stahl, a partner at "
                        "Corbel Law who represents him.", {"Ivo Marek": PER, "Nina Stahl": PER, "Corbel Law": ORG})
    assert ("Representation", "Nina Stahl", "Ivo Marek") in found


def test_holding_through_a_vehicle_and_takeover_by_purchase(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Lars Egede, who controls 60 percent through Fjell Invest AS, spoke first. "
                        "Brimstone Holdings bought Ostby Mills in 2020. Lars Egede bought a boat from Solvik Marine.",
                   {"Lars Egede": PER, "Fjell Invest AS": ORG, "Brimstone Holdings": ORG, "Ostby Mills": ORG,
                    "Solvik Marine": ORG})
    assert ("Ownership", "Lars Egede", "Fjell Invest AS") in found
    assert ("Ownership", "Brimstone Holdings", "Ostby Mills") in found
    assert not any(r[2] == "Solvik Marine" for r in found)


def test_writing_or_covering_for_a_newsroom_is_employment(nlp) -> None:  # type: ignore[no-untyped-def]
    found, _ = dep(nlp, "Before that, Rhea Lind spent six years covering city hall for Tamsin Post. "
                        "Olav Brekke wrote for Fjordline Weekly. Olav Brekke wrote a letter to Harbour Bank.",
                   {"Rhea Lind": PER, "Tamsin Post": ORG, "Olav Brekke": PER, "Fjordline Weekly": ORG,
                    "Harbour Bank": ORG})
    assert ("Employment", "Rhea Lind", "Tamsin Post") in found
    assert ("Employment", "Olav Brekke", "Fjordline Weekly") in found
    assert not any(r[2] == "Harbour Bank" for r in found)
