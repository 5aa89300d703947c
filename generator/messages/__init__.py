"""The catalogue of finding codes: one module per pipeline stage, merged here.

Each entry: severity, Chinese and English message (str.format placeholders) and
hints.  README's table of finding codes is generated from this catalogue
(`python -m generator codes`).
"""
from __future__ import annotations

import importlib
import pkgutil

MESSAGES: dict[str, dict] = {}

for _mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    _catalogue = importlib.import_module(f"{__name__}.{_mod}").CODES
    for _code, _entry in _catalogue.items():
        if _code in MESSAGES:
            raise RuntimeError(f"finding code {_code} defined twice")
        MESSAGES[_code] = _entry
