-- description: sections and tasks
CREATE TABLE sections (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    level INTEGER, number VARCHAR, title VARCHAR, parent INTEGER, span_start INTEGER, span_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);
CREATE TABLE tasks (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    section INTEGER, number VARCHAR, title VARCHAR, span_start INTEGER, span_end INTEGER, raw_start INTEGER, raw_end INTEGER,
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
