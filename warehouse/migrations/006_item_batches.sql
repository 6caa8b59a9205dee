-- description: item batches
ALTER TABLE item_mentions ADD COLUMN batch VARCHAR;  -- 第一批: the batch the item's list announces
