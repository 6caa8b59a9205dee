"""Assets split by domain: ingest (no DuckDB) and warehouse (the duckdb pool)."""
