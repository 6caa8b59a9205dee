-- description: v_item_sources reaches mentions merged into an item (aliases, terms, generic endings)
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
