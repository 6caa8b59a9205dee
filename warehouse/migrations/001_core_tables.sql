-- description: core tables: documents, mentions, deadlines, departments, errors, registry
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,       -- first 16 hex of sha256: same bytes, same document
    sha256 VARCHAR NOT NULL,
    uri VARCHAR NOT NULL,             -- where it was first seen (path below the source, or URL)
    version INTEGER NOT NULL,         -- 1 for the first bytes seen at this uri, then 2, 3, ...
    kind VARCHAR NOT NULL,            -- txt | html | pdf
    size_bytes BIGINT,
    title VARCHAR, doc_number VARCHAR, issuer VARCHAR,
    issued DATE, published DATE,
    encoding VARCHAR, script VARCHAR, variant VARCHAR,
    quality JSON,                     -- the normalizer's quality record
    raw_text VARCHAR,                 -- the decoded text raw spans point into
    normalized_text VARCHAR,          -- the text spans point into
    offset_runs JSON,                 -- compact map normalized -> raw
    fetched_at TIMESTAMPTZ, loaded_at TIMESTAMPTZ
);
CREATE TABLE document_sources (
    doc_id VARCHAR NOT NULL, uri VARCHAR NOT NULL, version INTEGER NOT NULL,
    first_seen TIMESTAMPTZ, PRIMARY KEY (doc_id, uri)
);
CREATE TABLE item_mentions (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    name VARCHAR NOT NULL,            -- as written (normalized text)
    raw_name VARCHAR,                 -- as written in the raw text (traditional, noisy)
    item_key VARCHAR NOT NULL,        -- canonical key the registry groups by
    main_item VARCHAR, method VARCHAR, scope VARCHAR[], modes VARCHAR[],
    stated_count INTEGER, list_group INTEGER, context VARCHAR, span_start INTEGER, span_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);
CREATE TABLE item_count_checks (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, stated INTEGER, found INTEGER, span_start INTEGER, span_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);
CREATE TABLE deadlines (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    text VARCHAR NOT NULL, kind VARCHAR NOT NULL, date DATE, start_date DATE,
    precision VARCHAR, base_date DATE, context VARCHAR, span_start INTEGER, span_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);
CREATE TABLE department_mentions (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    name VARCHAR NOT NULL, canonical VARCHAR NOT NULL, role VARCHAR NOT NULL, context VARCHAR, span_start INTEGER, span_end INTEGER, raw_start INTEGER, raw_end INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);
CREATE TABLE ingest_errors (
    error_id VARCHAR PRIMARY KEY,     -- hash of uri, stage, type and content: re-runs replace, not add
    uri VARCHAR NOT NULL, sha256 VARCHAR, stage VARCHAR NOT NULL,
    error_type VARCHAR NOT NULL, message VARCHAR, occurred_at TIMESTAMPTZ
);
CREATE TABLE registry_items (
    item_id VARCHAR PRIMARY KEY,      -- deterministic from item_key: stable across runs and input order
    name VARCHAR NOT NULL,            -- canonical simplified name
    item_key VARCHAR NOT NULL UNIQUE,
    aliases VARCHAR[],                -- every surface form seen, raw ones included
    main_items VARCHAR[], scope VARCHAR[], modes VARCHAR[],
    doc_ids VARCHAR[], source_uris VARCHAR[],
    mention_count INTEGER, document_count INTEGER,
    first_seen DATE, last_seen DATE,  -- by the citing documents' dates
    built_at TIMESTAMPTZ
);
