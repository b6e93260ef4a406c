"""What a register's search gives, written down to compare two registers (or two versions of Ziffer).

    .venv/bin/python bench/search_snapshot.py REGISTER OUT.json [--prepare] [--seed 7]

Writes, as JSON, for a register bench_register.py built (synthetic prints, one per number):

    search     `Register.search(parse_query(q), filters, limit=20)` for bench_register's 30 queries and
               about 400 more taken from the register's own text with a fixed seed (single words, their
               umlaut spellings, prefixes "Förd*", two words, a word and a print number, with and
               without filters): every hit's kind, id, number, title, snippet, score (exactly, as
               repr), kind of print and whether answered, in order
    material   `Register.search_material` (all hits) and `similar_passages` for the same words
    similar    `core.services.similar(register, id)` for every point of 60 prints: each similar
               point's print, label, question, answer, score and answer date, in order

--prepare first changes the register the way an officer's work does, in a fixed order and with the
same words on any version: imports the demo material (resources/demo/material), and for 40 prints
rewrites an answer item (new words, a new citation), redivides an answer, corrects title and number,
and merges a new rendition over a print (points and reasoning changed). These are the writes that
change indexed text; the snapshot then shows whether the index followed them.

Two snapshots are the same when the files are equal (`cmp a.json b.json`). Used for issue 13 (the
index over the stored text, migration m012): a register built and prepared by the Ziffer before it,
the same file after the migration, and one built and prepared by the Ziffer after it all give one
snapshot.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_register import query_set  # noqa: E402

from core.model import AnswerItem, Point  # noqa: E402
from core.search_query import parse_query  # noqa: E402
from core.services import import_files, similar  # noqa: E402
from storage.register import Register, SearchFilters  # noqa: E402

WHO = "snapshot"


def _words(register: Register, rng: random.Random, count: int) -> list[str]:
    """Words of the register's own text: from titles, points and answers of random prints."""
    ids = [r[0] for r in register.db.execute("SELECT id FROM prints ORDER BY id").fetchall()]
    found: dict[str, None] = {}
    while len(found) < count:
        doc = register.get_print(rng.choice(ids)).doc
        texts = [doc.title or "", *(p.text for p in doc.points)]
        if doc.answer:
            texts += [i.text for i in doc.answer.items]
        words = [w for w in re.findall(r"[^\W\d_]{4,}", rng.choice(texts))]
        if words:
            found[rng.choice(words)] = None
    return list(found)


def prepare(register: Register, seed: int) -> None:
    """The same officer's work on any version of Ziffer (see the module's docstring)."""
    material = sorted((ROOT / "resources" / "demo" / "material").glob("*.txt"))
    import_files(register, material, force_material=True, who=WHO)
    rng = random.Random(seed)
    ids = [r[0] for r in register.db.execute("SELECT id FROM prints ORDER BY id").fetchall()]
    numbers = [r[0] for r in register.db.execute("SELECT number FROM prints ORDER BY id").fetchall()]
    for k, pid in enumerate(rng.sample(ids, 40)):
        with register.transaction():
            stored = register.get_print(pid)
            items = register.answer_items(pid)
            if items:
                pos = rng.randrange(len(items))
                register.set_answer_text(
                    pid, pos, f"Zauberwort{k} ersetzt die Antwort; siehe Drucksache {rng.choice(numbers)}.", WHO
                )
            if len(items) >= 2:  # the first two items answered together, then the last split off again
                items = register.answer_items(pid)
                merged = AnswerItem(items[0].points + items[1].points, f"{items[0].text}\n\nGemeinsam{k}.")
                register.save_answer_items(pid, [merged, *items[2:]], WHO)
            if k % 2:
                register.update_metadata(pid, {"title": f"Neuer Titel {k} Umbenennung{k}"}, WHO)
            if k % 3 == 0:
                register.update_metadata(pid, {"number": f"18/{9000 + k}"}, WHO)
            if k % 4 == 0:
                doc = register.get_print(pid).doc
                doc.points = [Point(p.label, p.text + f" Nachtrag{k}") for p in doc.points[:-1]]
                doc.reasoning = f"Neue Begründung {k} Begründungswort{k}."
                register.replace_print(
                    pid, doc, fingerprint=None, status=stored.status, edited=set(), changes=[], who=WHO
                )


def hits(found: list[Any]) -> list[list[Any]]:
    return [[h.kind, h.id, h.number, h.title, h.snippet, repr(h.score), h.print_kind, h.answered] for h in found]


def snapshot(register: Register, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    n = register.counts()["prints"]
    words = _words(register, rng, 200)
    queries: list[tuple[str, SearchFilters | None]] = list(query_set(n))
    numbers = [r[0] for r in register.db.execute("SELECT number FROM prints WHERE number IS NOT NULL ORDER BY id")]
    for i, word in enumerate(words):
        queries.append((word, None))
        if i % 2 == 0:
            queries.append((word[: max(4, len(word) // 2)] + "*", None))
        if i % 3 == 0:
            queries.append((f"{word} {rng.choice(words)}", None))
        if i % 5 == 0:
            queries.append((f"{word} {rng.choice(numbers)}", None))
        if i % 7 == 0:
            queries.append((word, SearchFilters(term=rng.choice((15, 16, 17)))))
        if i % 11 == 0:
            queries.append((word, SearchFilters(kind=rng.choice(("antrag", "kleine_anfrage")))))
    for k in range(40):  # the words --prepare wrote
        queries += [(f"Zauberwort{k}", None), (f"Gemeinsam{k}", None), (f"Umbenennung{k}", None)]
        queries += [(f"Nachtrag{k}", None), (f"Begründungswort{k}", None)]
    out: dict[str, Any] = {"prints": n, "search": [], "material": [], "similar": []}
    for text, filters in queries:
        f = {k: v for k, v in vars(filters).items() if v is not None} if filters else None
        out["search"].append([text, f, hits(register.search(parse_query(text), filters, limit=20))])
    for word in [*words[:100], "Hochwasser", "Förder*", "Breitband", "Lehrkräfte", "Wolf"]:
        q = parse_query(word)
        passages = [[p.material_id, p.title, p.text, repr(p.score)] for p in register.similar_passages(q, limit=5)]
        out["material"].append([word, hits(register.search_material(q)), passages])
    ids = [r[0] for r in register.db.execute("SELECT id FROM prints ORDER BY id").fetchall()]
    for pid in rng.sample(ids, 60):
        for sp in similar(register, pid):
            out["similar"].append(
                [
                    pid,
                    sp.label,
                    [
                        [s.print_id, s.number, s.label, s.question, s.answer, repr(s.score), s.answer_date]
                        for s in sp.points
                    ],
                    [[p.material_id, repr(p.score)] for p in sp.passages],
                ]
            )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("register")
    ap.add_argument("out")
    ap.add_argument("--prepare", action="store_true", help="first change the register as described above")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with Register.open(args.register) as register:
        if args.prepare:
            prepare(register, args.seed)
        data = snapshot(register, args.seed)
    Path(args.out).write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    searches = sum(1 for s in data["search"] if s[2])
    print(
        f"{args.out}: {len(data['search'])} searches ({searches} with hits), {len(data['material'])} material, "
        f"{len(data['similar'])} points' similar answers"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
