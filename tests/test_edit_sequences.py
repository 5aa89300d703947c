"""A repository's life in a few dozen steps: after every random edit, commit or undo, `validate`
and `check` through the fast path, with one cache kept all along, print exactly what the
reference path (no cache, PyYAML and jsonschema) prints, and exit the same (edit_sequences.py;
`python tests/edit_sequences.py --steps 500 --seed N` runs a longer one, its kinds drawn at
random)."""
from __future__ import annotations

import edit_sequences


def test_a_cache_kept_through_random_edits_commits_and_undos_never_changes_a_report(tmp_path):
    # every kind once, then a new ledger's life in Git (landed, re-dated, undone) among other edits
    kinds = edit_sequences.KINDS + ["new-file", "commit", "value", "amend", "feedback-link", "undo-commit",
                                    "admin-value", "new-file", "commit", "bytes", "amend", "value-settled"]
    said = []
    differences = edit_sequences.sequence(tmp_path, seed=11, steps=len(kinds), say=said.append, kinds=kinds)
    assert differences == [], "\n".join(said + differences)
    assert not [s for s in said if s.endswith(": none")], said  # (each step edited the demo: none found nothing to edit)
