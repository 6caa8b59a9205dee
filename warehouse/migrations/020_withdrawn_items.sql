-- description: withdrawn items: a notice takes an item off its list (取消A、B等2项事项, 将“A”移出…清单);
-- the registry names the notice that withdrew an item no later notice lists again
ALTER TABLE item_mentions ADD COLUMN withdrawn BOOLEAN;
ALTER TABLE registry_items ADD COLUMN withdrawn_by VARCHAR;
CREATE OR REPLACE VIEW v_registry AS
    SELECT item_id, name, array_to_string(scope, '；') AS scope, array_to_string(main_items, '；') AS main_item,
           document_count, mention_count, first_seen, last_seen, array_to_string(aliases, '|') AS aliases,
           array_to_string(categories, '；') AS category, array_to_string(departments, '；') AS departments,
           array_to_string(due_dates, '；') AS due_dates, array_to_string(former_names, '|') AS former_names,
           withdrawn_by
    FROM registry_items ORDER BY name;
