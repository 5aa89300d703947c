"""The catalogue of finding codes: one module per pipeline stage, merged here.

Each entry: severity, Chinese and English message (str.format placeholders) and
hints.  README's table of finding codes is generated from this catalogue
(`python -m generator codes`).
"""
from __future__ import annotations

import importlib
import os

MESSAGES: dict[str, dict] = {}

# (the modules named by their files: pkgutil's listing imports typing and inspect, ≈8 ms of every start)
for _mod in sorted({name[:-3] for name in os.listdir(__path__[0]) if name.endswith(".py") and name != "__init__.py"}):
    _catalogue = importlib.import_module(f"{__name__}.{_mod}").CODES
    for _code, _entry in _catalogue.items():
        if _code in MESSAGES:
            raise RuntimeError(f"finding code {_code} defined twice")
        MESSAGES[_code] = _entry
