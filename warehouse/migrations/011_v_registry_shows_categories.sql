-- description: v_registry shows categories
-- as its other lists: joined, in a column added at the end
CREATE OR REPLACE VIEW v_registry AS
    SELECT item_id, name, array_to_string(scope, '；') AS scope, array_to_string(main_items, '；') AS main_item,
           document_count, mention_count, first_seen, last_seen, array_to_string(aliases, '|') AS aliases,
           array_to_string(categories, '；') AS category
    FROM registry_items ORDER BY name;
