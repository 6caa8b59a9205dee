"""The thin Dagster layer and the `tongban` CLI; the work itself lives in sources/, extractors/, warehouse/."""
