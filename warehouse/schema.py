"""The DuckDB schema, as numbered forward migrations.

Table names are a contract with analysts and the portal: add columns, never
rename. Each migration runs once, in a transaction, and is recorded in
``schema_version``; opening an older warehouse brings it forward.
"""

from __future__ import annotations

import duckdb

_SPAN = "span_start INTEGER, span_end INTEGER, raw_start INTEGER, raw_end INTEGER"

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "core tables: documents, mentions, deadlines, departments, errors, registry",
        f"""
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,       -- first 16 hex of sha256: same bytes, same document
            sha256 VARCHAR NOT NULL,
            uri VARCHAR NOT NULL,             -- where it was first seen (path below the source, or URL)
            version INTEGER NOT NULL,         -- 1 for the first bytes seen at this uri, then 2, 3, ...
            kind VARCHAR NOT NULL,            -- txt | html | pdf
            size_bytes BIGINT,
            title VARCHAR, doc_number VARCHAR, issuer VARCHAR,
            issued DATE, published DATE,
            encoding VARCHAR, script VARCHAR, variant VARCHAR,
            quality JSON,                     -- the normalizer's quality record
            raw_text VARCHAR,                 -- the decoded text raw spans point into
            normalized_text VARCHAR,          -- the text spans point into
            offset_runs JSON,                 -- compact map normalized -> raw
            fetched_at TIMESTAMPTZ, loaded_at TIMESTAMPTZ
        );
        CREATE TABLE document_sources (
            doc_id VARCHAR NOT NULL, uri VARCHAR NOT NULL, version INTEGER NOT NULL,
            first_seen TIMESTAMPTZ, PRIMARY KEY (doc_id, uri)
        );
        CREATE TABLE item_mentions (
            doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
            name VARCHAR NOT NULL,            -- as written (normalized text)
            raw_name VARCHAR,                 -- as written in the raw text (traditional, noisy)
            item_key VARCHAR NOT NULL,        -- canonical key the registry groups by
            main_item VARCHAR, method VARCHAR, scope VARCHAR[], modes VARCHAR[],
            stated_count INTEGER, list_group INTEGER, context VARCHAR, {_SPAN},
            PRIMARY KEY (doc_id, ordinal)
        );
        CREATE TABLE item_count_checks (
            doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, stated INTEGER, found INTEGER, {_SPAN},
            PRIMARY KEY (doc_id, ordinal)
        );
        CREATE TABLE deadlines (
            doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
            text VARCHAR NOT NULL, kind VARCHAR NOT NULL, date DATE, start_date DATE,
            precision VARCHAR, base_date DATE, context VARCHAR, {_SPAN},
            PRIMARY KEY (doc_id, ordinal)
        );
        CREATE TABLE department_mentions (
            doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
            name VARCHAR NOT NULL, canonical VARCHAR NOT NULL, role VARCHAR NOT NULL, context VARCHAR, {_SPAN},
            PRIMARY KEY (doc_id, ordinal)
        );
        CREATE TABLE ingest_errors (
            error_id VARCHAR PRIMARY KEY,     -- hash of uri, stage, type and content: re-runs replace, not add
            uri VARCHAR NOT NULL, sha256 VARCHAR, stage VARCHAR NOT NULL,
            error_type VARCHAR NOT NULL, message VARCHAR, occurred_at TIMESTAMPTZ
        );
        CREATE TABLE registry_items (
            item_id VARCHAR PRIMARY KEY,      -- deterministic from item_key: stable across runs and input order
            name VARCHAR NOT NULL,            -- canonical simplified name
            item_key VARCHAR NOT NULL UNIQUE,
            aliases VARCHAR[],                -- every surface form seen, raw ones included
            main_items VARCHAR[], scope VARCHAR[], modes VARCHAR[],
            doc_ids VARCHAR[], source_uris VARCHAR[],
            mention_count INTEGER, document_count INTEGER,
            first_seen DATE, last_seen DATE,  -- by the citing documents' dates
            built_at TIMESTAMPTZ
        );
        """,
    ),
    (
        2,
        "analyst views",
        """
        CREATE VIEW v_registry AS
            SELECT item_id, name, array_to_string(scope, '；') AS scope, array_to_string(main_items, '；') AS main_item,
                   document_count, mention_count, first_seen, last_seen, array_to_string(aliases, '|') AS aliases
            FROM registry_items ORDER BY name;
        CREATE VIEW v_item_sources AS
            SELECT r.item_id, r.name AS item, m.name AS mention, m.raw_name, m.method, d.doc_id, d.uri,
                   d.title, d.doc_number, d.issuer, coalesce(d.issued, d.published) AS doc_date,
                   m.span_start, m.span_end, m.raw_start, m.raw_end, m.context
            FROM registry_items r
            JOIN item_mentions m ON m.item_key = r.item_key
            JOIN documents d ON d.doc_id = m.doc_id;
        CREATE VIEW v_document_quality AS
            SELECT doc_id, uri, title, encoding, script, variant,
                   CAST(json_extract(quality, '$.pinyin_groups_removed') AS INTEGER) AS pinyin_groups_removed,
                   CAST(json_extract(quality, '$.residual_traditional') AS INTEGER) AS residual_traditional,
                   json_array_length(json_extract(quality, '$.mojibake')) AS mojibake_spans
            FROM documents;
        """,
    ),
]


MIGRATIONS.append(
    (
        3,
        "merges, departments registry, deadline and department views",
        """
        CREATE TABLE item_aliases (
            alias_key VARCHAR PRIMARY KEY, canonical_key VARCHAR NOT NULL, alias VARCHAR, canonical VARCHAR, reason VARCHAR
        );
        CREATE TABLE registry_merges (
            item_key VARCHAR PRIMARY KEY,     -- a key seen in mentions
            merged_into VARCHAR NOT NULL,     -- the registry key it was folded into
            reason VARCHAR NOT NULL
        );
        CREATE TABLE registry_departments (
            department_id VARCHAR PRIMARY KEY, -- deterministic from the canonical name
            canonical VARCHAR NOT NULL UNIQUE,
            aliases VARCHAR[], roles VARCHAR[],
            lead_count INTEGER, cooperate_count INTEGER, responsible_count INTEGER, mention_count INTEGER,
            doc_ids VARCHAR[], document_count INTEGER, built_at TIMESTAMPTZ
        );
        CREATE VIEW v_deadlines AS
            SELECT d.doc_id, doc.title, doc.doc_number, d.text, d.kind, d.date, d.start_date, d.precision,
                   CASE WHEN d.kind = 'recurring' THEN 'recurring'
                        WHEN d.date IS NULL THEN 'open'
                        WHEN d.date < current_date THEN 'overdue'
                        ELSE 'upcoming' END AS status,
                   d.date - current_date AS days_left, d.context
            FROM deadlines d JOIN documents doc USING (doc_id);
        CREATE MACRO deadlines_as_of(as_of) AS TABLE
            SELECT d.doc_id, doc.title, d.text, d.kind, d.date,
                   CASE WHEN d.kind = 'recurring' THEN 'recurring'
                        WHEN d.date IS NULL THEN 'open'
                        WHEN d.date < CAST(as_of AS DATE) THEN 'overdue'
                        ELSE 'upcoming' END AS status,
                   d.date - CAST(as_of AS DATE) AS days_left, d.context
            FROM deadlines d JOIN documents doc USING (doc_id);
        CREATE VIEW v_department_items AS
            SELECT DISTINCT rd.department_id, dm.canonical AS department, dm.role, ri.item_id, ri.name AS item,
                   dm.doc_id
            FROM department_mentions dm
            JOIN registry_departments rd ON rd.canonical = dm.canonical
            JOIN item_mentions im ON im.doc_id = dm.doc_id
            JOIN registry_merges rm ON rm.item_key = im.item_key
            JOIN registry_items ri ON ri.item_key = rm.merged_into
            WHERE dm.role <> 'mentioned';
        """,
    )
)


MIGRATIONS.append(
    (
        4,
        "staged partition loads",
        """
        CREATE TABLE staging_loads (
            partition_key VARCHAR PRIMARY KEY,  -- a document's content key
            staged_mtime_ns BIGINT NOT NULL,    -- the staged file's version that was loaded
            outcome VARCHAR NOT NULL,           -- loaded | error
            loaded_at TIMESTAMPTZ
        );
        """,
    )
)


MIGRATIONS.append(
    (
        5,
        "sections and tasks",
        f"""
        CREATE TABLE sections (
            doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
            level INTEGER, number VARCHAR, title VARCHAR, parent INTEGER, {_SPAN},
            PRIMARY KEY (doc_id, ordinal)
        );
        CREATE TABLE tasks (
            doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
            section INTEGER, number VARCHAR, title VARCHAR, {_SPAN},
            PRIMARY KEY (doc_id, ordinal)
        );
        CREATE TABLE task_links (
            doc_id VARCHAR NOT NULL, task INTEGER NOT NULL,
            kind VARCHAR NOT NULL,            -- deadline | department | item
            target INTEGER NOT NULL,          -- ordinal in deadlines / department_mentions / item_mentions
            PRIMARY KEY (doc_id, task, kind, target)
        );
        CREATE VIEW v_tasks AS
            SELECT t.doc_id, doc.title AS document, t.number, t.title AS task,
                   string_agg(DISTINCT d.text, '；') AS deadlines, min(d.date) AS first_due,
                   string_agg(DISTINCT m.canonical || '（' || m.role || '）', '；') AS departments
            FROM tasks t
            JOIN documents doc USING (doc_id)
            LEFT JOIN task_links ld ON ld.doc_id = t.doc_id AND ld.task = t.ordinal AND ld.kind = 'deadline'
            LEFT JOIN deadlines d ON d.doc_id = t.doc_id AND d.ordinal = ld.target
            LEFT JOIN task_links lm ON lm.doc_id = t.doc_id AND lm.task = t.ordinal AND lm.kind = 'department'
            LEFT JOIN department_mentions m ON m.doc_id = t.doc_id AND m.ordinal = lm.target
            GROUP BY t.doc_id, doc.title, t.ordinal, t.number, t.title
            ORDER BY t.doc_id, t.ordinal;
        """,
    )
)


MIGRATIONS.append(
    (
        6,
        "item batches",
        """
        ALTER TABLE item_mentions ADD COLUMN batch VARCHAR;  -- 第一批: the batch the item's list announces
        """,
    )
)


MIGRATIONS.append(
    (
        7,
        "current documents: the latest version at each place",
        """
        -- A document is current while it is the newest version at some uri it was seen at.
        -- Older versions stay in every table (history); the registries count current ones only.
        CREATE VIEW current_documents AS
            SELECT DISTINCT s.doc_id
            FROM document_sources s
            JOIN (SELECT uri, max(version) AS version FROM document_sources GROUP BY uri) latest
              ON latest.uri = s.uri AND latest.version = s.version;
        """,
    )
)


MIGRATIONS.append(
    (
        8,
        "retired places: sources pruned from the folder",
        """
        -- A place (path or URL) that `tongban run --prune` no longer found. Its documents stay
        -- as history; they stop counting once none of their places is current. Seen again, it returns.
        CREATE TABLE retired_sources (uri VARCHAR PRIMARY KEY, retired_at TIMESTAMPTZ);
        CREATE OR REPLACE VIEW current_documents AS
            SELECT DISTINCT s.doc_id
            FROM document_sources s
            JOIN (SELECT uri, max(version) AS version FROM document_sources GROUP BY uri) latest
              ON latest.uri = s.uri AND latest.version = s.version
            WHERE s.uri NOT IN (SELECT uri FROM retired_sources);
        """,
    )
)


MIGRATIONS.append(
    (
        9,
        "JSON columns hold JSON objects, not JSON strings of them",
        """
        -- The batched writer (JSON-unpacked inserts) stored documents.quality and
        -- documents.offset_runs as JSON strings whose text was the JSON, so
        -- v_document_quality read NULLs. Unwrap them once.
        UPDATE documents SET quality = CAST(json_extract_string(quality, '$') AS JSON)
            WHERE json_type(quality) = 'VARCHAR';
        UPDATE documents SET offset_runs = CAST(json_extract_string(offset_runs, '$') AS JSON)
            WHERE json_type(offset_runs) = 'VARCHAR';
        """,
    )
)


MIGRATIONS.append(
    (
        10,
        "item categories: the group heading over an item's table rows",
        """
        ALTER TABLE item_mentions ADD COLUMN category VARCHAR;  -- 社会保障类: the table group it was listed under
        ALTER TABLE registry_items ADD COLUMN categories VARCHAR[];  -- every category its mentions give
        """,
    )
)


MIGRATIONS.append(
    (
        11,
        "v_registry shows categories",
        """
        -- as its other lists: joined, in a column added at the end
        CREATE OR REPLACE VIEW v_registry AS
            SELECT item_id, name, array_to_string(scope, '；') AS scope, array_to_string(main_items, '；') AS main_item,
                   document_count, mention_count, first_seen, last_seen, array_to_string(aliases, '|') AS aliases,
                   array_to_string(categories, '；') AS category
            FROM registry_items ORDER BY name;
        """,
    )
)


# A deadline's status, relative to a day: a relative date on a page with no date of its
# own (今年10月底前, precision unresolved) has no date, but is no open-ended one either.
def _deadline_status(day: str, undated_kinds: tuple[str, ...] = ("recurring",)) -> str:
    """``undated_kinds``: kinds that are their own status, never dated (recurring, ongoing)."""
    undated = "".join(f"WHEN d.kind = '{kind}' THEN '{kind}'\n                        " for kind in undated_kinds)
    return f"""CASE {undated}WHEN d.precision = 'unresolved' THEN 'unresolved'
                        WHEN d.date IS NULL THEN 'open'
                        WHEN d.date < {day} THEN 'overdue'
                        ELSE 'upcoming' END"""


def _deadline_views(undated_kinds: tuple[str, ...]) -> str:
    return f"""
        CREATE OR REPLACE VIEW v_deadlines AS
            SELECT d.doc_id, doc.title, doc.doc_number, d.text, d.kind, d.date, d.start_date, d.precision,
                   {_deadline_status("current_date", undated_kinds)} AS status,
                   d.date - current_date AS days_left, d.context
            FROM deadlines d JOIN documents doc USING (doc_id);
        CREATE OR REPLACE MACRO deadlines_as_of(as_of) AS TABLE
            SELECT d.doc_id, doc.title, d.text, d.kind, d.date,
                   {_deadline_status("CAST(as_of AS DATE)", undated_kinds)} AS status,
                   d.date - CAST(as_of AS DATE) AS days_left, d.context
            FROM deadlines d JOIN documents doc USING (doc_id);
        """


MIGRATIONS.append((12, "deadline status unresolved: a relative date with no base date", _deadline_views(("recurring",))))
MIGRATIONS.append((13, "deadline status ongoing: a time limit of 长期坚持", _deadline_views(("recurring", "ongoing"))))
MIGRATIONS.append(
    (
        14,
        "item spelling: the name as the source wrote it, without the pinyin and blanks removed",
        "ALTER TABLE item_mentions ADD COLUMN IF NOT EXISTS spelling VARCHAR;",
    )
)


MIGRATIONS.append(
    (
        15,
        "item links: the deadlines and departments on an item's own table row",
        """
        CREATE TABLE IF NOT EXISTS item_links (
            doc_id VARCHAR NOT NULL, item INTEGER NOT NULL,  -- ordinal in item_mentions
            kind VARCHAR NOT NULL,                            -- deadline | department
            target INTEGER NOT NULL,                          -- ordinal in deadlines / department_mentions
            PRIMARY KEY (doc_id, item, kind, target)
        );
        CREATE OR REPLACE VIEW v_item_links AS
            SELECT im.doc_id, ri.item_id, ri.name AS item, l.kind,
                   dm.canonical AS department, dm.role, d.text AS deadline, d.kind AS deadline_kind, d.date AS due
            FROM item_links l
            JOIN item_mentions im ON im.doc_id = l.doc_id AND im.ordinal = l.item
            JOIN registry_merges rm ON rm.item_key = im.item_key
            JOIN registry_items ri ON ri.item_key = rm.merged_into
            LEFT JOIN department_mentions dm ON l.kind = 'department' AND dm.doc_id = l.doc_id AND dm.ordinal = l.target
            LEFT JOIN deadlines d ON l.kind = 'deadline' AND d.doc_id = l.doc_id AND d.ordinal = l.target;
        """,
    )
)


MIGRATIONS.append(
    (
        16,
        "v_item_sources reaches mentions merged into an item (aliases, terms, generic endings)",
        """
        -- joined through registry_merges, as v_item_links is: a mention keyed 出生医学证明办理
        -- cites the item 出生医学证明 it merged into (joined on its own key it cited nothing)
        CREATE OR REPLACE VIEW v_item_sources AS
            SELECT r.item_id, r.name AS item, m.name AS mention, m.raw_name, m.method, d.doc_id, d.uri,
                   d.title, d.doc_number, d.issuer, coalesce(d.issued, d.published) AS doc_date,
                   m.span_start, m.span_end, m.raw_start, m.raw_end, m.context
            FROM registry_items r
            JOIN registry_merges rm ON rm.merged_into = r.item_key
            JOIN item_mentions m ON m.item_key = rm.item_key
            JOIN documents d ON d.doc_id = m.doc_id;
        """,
    )
)


MIGRATIONS.append(
    (
        17,
        "registry items carry the bodies and due dates linked to their mentions",
        """
        -- the bodies that lead, handle or cooperate on the item where its sources link one to it
        -- (its row, line, note, field lines or group heading), and the dates its linked deadlines fall due
        ALTER TABLE registry_items ADD COLUMN departments VARCHAR[];
        ALTER TABLE registry_items ADD COLUMN due_dates DATE[];
        CREATE OR REPLACE VIEW v_registry AS
            SELECT item_id, name, array_to_string(scope, '；') AS scope, array_to_string(main_items, '；') AS main_item,
                   document_count, mention_count, first_seen, last_seen, array_to_string(aliases, '|') AS aliases,
                   array_to_string(categories, '；') AS category, array_to_string(departments, '；') AS departments,
                   array_to_string(due_dates, '；') AS due_dates
            FROM registry_items ORDER BY name;
        """,
    )
)


MIGRATIONS.append(
    (
        18,
        "documents record the extraction version that made their rows",
        """
        -- warehouse/code_version.py: a run processes again the documents an older version loaded
        ALTER TABLE documents ADD COLUMN extraction_version VARCHAR;
        """,
    )
)


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Apply pending migrations; return the schema version now in force."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMPTZ)"
    )
    # every migration not yet recorded runs, in order: a gap (a version removed by hand to
    # re-run it) is filled without running the ones after it again
    applied = {version for (version,) in conn.execute("SELECT version FROM schema_version").fetchall()}
    current = max(applied, default=0)
    for version, description, sql in MIGRATIONS:
        if version in applied:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(sql)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, now())", [version, description])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        current = max(current, version)
    return current
