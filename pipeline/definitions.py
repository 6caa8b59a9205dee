"""Dagster definitions: thin wiring of the asset modules and resources."""

from __future__ import annotations

import dagster as dg

from pipeline.assets import ingest, warehouse
from pipeline.checks import registry_checks
from pipeline.quality_checks import quality_checks
from pipeline.resources import default_resources

all_assets = dg.load_assets_from_modules([ingest, warehouse])

tongban_job = dg.define_asset_job("tongban_job", selection=dg.AssetSelection.all(), description="The whole graph, source to publish.")

defs = dg.Definitions(assets=all_assets, asset_checks=registry_checks + quality_checks, jobs=[tongban_job], resources=default_resources())
