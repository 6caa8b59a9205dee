-- description: JSON columns hold JSON objects, not JSON strings of them
-- The batched writer (JSON-unpacked inserts) stored documents.quality and
-- documents.offset_runs as JSON strings whose text was the JSON, so
-- v_document_quality read NULLs. Unwrap them once.
UPDATE documents SET quality = CAST(json_extract_string(quality, '$') AS JSON)
    WHERE json_type(quality) = 'VARCHAR';
UPDATE documents SET offset_runs = CAST(json_extract_string(offset_runs, '$') AS JSON)
    WHERE json_type(offset_runs) = 'VARCHAR';
