-- description: item categories: the group heading over an item's table rows
ALTER TABLE item_mentions ADD COLUMN category VARCHAR;  -- 社会保障类: the table group it was listed under
ALTER TABLE registry_items ADD COLUMN categories VARCHAR[];  -- every category its mentions give
