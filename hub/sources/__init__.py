"""Importers of public data into the graph: CORDIS projects and funding-portal calls.

Each importer reads its files whole, validates every row through the API's own models,
then writes in UNWIND batches keyed on natural keys (idempotent, crash-safe), and returns
an `ImportReport`: created/updated/unchanged per kind and every rejected row.
"""

from hub.sources.calls import import_calls
from hub.sources.cordis import import_cordis
from hub.sources.report import ImportReport, NoProgress, Progress, Rejection, SourceError

__all__ = [
    "ImportReport",
    "NoProgress",
    "Progress",
    "Rejection",
    "SourceError",
    "import_calls",
    "import_cordis",
]
