-- description: current documents: the latest version at each place
-- A document is current while it is the newest version at some uri it was seen at.
-- Older versions stay in every table (history); the registries count current ones only.
CREATE VIEW current_documents AS
    SELECT DISTINCT s.doc_id
    FROM document_sources s
    JOIN (SELECT uri, max(version) AS version FROM document_sources GROUP BY uri) latest
      ON latest.uri = s.uri AND latest.version = s.version;
