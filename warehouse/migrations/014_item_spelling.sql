-- description: item spelling: the name as the source wrote it, without the pinyin and blanks removed
ALTER TABLE item_mentions ADD COLUMN IF NOT EXISTS spelling VARCHAR;
