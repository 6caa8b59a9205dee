-- description: item links: the deadlines and departments on an item's own table row
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
