"""The schema, as forward migrations (sqlite-utils). Never edit a migration that has shipped:
add a new one. Each runs in one transaction with its bookkeeping row."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported only to migrate (storage.db.migrate): 45-70 ms of every command otherwise
    import sqlite_utils

MIGRATION_SET = "ziffer"  # the set's name in sqlite-utils' table of applied migrations, _sqlite_migrations
_MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = []


def migration(fn: Callable[[sqlite_utils.Database], None]) -> Callable[[sqlite_utils.Database], None]:
    """Add a migration, named by its function, after those above it."""
    _MIGRATIONS.append(fn)
    return fn


def sqlite_utils_migrations() -> sqlite_utils.Migrations:
    """The migrations as sqlite-utils' set, which applies the pending ones and records each in the
    same transaction."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    for fn in _MIGRATIONS:
        migrations()(fn)
    return migrations


TOKENIZER = "unicode61 remove_diacritics 0"  # keep umlauts: "Förderung" is not "Forderung"


# The text each full-text index reads (m012): a print's title, its body (the points in order, the
# reasoning, the answer's items in order, each two line breaks apart) and the numbers it carries (its
# own and those it cites, as index tokens: "17/9075" → "drs17n9075", core.search_query.number_token);
# each point with the text of every answer item that answers it. The index holds no copy of this
# text: FTS5 reads it here for snippets and for removing a row's words, so a row must be removed
# from the index *before* its text changes, and indexed again after (storage/index.py). The
# subqueries are ordered, so group_concat joins the parts in order (tests/test_search_index.py compares the
# views with the text as it was put together in Python before, storage.index._print_texts).
SEARCH_TEXT_VIEWS = """
CREATE VIEW prints_search_text AS
SELECT p.id AS id,
    COALESCE(p.title, '') AS title,
    COALESCE((SELECT group_concat(t, char(10, 10)) FROM (
        SELECT 1 AS part, position AS pos, text AS t FROM points WHERE print_id = p.id
        UNION ALL SELECT 2, 0, p.reasoning WHERE p.reasoning != ''
        UNION ALL SELECT 3, position, text FROM answer_items WHERE print_id = p.id
        ORDER BY part, pos)), '') AS body,
    COALESCE((SELECT group_concat('drs' || replace(n, '/', 'n'), ' ') FROM (
        SELECT 0 AS part, p.number AS n WHERE p.number != ''
        UNION ALL SELECT * FROM (SELECT DISTINCT 1, target_number FROM citations
                                 WHERE print_id = p.id AND target_number IS NOT NULL)
        ORDER BY part)), '') AS numbers
FROM prints p;
CREATE VIEW points_search_text AS
SELECT pt.id AS id, pt.print_id AS print_id, pt.text AS question,
    COALESCE((SELECT group_concat(t, char(10, 10)) FROM (
        SELECT ai.text AS t FROM answer_items ai JOIN answer_item_points aip ON aip.item_id = ai.id
        WHERE ai.print_id = pt.print_id AND aip.label = pt.label ORDER BY ai.position)), '') AS answer
FROM points pt;
CREATE VIEW material_search_text AS SELECT id, title, text AS body FROM material;
"""


@migration
def m001_register(db: sqlite_utils.Database) -> None:
    """Prints, points, answer items, citations, material, people and units, the event log, files."""
    db.executescript(
        """
        CREATE TABLE prints (
            id INTEGER PRIMARY KEY,
            parliament TEXT,
            number TEXT,
            term INTEGER,
            kind TEXT NOT NULL DEFAULT 'other',
            title TEXT,
            submitted TEXT,
            received TEXT,
            published TEXT,
            originators TEXT NOT NULL DEFAULT '[]',
            factions TEXT NOT NULL DEFAULT '[]',
            ministry TEXT,
            reasoning TEXT,
            answered INTEGER NOT NULL DEFAULT 0,
            answer_date TEXT,
            answer_file_number TEXT,
            answer_consent TEXT NOT NULL DEFAULT '[]',
            answer_signatory TEXT,
            status TEXT NOT NULL DEFAULT 'eingegangen',
            due_date TEXT,
            fingerprint TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX prints_number ON prints(number);
        CREATE INDEX prints_fingerprint ON prints(fingerprint);
        CREATE INDEX prints_due ON prints(due_date);

        CREATE TABLE points (
            id INTEGER PRIMARY KEY,
            print_id INTEGER NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            label TEXT NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (print_id, label)
        );

        CREATE TABLE answer_items (
            id INTEGER PRIMARY KEY,
            print_id INTEGER NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            edited INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            UNIQUE (print_id, position)
        );
        CREATE TABLE answer_item_points (
            item_id INTEGER NOT NULL REFERENCES answer_items(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            PRIMARY KEY (item_id, label)
        );

        CREATE TABLE citations (
            id INTEGER PRIMARY KEY,
            print_id INTEGER NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            source TEXT NOT NULL,
            target_number TEXT,
            target_parliament TEXT,
            target_points TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX citations_print ON citations(print_id);
        CREATE INDEX citations_target ON citations(target_number);

        CREATE TABLE material (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            source_name TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE material_passages (
            id INTEGER PRIMARY KEY,
            material_id INTEGER NOT NULL REFERENCES material(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX material_passages_material ON material_passages(material_id);
        CREATE TABLE material_links (
            material_id INTEGER NOT NULL REFERENCES material(id) ON DELETE CASCADE,
            print_id INTEGER NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
            PRIMARY KEY (material_id, print_id)
        );

        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
            role TEXT,
            email TEXT,
            phone TEXT
        );

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT
        );
        CREATE INDEX events_entity ON events(entity, entity_id);

        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            print_id INTEGER REFERENCES prints(id) ON DELETE SET NULL,
            material_id INTEGER REFERENCES material(id) ON DELETE SET NULL,
            imported_at TEXT NOT NULL
        );
        """
    )


@migration
def m002_search_index(db: sqlite_utils.Database) -> None:
    """Full-text indexes (FTS5) over prints, points with their answers, material and its passages,
    filled from what is already stored."""
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE prints_fts USING fts5(title, body, numbers, tokenize="{TOKENIZER}");
        CREATE VIRTUAL TABLE points_fts USING fts5(question, answer, tokenize="{TOKENIZER}");
        CREATE VIRTUAL TABLE material_fts USING fts5(title, body, tokenize="{TOKENIZER}");
        CREATE VIRTUAL TABLE passages_fts USING fts5(text, tokenize="{TOKENIZER}");
        """
    )
    _fill_m002_indexes(db)


def _fill_m002_indexes(db: sqlite_utils.Database) -> None:
    """m002's filling of its indexes, as the index was kept until m012: each index table holds its
    own copy of the text. Kept here as it was, so m002 does what it always did (m012 then replaces
    these tables with indexes over the stored text, storage/index.py keeps those current)."""
    from core.search_query import number_token

    def add(table: str, rowid: int, values: dict[str, str]) -> None:
        db.execute(
            f"INSERT INTO {table} (rowid, {', '.join(values)}) VALUES (?, {', '.join('?' for _ in values)})",
            [rowid, *values.values()],
        )

    for print_id, title, reasoning, number in db.execute("SELECT id, title, reasoning, number FROM prints").fetchall():
        points = db.execute(
            "SELECT id, label, text FROM points WHERE print_id = ? ORDER BY position", [print_id]
        ).fetchall()
        answers: dict[str, list[str]] = {}
        item_texts = []
        for item_id, text in db.execute(
            "SELECT id, text FROM answer_items WHERE print_id = ? ORDER BY position", [print_id]
        ).fetchall():
            item_texts.append(text)
            for (label,) in db.execute("SELECT label FROM answer_item_points WHERE item_id = ?", [item_id]).fetchall():
                answers.setdefault(label, []).append(text)
        cited = [
            n
            for (n,) in db.execute(
                "SELECT DISTINCT target_number FROM citations WHERE print_id = ? AND target_number IS NOT NULL",
                [print_id],
            ).fetchall()
        ]
        numbers = " ".join(number_token(n) for n in ([number] if number else []) + cited)
        body = "\n\n".join([*(p[2] for p in points), *([reasoning] if reasoning else []), *item_texts])
        add("prints_fts", print_id, {"title": title or "", "body": body, "numbers": numbers})
        for point_id, label, text in points:
            add("points_fts", point_id, {"question": text, "answer": "\n\n".join(answers.get(label, []))})
    for material_id, title, text in db.execute("SELECT id, title, text FROM material").fetchall():
        add("material_fts", material_id, {"title": title, "body": text})
        for passage_id, passage in db.execute(
            "SELECT id, text FROM material_passages WHERE material_id = ? ORDER BY position", [material_id]
        ).fetchall():
            add("passages_fts", passage_id, {"text": passage})


@migration
def m003_workflow(db: sqlite_utils.Database) -> None:
    """Deadlines and workflow: lead officer and unit, extensions, the sending date, contributions
    per point, internal deadlines set by hand."""
    db.executescript(
        """
        ALTER TABLE prints ADD COLUMN received_source TEXT;
        ALTER TABLE prints ADD COLUMN lead_officer TEXT;
        ALTER TABLE prints ADD COLUMN lead_unit TEXT;
        ALTER TABLE prints ADD COLUMN original_due TEXT;
        ALTER TABLE prints ADD COLUMN extension_requested TEXT;
        ALTER TABLE prints ADD COLUMN extension_granted TEXT;
        ALTER TABLE prints ADD COLUMN extension_reason TEXT;
        ALTER TABLE prints ADD COLUMN sent_on TEXT;
        CREATE INDEX prints_status ON prints(status);

        CREATE TABLE contributions (
            print_id INTEGER NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            unit TEXT NOT NULL,
            due TEXT,
            received_on TEXT,
            PRIMARY KEY (print_id, label)
        );
        CREATE TABLE internal_deadlines (
            print_id INTEGER NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            due TEXT NOT NULL,
            PRIMARY KEY (print_id, step)
        );
        """
    )


@migration
def m004_speed(db: sqlite_utils.Database) -> None:
    """What a register of 50,000 prints needs to stay quick: the points index's vocabulary (how many
    points use a word, to leave out words too common to tell prints apart) and the list's order."""
    db.executescript(
        """
        CREATE VIRTUAL TABLE points_vocab USING fts5vocab(points_fts, 'row');
        CREATE INDEX prints_list_order ON prints(
            due_date IS NULL, due_date, COALESCE(received, submitted) DESC, id DESC
        );
        """
    )


@migration
def m005_answer_office(db: sqlite_utils.Database) -> None:
    """The signatory's office line, for the signature of an exported answer."""
    db.execute("ALTER TABLE prints ADD COLUMN answer_office TEXT")


@migration
def m006_list_order(db: sqlite_utils.Database) -> None:
    """The list shows open inquiries first, by due date: an index in that order."""
    db.executescript(
        """
        DROP INDEX IF EXISTS prints_list_order;
        CREATE INDEX prints_list_order ON prints(
            status IN ('versandt', 'veröffentlicht'), due_date IS NULL, due_date,
            COALESCE(received, submitted) DESC, id DESC
        );
        """
    )


@migration
def m007_filter_indexes(db: sqlite_utils.Database) -> None:
    """The app's filters offer the parliaments, terms, units and officers in use, and sort by
    officer: without indexes each of these scans all prints (0.6 s at 50,000 at every start)."""
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS prints_parliament_term ON prints(parliament, term);
        CREATE INDEX IF NOT EXISTS prints_term ON prints(term);
        CREATE INDEX IF NOT EXISTS prints_lead_unit ON prints(lead_unit);
        CREATE INDEX IF NOT EXISTS prints_lead_officer ON prints(lead_officer);
        """
    )


@migration
def m008_officer_order(db: sqlite_utils.Database) -> None:
    """Sorting the register by officer (officers first, then by deadline) reads this index in order
    instead of sorting 50,000 rows (0.5 s → 2 ms)."""
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS prints_officer_order
            ON prints(lead_officer IS NULL, lead_officer, due_date IS NULL, due_date, id DESC);
        """
    )


@migration
def m009_ziffer_info(db: sqlite_utils.Database) -> None:
    """Facts about the file itself, first of all which Ziffer version last changed its schema: an older
    Ziffer that finds a newer schema can then name the version the officer needs."""
    db.execute("CREATE TABLE ziffer_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migration
def m010_signers(db: sqlite_utils.Database) -> None:
    """The names under a motion as the print lists them (all eight, where the head names two and
    "u. a."): the Stellungnahme prints them so."""
    db.execute("ALTER TABLE prints ADD COLUMN signers TEXT NOT NULL DEFAULT '[]'")


# answer_items.updated_at of an item stored together with its print (m013): it has no time of its own,
# the print's created_at is its time. An answer's items are most of a register's rows; their 25-byte
# time, the same as their print's, was 2 % of the file (issue 13). Empty rather than NULL, so the
# column keeps its NOT NULL (SQLite cannot drop it without copying the table).
STORED_WITH_PRINT = ""

# The facts an officer corrects in an inquiry's *Angaben*: each carries a version of its own, so two
# officers correcting different facts of one print do not get in each other's way (m011).
VERSIONED_FACTS = (
    "number",
    "title",
    "submitted",
    "received",
    "ministry",
    "lead_officer",
    "lead_unit",
    "answer_date",
    "answer_file_number",
    "answer_consent",
    "answer_signatory",
    "answer_office",
)


@migration
def m011_versions(db: sqlite_utils.Database) -> None:
    """Versions against lost updates between two windows (or two PCs) on one register: every answer
    item and every correctable fact carries a version that a save must name; the answer's items take
    their versions from a counter on the print that only grows, so a rewritten division never hands
    out a version a stale window still holds. Events note the session that wrote them, so a window
    can tell its own changes from another's."""
    db.executescript(
        "ALTER TABLE answer_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
        "ALTER TABLE answer_items ADD COLUMN updated_by TEXT;\n"
        "ALTER TABLE prints ADD COLUMN answer_seq INTEGER NOT NULL DEFAULT 1;\n"
        "ALTER TABLE events ADD COLUMN session TEXT;\n"
        + "".join(f"ALTER TABLE prints ADD COLUMN {f}_version INTEGER NOT NULL DEFAULT 1;\n" for f in VERSIONED_FACTS)
    )


@migration
def m012_index_over_stored_text(db: sqlite_utils.Database) -> None:
    """The full-text indexes stop keeping a copy of the text they index (nearly half of the file, issue 13):
    each becomes an external-content FTS5 index reading its text from the tables themselves, through
    a view that puts a print's text together exactly as it was indexed before. Same words, same
    positions, same column sizes: the same matches, bm25 scores and snippets; the index is rebuilt
    from the views, and the file's freed pages are given back after the migration (storage.db)."""
    db.executescript(
        f"""
        DROP TABLE prints_fts;
        DROP TABLE points_fts;
        DROP TABLE material_fts;
        DROP TABLE passages_fts;
        {SEARCH_TEXT_VIEWS}
        CREATE VIRTUAL TABLE prints_fts USING fts5(
            title, body, numbers, content='prints_search_text', content_rowid='id', tokenize="{TOKENIZER}");
        CREATE VIRTUAL TABLE points_fts USING fts5(
            question, answer, content='points_search_text', content_rowid='id', tokenize="{TOKENIZER}");
        CREATE VIRTUAL TABLE material_fts USING fts5(
            title, body, content='material_search_text', content_rowid='id', tokenize="{TOKENIZER}");
        CREATE VIRTUAL TABLE passages_fts USING fts5(
            text, content='material_passages', content_rowid='id', tokenize="{TOKENIZER}");
        INSERT INTO prints_fts(prints_fts) VALUES ('rebuild');
        INSERT INTO points_fts(points_fts) VALUES ('rebuild');
        INSERT INTO material_fts(material_fts) VALUES ('rebuild');
        INSERT INTO passages_fts(passages_fts) VALUES ('rebuild');
        """
    )


@migration
def m013_smaller_register(db: sqlite_utils.Database) -> None:
    """A smaller file for the same prints (issue 13). Which points an answer item answers is kept in a
    table without SQLite's hidden row number, its only index being its key (item, point): half the
    bytes. The order in which an item names its points, which the row number kept, is a column of its
    own now. The views are made anew around the new table (SQLite checks views when a table is
    renamed), with the same text. The vocabulary table of m004 goes: nothing reads it any more. An
    answer item whose time is its print's created_at keeps no copy of it (STORED_WITH_PRINT).
    After the migration the file is rewritten with larger pages and gives freed pages back at every
    commit (storage.db: _shrink, PAGE_SIZE)."""
    db.executescript(
        f"""
        DROP TABLE IF EXISTS points_vocab;
        CREATE TABLE answer_item_points_new (
            item_id INTEGER NOT NULL REFERENCES answer_items(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (item_id, label)
        ) WITHOUT ROWID;
        INSERT INTO answer_item_points_new (item_id, label, position)
            SELECT item_id, label, row_number() OVER (PARTITION BY item_id ORDER BY rowid) - 1
            FROM answer_item_points;
        DROP VIEW prints_search_text;
        DROP VIEW points_search_text;
        DROP VIEW material_search_text;
        DROP TABLE answer_item_points;
        ALTER TABLE answer_item_points_new RENAME TO answer_item_points;
        {SEARCH_TEXT_VIEWS}
        UPDATE answer_items SET updated_at = '{STORED_WITH_PRINT}'
        WHERE updated_at = (SELECT created_at FROM prints WHERE prints.id = answer_items.print_id);
        """
    )


def known_migrations() -> list[str]:
    """The names of the migrations this Ziffer knows, in order; their count is the schema level
    kept in `PRAGMA user_version`."""
    return [fn.__name__ for fn in _MIGRATIONS]


# -- the team register on PostgreSQL ----------------------------------------------------------------
#
# The same tables for the server, as its own forward migrations (name, SQL), applied by
# storage.postgres.migrate in one transaction each with its bookkeeping row. The first creates the
# schema as the SQLite migrations above leave it (m001-m011; no server register predates them), so a
# register copied from a file to the server (`copy`) finds every column. A later change to the schema
# is a new migration in both lists; m012 has no counterpart, since the server's index rows keep their
# texts beside their tsvectors (search reads snippets and answers from them). Differences: ids are
# identity columns; the list's order indexes name SQLite's order of NULL (lowest), which the register's
# queries ask for explicitly; the two tables SQLite orders by its implicit rowid get a `rowid` column of
# their own (answer_item_points until p002, when both sides got an explicit position); the full-text
# indexes are tables
# with a tsvector and a GIN index (storage/team.py builds the tsvectors); every event notifies
# the channel the other windows listen on.

PG_SCHEMA = """
CREATE TABLE prints (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    parliament TEXT, number TEXT, term INTEGER, kind TEXT NOT NULL DEFAULT 'other', title TEXT,
    submitted TEXT, received TEXT, published TEXT,
    originators TEXT NOT NULL DEFAULT '[]', factions TEXT NOT NULL DEFAULT '[]',
    ministry TEXT, reasoning TEXT, answered INTEGER NOT NULL DEFAULT 0, answer_date TEXT,
    answer_file_number TEXT, answer_consent TEXT NOT NULL DEFAULT '[]', answer_signatory TEXT,
    status TEXT NOT NULL DEFAULT 'eingegangen', due_date TEXT, fingerprint TEXT,
    warnings TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    received_source TEXT, lead_officer TEXT, lead_unit TEXT, original_due TEXT,
    extension_requested TEXT, extension_granted TEXT, extension_reason TEXT, sent_on TEXT,
    answer_office TEXT, signers TEXT NOT NULL DEFAULT '[]', answer_seq INTEGER NOT NULL DEFAULT 1,
    {versions}
);
CREATE INDEX prints_number ON prints(number);
CREATE INDEX prints_fingerprint ON prints(fingerprint);
CREATE INDEX prints_due ON prints(due_date);
CREATE INDEX prints_status ON prints(status);
CREATE INDEX prints_list_order ON prints(
    (status IN ('versandt', 'veröffentlicht')) NULLS FIRST, (due_date IS NULL) NULLS FIRST, due_date NULLS FIRST,
    (COALESCE(received, submitted)) DESC NULLS LAST, id DESC NULLS LAST
);
CREATE INDEX prints_parliament_term ON prints(parliament, term);
CREATE INDEX prints_term ON prints(term);
CREATE INDEX prints_lead_unit ON prints(lead_unit);
CREATE INDEX prints_lead_officer ON prints(lead_officer);
CREATE INDEX prints_officer_order ON prints(
    (lead_officer IS NULL) NULLS FIRST, lead_officer NULLS FIRST, (due_date IS NULL) NULLS FIRST, due_date NULLS FIRST,
    id DESC NULLS LAST
);

CREATE TABLE points (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    print_id BIGINT NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
    UNIQUE (print_id, label)
);
CREATE TABLE answer_items (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    print_id BIGINT NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, text TEXT NOT NULL, edited INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, updated_by TEXT,
    UNIQUE (print_id, position)
);
CREATE TABLE answer_item_points (
    item_id BIGINT NOT NULL REFERENCES answer_items(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY,
    PRIMARY KEY (item_id, label)
);
CREATE TABLE citations (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    print_id BIGINT NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, source TEXT NOT NULL, target_number TEXT, target_parliament TEXT,
    target_points TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX citations_print ON citations(print_id);
CREATE INDEX citations_target ON citations(target_number);

CREATE TABLE material (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    title TEXT NOT NULL, text TEXT NOT NULL, source_name TEXT, created_at TEXT NOT NULL
);
CREATE TABLE material_passages (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    material_id BIGINT NOT NULL REFERENCES material(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX material_passages_material ON material_passages(material_id);
CREATE TABLE material_links (
    material_id BIGINT NOT NULL REFERENCES material(id) ON DELETE CASCADE,
    print_id BIGINT NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
    PRIMARY KEY (material_id, print_id)
);

CREATE TABLE units (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE people (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT NOT NULL,
    unit_id BIGINT REFERENCES units(id) ON DELETE SET NULL, role TEXT, email TEXT, phone TEXT
);

CREATE TABLE events (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL, who TEXT NOT NULL, entity TEXT NOT NULL, entity_id BIGINT NOT NULL,
    field TEXT NOT NULL, old TEXT, new TEXT, session TEXT
);
CREATE INDEX events_entity ON events(entity, entity_id);
CREATE FUNCTION ziffer_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ziffer_events', NEW.id::text);
    RETURN NEW;
END
$$;
CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION ziffer_event_notify();

CREATE TABLE files (
    sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, size BIGINT NOT NULL,
    print_id BIGINT REFERENCES prints(id) ON DELETE SET NULL,
    material_id BIGINT REFERENCES material(id) ON DELETE SET NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE contributions (
    print_id BIGINT NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
    label TEXT NOT NULL, unit TEXT NOT NULL, due TEXT, received_on TEXT,
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY,
    PRIMARY KEY (print_id, label)
);
CREATE TABLE internal_deadlines (
    print_id BIGINT NOT NULL REFERENCES prints(id) ON DELETE CASCADE,
    step TEXT NOT NULL, due TEXT NOT NULL,
    PRIMARY KEY (print_id, step)
);

CREATE TABLE prints_fts (rowid BIGINT PRIMARY KEY, title TEXT, body TEXT, numbers TEXT, tsv TSVECTOR NOT NULL);
CREATE TABLE points_fts (rowid BIGINT PRIMARY KEY, question TEXT, answer TEXT, tsv TSVECTOR NOT NULL);
CREATE TABLE material_fts (rowid BIGINT PRIMARY KEY, title TEXT, body TEXT, tsv TSVECTOR NOT NULL);
CREATE TABLE passages_fts (rowid BIGINT PRIMARY KEY, text TEXT, tsv TSVECTOR NOT NULL);
CREATE INDEX prints_fts_tsv ON prints_fts USING GIN (tsv);
CREATE INDEX points_fts_tsv ON points_fts USING GIN (tsv);
CREATE INDEX material_fts_tsv ON material_fts USING GIN (tsv);
CREATE INDEX passages_fts_tsv ON passages_fts USING GIN (tsv);

CREATE TABLE ziffer_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
""".replace("{versions}", ",\n    ".join(f"{f}_version INTEGER NOT NULL DEFAULT 1" for f in VERSIONED_FACTS))

# p002, the server's side of m013: the order in which an answer item names its points is a column of
# its own instead of the order-keeping rowid, as in a register file (so `copy` keeps it both ways)
PG_ANSWER_POINT_POSITION = """
ALTER TABLE answer_item_points ADD COLUMN position INTEGER;
UPDATE answer_item_points a SET position = o.position
FROM (SELECT item_id, label, row_number() OVER (PARTITION BY item_id ORDER BY rowid) - 1 AS position
      FROM answer_item_points) o
WHERE a.item_id = o.item_id AND a.label = o.label;
ALTER TABLE answer_item_points ALTER COLUMN position SET NOT NULL;
ALTER TABLE answer_item_points DROP COLUMN rowid;
"""

PG_MIGRATIONS: list[tuple[str, str]] = [
    ("p001_register", PG_SCHEMA),
    ("p002_answer_point_position", PG_ANSWER_POINT_POSITION),
]
