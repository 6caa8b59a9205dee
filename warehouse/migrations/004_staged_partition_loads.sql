-- description: staged partition loads
CREATE TABLE staging_loads (
    partition_key VARCHAR PRIMARY KEY,  -- a document's content key
    staged_mtime_ns BIGINT NOT NULL,    -- the staged file's version that was loaded
    outcome VARCHAR NOT NULL,           -- loaded | error
    loaded_at TIMESTAMPTZ
);
