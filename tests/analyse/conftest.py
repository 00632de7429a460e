"""A small case built from documents written here (English and Russian), shared by the analysis tests.

The documents are invented: a complaint, a referral, a confirmation and a listing across two
documents, a state grant, a person's statements to two outlets that disagree, and one document
full of hostile strings (markup, script, Markdown) that must come out escaped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casegraph.services import Case

DOCS = {
    "press.txt": (
        "How Delta Media ended up on the register\n\n"
        "On 3 March 2020 Maria Volkova, director of the Northern Light Foundation, filed a complaint about "
        "Delta Media with the Press Council.\n\n"
        "On 5 March 2020 the Press Council forwarded the complaint to the Ministry of Information.\n\n"
        "On 6 March 2020 the Tax Service confirmed to the Ministry of Information that Delta Media received "
        "money from abroad.\n\n"
        "On 9 March 2020 the Ministry of Information added Delta Media to the register of undesirable outlets.\n\n"
        "In June 2019 the Northern Light Foundation received a grant of 2,000,000 rubles from the Ministry of "
        "Culture.\n\n"
        "“We have never received any state funding,” Volkova told the Daily Courier.\n"
    ),
    "interview.txt": (
        "Interview note\n\n"
        "Maria Volkova founded the Northern Light Foundation in 2014.\n\n"
        "“We received state funding for the festival in 2019,” Volkova told the Evening Post in May 2020.\n\n"
        "Volkova paid 5,000 euros to Peter Lang for legal advice in April 2020.\n"
    ),
    "ru.txt": (
        "Как Delta Media попала в реестр\n\n"
        "9 марта 2020 года Министерство информации включило Delta Media в реестр нежелательных изданий.\n\n"
        "В июне 2019 года Фонд «Северный свет» получил грант в 2 000 000 рублей от Министерства культуры.\n"
    ),
    "hostile.txt": (
        "Notes <script>alert(1)</script>\n\n"
        "In May 2020 Ivan <b onmouseover=alert(2)>Petrov</b> paid 300 euros to Maria Volkova for a "
        "[link](http://evil.example/x) and *stars*.\n"
    ),
}


@pytest.fixture(scope="session")
def case_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("analysis-docs")
    path = folder / "case.db"
    case = Case.open(path)
    try:
        for name, text in DOCS.items():
            (folder / name).write_text(text, encoding="utf-8")
            case.ingest([folder / name], published="2020-06-01")
    finally:
        case.close()
    return path


@pytest.fixture()
def case(case_path: Path) -> Iterator[Case]:
    c = Case.open(case_path)
    try:
        yield c
    finally:
        c.close()
