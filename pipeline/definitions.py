"""Dagster definitions: thin wiring of the asset modules, checks, jobs, sensors and resources."""

import dagster as dg

from pipeline.assets import fetch, ingest, warehouse
from pipeline.checks import registry_checks
from pipeline.resources import default_resources
from pipeline.sensors import document_job, fetch_job, load_job, source_folder_sensor, staging_sensor, url_list_schedule

all_assets = dg.load_assets_from_modules([ingest, warehouse, fetch])
all_checks = registry_checks  # document checks are check_specs of their assets

defs = dg.Definitions(
    assets=all_assets,
    asset_checks=all_checks,
    jobs=[document_job, load_job, fetch_job],
    sensors=[source_folder_sensor, staging_sensor],
    schedules=[url_list_schedule],
    resources=default_resources(),
)
