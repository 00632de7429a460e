"""Generate a synthetic case of N documents for the web benchmark (search on a 10,000-document case).

Extraction is not run: documents and their facts (names with spans, relations) are written through
the store's own API (``add_document`` / ``replace_extraction``), as extraction would write them, so
the case has the shape of a real one at a fraction of the cost. Names are made from syllables in
Latin and Cyrillic (no real people), shared across documents the way parties recur in a case.

    python bench/bench_web_case.py --docs 10000 -o out/web-10k.db
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime
from pathlib import Path

from casegraph.model import Document, Statement
from casegraph.model.ids import content_hash, make_id
from casegraph.store import open_store
from casegraph.store.base import Extraction, MentionRecord

LATIN = ["ka", "lo", "mir", "ven", "sto", "dra", "gor", "nik", "tal", "bor", "sev", "ran", "vol", "zen", "pet"]
CYR = {"ka": "ка", "lo": "ло", "mir": "мир", "ven": "вен", "sto": "сто", "dra": "дра", "gor": "гор", "nik": "ник",
       "tal": "тал", "bor": "бор", "sev": "сев", "ran": "ран", "vol": "вол", "zen": "зен", "pet": "пет"}
FILLER = ("The filing describes a meeting about the contract and the transfer of funds. "
          "Witnesses said the documents were signed later than stated. "
          "The registry shows a change of director in the same month. ")


def surname(rng: random.Random) -> tuple[str, str]:
    parts = [rng.choice(LATIN) for _ in range(rng.randint(2, 3))]
    latin = "".join(parts).capitalize() + "ov"
    return latin, ("".join(CYR[p] for p in parts) + "ов").capitalize()


def build(path: Path, docs: int, parties: int, seed: int = 7) -> dict[str, float]:
    rng = random.Random(seed)
    names = [surname(rng) for _ in range(parties)]
    store = open_store(path)
    started = time.perf_counter()
    for n in range(docs):
        russian = n % 4 == 3
        cast = rng.sample(range(parties), 4)
        text_parts, mentions, statements = [], [], []
        offset = 0
        doc_text_id = f"synthetic document {n}"
        for i, who in enumerate(cast):
            name = names[who][1] if russian else names[who][0]
            entity_id = make_id("cg", "synthetic", who)
            sentence = f"{name} met the board of company {n % 97} on day {i}. {FILLER}"
            start = offset
            end = start + len(name)
            text_parts.append(sentence)
            offset += len(sentence)
            mentions.append((entity_id, start, end, name))
        text = f"{doc_text_id}\n" + "".join(text_parts)
        shift = len(doc_text_id) + 1
        doc_id = content_hash(text.encode())
        store.add_document(Document(id=doc_id, text=text, format="txt", title=f"Synthetic filing {n}",
                                    source=f"synthetic/{n}.txt", published=f"{2010 + n % 12}-{1 + n % 12:02d}",
                                    language="ru" if russian else "en", size=len(text),
                                    ingested_at=datetime.now(UTC).isoformat(timespec="seconds")))
        records = []
        for entity_id, start, end, name in mentions:
            records.append(MentionRecord(entity_id, doc_id, start + shift, end + shift, name))
            statements.append(Statement(entity_id, "Person", "name", name, doc_id, start + shift, end + shift,
                                        "extract:parties", 0.8))
        a, b = mentions[0][0], mentions[1][0]
        rel = make_id("cg", "synthetic-rel", doc_id)
        span = (mentions[0][1] + shift, mentions[1][2] + shift)
        statements += [Statement(rel, "Associate", "person", a, doc_id, *span, "extract:relations", 0.6),
                       Statement(rel, "Associate", "associate", b, doc_id, *span, "extract:relations", 0.6)]
        store.replace_extraction(Extraction(doc_id, statements, records, [], []))
    seconds = time.perf_counter() - started
    store.close()
    return {"documents": docs, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--parties", type=int, default=3000)
    parser.add_argument("-o", "--output", type=Path, default=Path("out/web-10k.db"))
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(str(args.output) + suffix).unlink(missing_ok=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    info = build(args.output, args.docs, args.parties)
    print(f"wrote {args.output}: {info['documents']} documents in {info['seconds']:.1f} s")


if __name__ == "__main__":
    main()
