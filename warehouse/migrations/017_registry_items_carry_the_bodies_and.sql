-- description: registry items carry the bodies and due dates linked to their mentions
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
