"""Speed of `casegraph verify` and `casegraph backup` on a synthetic case, against baselines measured
in the same run: reading every row of the same tables (verify's floor) and copying the case file with
shutil (backup's floor; unsafe while the case is written, which is why backup uses SQLite's API).

    .venv/bin/python bench/bench_integrity.py [--documents 2000] [--statements 20]

The case is built through the store (no NLP): each document gets statements, a mention, a quote and
a claim whose spans lie in its text, so verify does all of its checks.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from casegraph.model import Claim, Document, Quote, Statement
from casegraph.model.ids import content_hash
from casegraph.services import Case
from casegraph.services.integrity import TEXT_DIGEST, backup, text_digest, verify
from casegraph.store.base import Extraction, MentionRecord
from casegraph.store.sql import iter_rows

TABLES = ("documents", "statements", "mentions", "quotes", "claims", "contradictions", "decisions")


def build(path: Path, documents: int, statements: int) -> Case:
    case = Case.open(path)
    for n in range(documents):
        text = f"Report {n}. Person {n} paid Company {n} {n * 10} euros. \"We deny it,\" said Person {n}.\n" * 5
        doc = Document(id=content_hash(text.encode()), text=text, format="txt", title=f"r{n}", size=len(text),
                       meta={TEXT_DIGEST: text_digest(text)})
        case.store.add_document(doc)
        person, company, payment = f"cg-p{n}", f"cg-c{n}", f"cg-pay{n}"
        sts = [Statement(person, "Person", "name", f"Person {n}", doc.id, 0, 8, "extract:bench"),
               Statement(company, "Company", "name", f"Company {n}", doc.id, 0, 8, "extract:bench"),
               Statement(payment, "Payment", "payer", person, doc.id, 0, 8, "extract:bench"),
               Statement(payment, "Payment", "beneficiary", company, doc.id, 0, 8, "extract:bench")]
        sts += [Statement(person, "Person", "notes", f"note {i}", doc.id, i, i + 5, "extract:bench")
                for i in range(statements - len(sts))]
        start = text.index("We deny")
        quote = Quote(person, None, text[start:start + 10], "direct", doc.id, start, start + 10)
        claim = Claim(person, person, "t", text[:9], doc.id, 0, 9)
        case.store.replace_extraction(Extraction(doc.id, sts, [MentionRecord(person, doc.id, 0, 6, text[:6])],
                                                 [quote], [claim]))
    return case


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.db"
        case = build(path, args.documents, args.statements)
        from casegraph.services.ids import sql_store

        sql = sql_store(case.store)
        read = timed(lambda: [sum(1 for _ in iter_rows(sql, t)) for t in TABLES])
        report = verify(case.store)
        check = timed(lambda: verify(case.store))
        assert report.ok, report.problems[:3]
        copy = timed(lambda: shutil.copyfile(path, Path(tmp) / "copy.db"))
        online = timed(lambda: backup(path, Path(tmp) / "backup.db"))
        size = path.stat().st_size / 2**20
        case.close()
    rows = sum(report.checked.values())
    print(f"case: {args.documents} documents, {rows:,} records checked, {size:.1f} MiB")
    print(f"verify   {check:6.2f} s   read every row {read:6.2f} s   ratio {check / read:4.1f}x")
    print(f"backup   {online:6.2f} s   shutil.copyfile {copy:6.2f} s   ratio {online / max(copy, 1e-6):4.1f}x")


if __name__ == "__main__":
    main()
