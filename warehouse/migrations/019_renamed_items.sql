-- description: renamed items: the name an item had before a notice renamed it
-- (原事项名称 | 调整后事项名称, “A”更名为“B”); the registry keeps one item, the old name one of its aliases
ALTER TABLE item_mentions ADD COLUMN former_name VARCHAR;
ALTER TABLE registry_items ADD COLUMN former_names VARCHAR[];
CREATE OR REPLACE VIEW v_registry AS
    SELECT item_id, name, array_to_string(scope, '；') AS scope, array_to_string(main_items, '；') AS main_item,
           document_count, mention_count, first_seen, last_seen, array_to_string(aliases, '|') AS aliases,
           array_to_string(categories, '；') AS category, array_to_string(departments, '；') AS departments,
           array_to_string(due_dates, '；') AS due_dates, array_to_string(former_names, '|') AS former_names
    FROM registry_items ORDER BY name;
