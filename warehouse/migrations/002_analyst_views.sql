-- description: analyst views
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
