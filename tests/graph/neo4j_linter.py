"""Check Neo4j-dialect Cypher with Neo4j's own linter, offline.

Neo4j itself cannot run on the test machines, so the Neo4j statements are checked by
``@neo4j-cypher/language-support`` (``lintCypherQuery``) through ``cypher_lint/lint.mjs``,
as CYPHER 5 against the catalogue of a real Neo4j that the package ships: a procedure or
function that Neo4j lacks (FalkorDB's ``db.idx.vector.queryNodes``, ``vecf32``), a syntax
or semantic error, or a ``$parameter`` the statement does not declare is reported.

The Node packages are installed by ``make install`` (``npm ci --prefix tests/graph/cypher_lint``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

LINT_DIR = Path(__file__).resolve().parent / "cypher_lint"
_PACKAGE_JSON = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
_BOILERPLATE = (
    ". Make sure you didn't misspell it or that it is available when you run this"
    " statement in your application"
)
_TIMEOUT_SECONDS = 600


def lint_neo4j(
    statements: Sequence[tuple[str, str, Mapping[str, object]]],
    *,
    labels: Collection[str] | None = None,
    relationship_types: Collection[str] | None = None,
    property_keys: Collection[str] | None = None,
) -> dict[str, list[str]]:
    """Lint ``(name, cypher, parameters)`` statements in one ``node`` run.

    Only the keys of ``parameters`` are declared (the values are examples, unchecked), so
    any other ``$name`` in the statement is an error. ``labels`` and
    ``relationship_types`` (given together) and ``property_keys`` are the graph's
    names: when given, names missing from them are warned about; when ``None`` (the
    default) they are not checked.

    Returns, for every statement name, its diagnostics as readable strings such as
    ``"line 1, col 6: error: Procedure db.idx.vector.queryNodes is not present in the
    database"`` (line and column are 1-based); an empty list means the statement is clean.
    """
    if (labels is None) != (relationship_types is None):
        raise ValueError("labels and relationship_types must be given together")
    names = [name for name, _, _ in statements]
    if len(set(names)) != len(names):
        duplicates = sorted({name for name in names if names.count(name) > 1})
        raise ValueError(f"duplicate statement names: {duplicates}")
    if not statements:
        return {}

    node = shutil.which("node")
    if node is None:
        raise RuntimeError("`node` is not on PATH: Node.js is needed to lint Neo4j Cypher")
    if not _PACKAGE_JSON.is_file():
        raise RuntimeError(
            f"the Cypher linter is not installed in {LINT_DIR}/node_modules: run `make install`"
            " (it runs `npm ci --prefix tests/graph/cypher_lint`)"
        )

    schema: dict[str, list[str]] = {}
    if labels is not None and relationship_types is not None:
        schema["labels"] = sorted(labels)
        schema["relationshipTypes"] = sorted(relationship_types)
    if property_keys is not None:
        schema["propertyKeys"] = sorted(property_keys)
    payload = json.dumps(
        {
            "schema": schema,
            "statements": [
                {"name": name, "cypher": cypher, "parameters": dict(parameters)}
                for name, cypher, parameters in statements
            ],
        },
        allow_nan=False,
        default=str,  # only the parameter names matter to the linter
    )

    completed = subprocess.run(
        [node, str(LINT_DIR / "lint.mjs")],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=LINT_DIR,
        timeout=_TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"cypher_lint/lint.mjs failed (exit {completed.returncode}): {completed.stderr.strip()}"
        )
    report: dict[str, list[dict[str, object]]] = json.loads(completed.stdout)
    return {name: [_describe(d) for d in report[name]] for name in names}


def _describe(diagnostic: Mapping[str, object]) -> str:
    message = str(diagnostic["message"]).removesuffix(_BOILERPLATE)
    return (
        f"line {diagnostic['line']}, col {diagnostic['column']}:"
        f" {diagnostic['severity']}: {message}"
    )
