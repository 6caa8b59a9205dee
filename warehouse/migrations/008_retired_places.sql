-- description: retired places: sources pruned from the folder
-- A place (path or URL) that `tongban run --prune` no longer found. Its documents stay
-- as history; they stop counting once none of their places is current. Seen again, it returns.
CREATE TABLE retired_sources (uri VARCHAR PRIMARY KEY, retired_at TIMESTAMPTZ);
CREATE OR REPLACE VIEW current_documents AS
    SELECT DISTINCT s.doc_id
    FROM document_sources s
    JOIN (SELECT uri, max(version) AS version FROM document_sources GROUP BY uri) latest
      ON latest.uri = s.uri AND latest.version = s.version
    WHERE s.uri NOT IN (SELECT uri FROM retired_sources);
