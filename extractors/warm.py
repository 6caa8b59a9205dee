"""Load the extractors' data now rather than on first use.

``tongban run --workers`` calls this in the fork server its workers are forked
from, so the workers share one copy of the tables (copy-on-write) instead of
each loading its own: most of it is the word frequencies that score mojibake
repairs, about 80 MB per process.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import extractors


def warm_up() -> list[str]:
    """Call every cached loader that takes no argument; returns their names.

    Found by walking the package rather than listed here, so a new data file
    with a cached loader is warmed too without anyone remembering this module."""
    warmed = []
    for module in _modules():
        for name, value in vars(module).items():
            if _is_loader(value, module):
                value()
                warmed.append(f"{module.__name__}.{name}")
    return warmed


def _modules() -> list[ModuleType]:
    names = [info.name for info in pkgutil.walk_packages(extractors.__path__, "extractors.")]
    return [importlib.import_module(name) for name in names]


def _is_loader(value: object, module: ModuleType) -> bool:
    """A functools.lru_cache/cache function of this module with no parameters."""
    if not (callable(value) and hasattr(value, "cache_info")):
        return False
    return getattr(value, "__module__", None) == module.__name__ and not inspect.signature(value).parameters
