-- description: merges, departments registry, deadline and department views
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
