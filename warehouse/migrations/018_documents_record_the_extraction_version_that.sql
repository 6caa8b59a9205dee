-- description: documents record the extraction version that made their rows
-- warehouse/code_version.py: a run processes again the documents an older version loaded
ALTER TABLE documents ADD COLUMN extraction_version VARCHAR;
