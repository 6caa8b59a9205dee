"""Build the registries: ``registry_items`` (one row per real-world item) and
``registry_departments`` (one row per department), every source cited.

Mentions group by ``item_key`` (see :mod:`warehouse.keys`): script variants and
exact repeats share a key because mentions are keyed on normalized text.
Near-duplicates merge only through ``warehouse/data/item_aliases.tsv`` (whole
names), ``warehouse/data/term_aliases.tsv`` (a term inside a name: 社保卡 =
社会保障卡) and ``warehouse/data/name_suffixes.tsv`` (a generic ending: 出生医学证明办理 =
出生医学证明), or a notice that renames an item (``warehouse/renames.py``: 原事项名称 | 调整后事项名称),
and every key's fate is written to ``registry_merges`` with its reason. The
canonical name is the most frequent spelling of the merged key itself; aliases
keep every surface form, raw (traditional, noisy) ones included. Everything is
rebuilt in one transaction, in SQL, so it scales with DuckDB, not Python.

Only current documents count (``current_documents``: the newest version at
each uri): a notice corrected at the same address replaces its old version in
the registry, while the old version's rows stay in the tables as history.
"""

from __future__ import annotations

from importlib import resources

import duckdb

from extractors.item_names import cues, object_first
from warehouse.keys import SUB_ITEM_SEPARATOR, item_key
from warehouse.renames import rename_rows

OWN_KEY = "own key: same normalized name (script variants and exact repeats)"

_MERGES = f"""
INSERT INTO registry_merges
SELECT DISTINCT m.item_key, coalesce(a.canonical_key, m.item_key), coalesce(a.reason, '{OWN_KEY}')
FROM item_mentions m LEFT JOIN item_aliases a ON a.alias_key = m.item_key
"""

_ITEMS = """
INSERT INTO registry_items
WITH m AS (
    SELECT m.*, rm.merged_into AS registry_key, d.uri,
           coalesce(d.issued, d.published, CAST(d.fetched_at AS DATE)) AS doc_date
    FROM item_mentions m
    JOIN registry_merges rm USING (item_key)
    JOIN documents d USING (doc_id)
    WHERE m.doc_id IN (SELECT doc_id FROM current_documents)
),
spellings AS (
    SELECT registry_key, name, bool_or(item_key = registry_key) AS own, count(*) AS n
    FROM m GROUP BY registry_key, name
),
canonical AS (
    SELECT registry_key, name FROM (
        SELECT registry_key, name,
               row_number() OVER (PARTITION BY registry_key ORDER BY own DESC, n DESC, length(name), name) AS rank
        FROM spellings
    ) WHERE rank = 1
)
SELECT
    'item-' || substr(sha256(m.registry_key), 1, 12) AS item_id,
    coalesce(a.canonical, c.name) AS name,
    m.registry_key,
    -- the source's spelling without the noise normalization removed (pinyin, blanks); rows
    -- written before it was kept fall back to the raw name without its layout blanks
    list_sort(list_distinct(list(m.name) || coalesce(
        list(coalesce(m.spelling, regexp_replace(m.raw_name, '\\s+', '', 'g')))
            FILTER (WHERE coalesce(m.spelling, m.raw_name, '') <> ''), []
    ) || coalesce(list(m.former_name) FILTER (WHERE m.former_name IS NOT NULL), []))),
    -- a filtered list() over no rows is NULL, not []: coalesce keeps the column a list
    list_sort(list_distinct(coalesce(list(m.main_item) FILTER (WHERE m.main_item IS NOT NULL), []))),
    -- a scope as sources write it, brackets made full-width: 跨省(区域)通办 = 跨省（区域）通办
    list_sort(list_distinct(list_transform(flatten(list(m.scope)), lambda s: replace(replace(s, '(', '（'), ')', '）')))),
    list_sort(list_distinct(flatten(list(m.modes)))),
    list_sort(list_distinct(list(m.doc_id))),
    list_sort(list_distinct(list(m.uri))),
    count(*),
    count(DISTINCT m.doc_id),
    min(m.doc_date),
    max(m.doc_date),
    now(),
    list_sort(list_distinct(coalesce(list(m.category) FILTER (WHERE m.category IS NOT NULL), []))),
    CAST([] AS VARCHAR[]),  -- departments and due dates: _LINKED fills them
    CAST([] AS DATE[]),
    list_sort(list_distinct(coalesce(list(m.former_name) FILTER (WHERE m.former_name IS NOT NULL), []))),
    -- the newest notice that withdrew it, unless one as new or newer lists it (a tie: the withdrawal)
    CASE WHEN max(m.doc_date) FILTER (WHERE m.withdrawn)
              >= coalesce(max(m.doc_date) FILTER (WHERE NOT coalesce(m.withdrawn, false)), DATE '0001-01-01')
         THEN arg_max(m.uri, m.doc_date) FILTER (WHERE m.withdrawn) END
FROM m
JOIN canonical c USING (registry_key)
-- a term alias has no display name of its own (NULL): the spellings choose it
LEFT JOIN (SELECT canonical_key, max(canonical) AS canonical FROM item_aliases GROUP BY canonical_key) a
    ON a.canonical_key = m.registry_key
GROUP BY m.registry_key, c.name, a.canonical
"""

# What item_links tie to an item's current mentions: the bodies with a role (not a bare
# mention) and the dates its deadlines fall due. An update after the insert: folded into it,
# the joins made the 1M-mention build half as fast again.
_LINKED = """
WITH linked AS (
    SELECT l.doc_id, l.kind, l.target, rm.merged_into AS registry_key
    FROM item_links l
    JOIN item_mentions im ON im.doc_id = l.doc_id AND im.ordinal = l.item
    JOIN registry_merges rm USING (item_key)
    WHERE l.doc_id IN (SELECT doc_id FROM current_documents)
),
bodies AS (
    SELECT linked.registry_key, list_sort(list_distinct(list(dm.canonical))) AS departments
    FROM linked JOIN department_mentions dm ON dm.doc_id = linked.doc_id AND dm.ordinal = linked.target
    WHERE linked.kind = 'department' AND dm.role <> 'mentioned'
    GROUP BY linked.registry_key
),
dues AS (
    SELECT linked.registry_key, list_sort(list_distinct(list(dl.date))) AS due_dates
    FROM linked JOIN deadlines dl ON dl.doc_id = linked.doc_id AND dl.ordinal = linked.target
    WHERE linked.kind = 'deadline' AND dl.kind = 'by' AND dl.date IS NOT NULL
    GROUP BY linked.registry_key
)
SELECT coalesce(b.registry_key, d.registry_key) AS registry_key,
       coalesce(b.departments, []) AS departments, coalesce(d.due_dates, []) AS due_dates
FROM bodies b FULL JOIN dues d USING (registry_key)
"""
_FILL_LINKED = """
UPDATE registry_items r SET departments = l.departments, due_dates = l.due_dates
FROM linked_now l WHERE r.item_key = l.registry_key
"""

_DEPARTMENTS = """
INSERT INTO registry_departments
SELECT
    'dept-' || substr(sha256(canonical), 1, 12),
    canonical,
    -- a spelling is an alias when it ends the way the name does (市医保局, 县残联, 市委编办); the piece a
    -- shared ending completes (四川省 of 四川省、重庆市政府办公厅) stays a mention's text, no name
    coalesce(list_sort(list_distinct(list(name) FILTER (WHERE contains(right(canonical, 3), right(name, 1))))), []::VARCHAR[]),
    list_sort(list_distinct(list(role))),
    count(*) FILTER (WHERE role = 'lead'),
    count(*) FILTER (WHERE role = 'cooperate'),
    count(*) FILTER (WHERE role = 'responsible'),
    count(*),
    list_sort(list_distinct(list(doc_id))),
    count(DISTINCT doc_id),
    now()
FROM department_mentions
WHERE doc_id IN (SELECT doc_id FROM current_documents)
GROUP BY canonical
"""


def _data_rows(name: str, width: int = 3) -> list[tuple[str, ...]]:
    """(alias, canonical, reason, …) rows of a data file under its header, ``width`` columns each
    (a missing one empty)."""
    text = resources.files("warehouse").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = []
    for line in lines[1:]:
        alias, canonical, reason, *rest = (line.split("\t") + [""] * width)[:width]
        rows.append((alias, canonical, reason or f"listed in {name}", *rest))
    return rows


def alias_rows() -> list[tuple[str, str, str, str, str]]:
    """Rows of the merge table, keyed the way mentions are keyed."""
    return [(item_key(a), item_key(c), a, c, reason) for a, c, reason in _data_rows("item_aliases.tsv")]


_MIN_NAME_LEFT = 3  # 公证办理 keeps its 办理: 公证 alone is too short to be sure of


def derived_alias_rows(keys: list[str], listed: dict[str, str]) -> list[tuple[str, str, str, str | None, str]]:
    """Merge rows for mention keys holding an alias term (社保卡申领 -> 社会保障卡申领), ending in
    a generic word (出生医学证明办理 -> 出生医学证明) or written verb first (首次申领居民身份证 ->
    居民身份证首次申领). ``listed`` maps whole-name
    alias keys to their canonical keys: a name the rules turn into a listed alias goes on
    to that alias's item."""
    terms = _data_rows("term_aliases.tsv", width=4)
    suffixes = _data_rows("name_suffixes.tsv")
    rows = []
    for key in keys:
        if key in listed:
            continue
        reordered = object_first(key)
        expanded, term_reasons = _with_terms(reordered or key, terms)
        expanded, reasons = _without_suffix(expanded, suffixes)
        if term_reasons:
            reasons.insert(0, "term alias: " + "; ".join(term_reasons))
        if reordered:
            reasons.insert(0, f"word order: the object first, as lists write it ({key} = {reordered})")
        if expanded != key:
            rows.append((key, listed.get(expanded, expanded), key, None, "; ".join(reasons)))
    return rows


def _with_terms(key: str, terms: list[tuple[str, ...]]) -> tuple[str, list[str]]:
    expanded, reasons = key, []
    for alias, canonical, reason, other_terms in terms:
        replaced = _replace_term(expanded, alias, canonical, other_terms.split("|") if other_terms else [])
        if replaced != expanded:
            expanded = replaced
            reasons.append(f"{alias} = {canonical}: {reason}")
    return expanded, reasons


def _replace_term(key: str, alias: str, canonical: str, other_terms: list[str] = ()) -> str:
    """Each ``alias`` in ``key`` that is not already part of ``canonical`` (公积金 inside
    住房公积金 is the official term: 住房公积金提取 stays as it is), nor of a term that names
    something else (驾驶证 inside 农机驾驶证, 身份证 inside 身份证明)."""
    before, _, after = canonical.partition(alias) if alias in canonical else ("", "", "")
    out, cursor = [], 0
    for position in _occurrences(key, alias):
        whole = key[position - len(before) : position] == before and key.startswith(after, position + len(alias))
        if (alias in canonical and whole) or _inside_a_term(key, position, alias, other_terms):
            continue
        out.append(key[cursor:position] + canonical)
        cursor = position + len(alias)
    return "".join(out) + key[cursor:]


def _inside_a_term(key: str, position: int, alias: str, terms: list[str]) -> bool:
    """Is the ``alias`` at ``position`` part of one of ``terms`` there?"""
    for term in terms:
        offset = term.find(alias)
        if offset >= 0 and key.startswith(term, position - offset):
            return True
    return False


def _occurrences(text: str, word: str) -> list[int]:
    positions, start = [], text.find(word)
    while start >= 0:
        positions.append(start)
        start = text.find(word, start + len(word))
    return positions


def _without_suffix(key: str, suffixes: list[tuple[str, str, str]]) -> tuple[str, list[str]]:
    """The key without its generic endings (手续办理: both), and why. The data lists the
    longer ending first (业务办理 before 办理)."""
    stripped, reasons = key, []
    while ending := _generic_ending(stripped, suffixes):
        suffix, reason = ending
        stripped = stripped[: -len(suffix)]
        reasons.append(f"generic ending {suffix}: {reason}")
    if stripped.rpartition(SUB_ITEM_SEPARATOR)[2] in cues()["service_ending"]:
        return key, []  # 转移接续手续办理 under its main item: 转移接续 alone names no item
    return stripped, reasons


def _generic_ending(key: str, suffixes: list[tuple[str, str, str]]) -> tuple[str, str] | None:
    for suffix, _, reason in suffixes:
        if key.endswith(suffix) and len(key) - len(suffix) >= _MIN_NAME_LEFT:
            return suffix, reason
    return None


def build_registry(conn: duckdb.DuckDBPyConnection) -> int:
    """Rebuild both registries from all mentions; returns the number of items."""
    conn.execute("BEGIN TRANSACTION")
    try:
        for table in ("item_aliases", "registry_merges", "registry_items", "registry_departments"):
            conn.execute(f"DELETE FROM {table}")
        listed = alias_rows()
        listed += rename_rows(conn, {alias: canonical for alias, canonical, *_ in listed})
        conn.executemany("INSERT INTO item_aliases VALUES (?, ?, ?, ?, ?)", listed)
        keys = [key for (key,) in conn.execute("SELECT DISTINCT item_key FROM item_mentions").fetchall()]
        terms = derived_alias_rows(keys, {alias: canonical for alias, canonical, *_ in listed})
        if terms:
            conn.executemany("INSERT INTO item_aliases VALUES (?, ?, ?, ?, ?)", terms)
        conn.execute(_MERGES)
        conn.execute(_ITEMS)
        conn.execute(f"CREATE OR REPLACE TEMP TABLE linked_now AS {_LINKED}")
        conn.execute(_FILL_LINKED)
        conn.execute("DROP TABLE linked_now")
        conn.execute(_DEPARTMENTS)
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    return conn.execute("SELECT count(*) FROM registry_items").fetchone()[0]
