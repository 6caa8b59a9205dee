"""What the workers' fork server imports before forking any worker (:mod:`pipeline.workers`).

Importing this loads the pipeline code and the extractors' data once, then
moves every object into the collector's permanent generation (``gc.freeze``):
collections in the workers then never write to those objects' pages, which
would otherwise copy them into each worker.

At exit they are handed back to the collector: frozen objects are never
freed, and DuckDB's binding (nanobind) reports every one of its objects left
alive at exit ("nanobind: leaked 27 instances!") on the terminal of the run.
"""

import atexit
import gc

import cn2an  # noqa: F401 - imported on first use by extractors.dates: once here for every worker
import pdfplumber  # noqa: F401 - imported on first use by sources.pdf: likewise

import pipeline.work  # noqa: F401 - the code every worker runs
from extractors.warm import warm_up

warm_up()
gc.freeze()
atexit.register(gc.unfreeze)
