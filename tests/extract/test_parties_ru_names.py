"""Russian organisation names keep their written form when natasha's lemma of a proper-name head is
a word the text never uses (extract/parties_ru.py); common-noun heads are still normalised."""

from __future__ import annotations

from casegraph.extract.pipeline import context_for, run_components
from casegraph.model import Document


def names(text: str) -> set[str]:
    ctx = run_components(context_for(Document(id="t", text=text, format="txt", language="ru",
                                              published="2022-01-01")))
    return {p.name for p in ctx.parties.values()}


def test_proper_name_head_is_kept_as_written_when_its_lemma_is_not_in_the_text() -> None:
    found = names("«Мы всё опубликовали», — заявил юрист Максим Ордынцев из адвокатского бюро "
                  "«Ордынцев и партнёры». Ордынцев представляет интересы клиента.")
    assert "Ордынцев и партнёры" in found
    assert not any(n.startswith("Ордынец") for n in found)


def test_quoted_single_word_name_is_not_cut_to_a_wrong_lemma() -> None:
    found = names("Из «Альфы» уволили директора. Сотрудники «Альфы» молчат.")
    assert found and "Альф" not in found


def test_person_names_are_still_put_in_the_nominative() -> None:
    found = names("Суд вызвал юриста Максима Ордынцева. Ордынцев не пришёл.")
    assert "Максим Ордынцев" in found
