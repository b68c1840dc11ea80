"""Writing imported nodes and relationships: UNWIND batches, one statement each.

Every batch is one statement, so an import killed half way leaves whole batches; every
write is a MERGE on the node's natural key that only SETs when the content hash
(`source_hash`) differs, so re-running the import completes it, or changes nothing.

A node's properties come in two maps: `props`, the properties the source owns (written
when the node is new and whenever their hash changed; a None there removes the property),
and `extra`, written only when the node is created (an organisation's empty `sectors`...).
So what people added to a node that no source gives (a description, sectors) survives
re-imports. Relationships are MERGEd the same way: PARTICIPATED_IN per (organisation,
project, role), FUNDED_BY per project and the call of its topic, TAGGED per topic.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import GraphEngine, Statement
from hub.ecosystem.entities import now_iso
from hub.ecosystem.ids import new_id
from hub.ecosystem.text import fold
from hub.sources.report import ImportReport, Progress

LINK_BATCH_FACTOR = 4  # a participation row is small: four times the node batch size
TOPIC_MERGE = (
    "MERGE (tp:Entity:Topic {key: t.key}) "
    "ON CREATE SET tp.id = t.id, tp.name = t.name, tp.sort_key = t.key, tp.search_text = t.key "
    "MERGE (n)-[:TAGGED]->(tp)"
)


@dataclass(frozen=True)
class Target:
    """A kind of node an importer writes: its label, natural key and statements."""

    label: str
    key: str
    hashes: Statement
    upsert: Statement


def _target(label: str, key: str, *, tagged: bool) -> Target:
    lower = label.lower()
    tagging = (
        " WITH n, row, existed, changed"
        " OPTIONAL MATCH (n)-[stale:TAGGED]->(old:Topic)"
        " WHERE changed AND NOT old.key IN row.topic_keys"
        " DELETE stale"
        " WITH n, row, existed, changed, count(stale) AS removed"
        f" FOREACH (t IN CASE WHEN changed THEN row.topics ELSE [] END | {TOPIC_MERGE})"
        if tagged
        else ""
    )
    example_row: dict[str, Any] = {
        "key": "x",
        "id": new_id(),
        "hash": "h",
        "props": {"sort_key": "x", "search_text": "x", "source_hash": "h", "gone": None},
        "extra": {"sectors": []},
    }
    if tagged:
        example_row |= {
            "topics": [{"key": "ai", "id": new_id(), "name": "AI"}],
            "topic_keys": ["ai"],
        }
    return Target(
        label=label,
        key=key,
        hashes=Statement(
            name=f"import_{lower}_hashes",
            cypher=f"UNWIND $keys AS key MATCH (n:{label} {{{key}: key}}) "
            "RETURN key, n.source_hash AS hash",
            example={"keys": ["x"]},
        ),
        upsert=Statement(
            name=f"import_upsert_{lower}s",
            cypher=(
                "UNWIND $rows AS row"
                f" OPTIONAL MATCH (old:{label} {{{key}: row.key}})"
                " WITH row, old IS NOT NULL AS existed,"
                " coalesce(old.source_hash, '') <> row.hash AS changed"
                f" MERGE (n:Entity:{label} {{{key}: row.key}})"
                " ON CREATE SET n += row.props, n += row.extra, n.id = row.id,"
                " n.created_at = $now, n.updated_at = $now"
                " WITH n, row, existed, changed"
                " FOREACH (ignored IN CASE WHEN existed AND changed THEN [1] ELSE [] END |"
                " SET n += row.props, n.updated_at = $now)"
                f"{tagging}"
                " RETURN sum(CASE WHEN existed THEN 0 ELSE 1 END) AS created,"
                " sum(CASE WHEN existed AND changed THEN 1 ELSE 0 END) AS updated,"
                " count(*) AS total"
            ),
            example={"rows": [example_row], "now": now_iso()},
            write=True,
        ),
    )


ORGANISATIONS = _target("Organisation", "pic", tagged=False)
PROJECTS = _target("Project", "identifier", tagged=True)
FUNDING_CALLS = _target("FundingCall", "identifier", tagged=True)

# A participation row is [pic, project identifier, role]: lists cost less to send than maps.
PARTICIPATIONS_FOUND = Statement(
    name="import_participations_found",
    cypher="UNWIND $rows AS row"
    " MATCH (o:Organisation {pic: row[0]})-[r:PARTICIPATED_IN]->(p:Project {identifier: row[1]})"
    " WHERE r.role = row[2]"
    " RETURN count(r) AS found",
    example={"rows": [["999999999", "101120001", "participant"]]},
)
LINK_PARTICIPATIONS = Statement(
    name="import_link_participations",
    cypher="UNWIND $rows AS row"
    " MATCH (o:Organisation {pic: row[0]})"
    " MATCH (p:Project {identifier: row[1]})"
    " OPTIONAL MATCH (o)-[old:PARTICIPATED_IN {role: row[2]}]->(p)"
    " WITH o, p, row, old WHERE old IS NULL"
    " MERGE (o)-[r:PARTICIPATED_IN {role: row[2]}]->(p)"
    " RETURN count(r) AS created",
    example={"rows": [["999999999", "101120001", "participant"]]},
    write=True,
)
LINK_FUNDED_BY = Statement(
    name="import_link_funded_by",
    cypher="MATCH (p:Project) WHERE p.topic_identifier IS NOT NULL"
    " MATCH (c:FundingCall {identifier: p.topic_identifier})"
    " OPTIONAL MATCH (p)-[old:FUNDED_BY]->(c)"
    " WITH p, c, old WHERE old IS NULL"
    " MERGE (p)-[r:FUNDED_BY]->(c)"
    " RETURN count(r) AS created",
    write=True,
)
COUNT_FUNDED_BY = Statement(
    name="import_count_funded_by",
    cypher="MATCH (p:Project)-[r:FUNDED_BY]->(c:FundingCall)"
    " WHERE p.topic_identifier = c.identifier RETURN count(r) AS total",
)


@dataclass
class NodeRecord:
    """One node to write: its key, the properties its source owns (`props`, written on
    creation and on every change; None removes one), the properties written only on
    creation (`extra`, e.g. an empty `sectors`), and its topics (tagged kinds)."""

    key: str
    props: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    topics: list[str] | None = None
    hash: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self.hash = content_hash({"props": self.props, "topics": self.topics})
        self.props = {**self.props, "source_hash": self.hash}
        self.extra = {
            key: value
            for key, value in self.extra.items()
            if value is not None and key not in self.props
        }

    def params(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "key": self.key,
            "id": new_id(),
            "hash": self.hash,
            "props": self.props,
            "extra": self.extra,
        }
        if self.topics is not None:
            tags: dict[str, dict[str, str]] = {}
            for name in self.topics:
                tags.setdefault(fold(name), {"key": fold(name), "id": new_id(), "name": name})
            row["topics"] = list(tags.values())
            row["topic_keys"] = list(tags)
        return row


def content_hash(content: Mapping[str, Any]) -> str:
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def write_nodes(
    graph: GraphEngine,
    target: Target,
    records: Sequence[NodeRecord],
    *,
    report: ImportReport,
    progress: Progress,
    batch_size: int,
) -> None:
    """MERGE the records in batches; only new or changed ones are sent to be written."""
    tally = report.tally(target.label)
    progress.stage(f"writing {target.label} nodes", len(records))
    for batch in batches(records, batch_size):
        rows = await graph.run(target.hashes, {"keys": [record.key for record in batch]})
        stored = {row["key"]: row["hash"] for row in rows}
        changed = [record for record in batch if stored.get(record.key) != record.hash]
        tally.unchanged += len(batch) - len(changed)
        if changed:
            result = (
                await graph.run(
                    target.upsert,
                    {"rows": [record.params() for record in changed], "now": now_iso()},
                )
            )[0]
            created, updated = int(result["created"]), int(result["updated"])
            tally.created += created
            tally.updated += updated
            tally.unchanged += len(changed) - created - updated
        progress.advance(len(batch))


async def write_participations(
    graph: GraphEngine,
    rows: Sequence[tuple[str, str, str]],
    *,
    report: ImportReport,
    progress: Progress,
    batch_size: int,
) -> None:
    """PARTICIPATED_IN {role} for each (pic, project identifier, role), in batches.

    A batch is first looked up, and written only when some of it is missing; after a
    batch with none of its links present (a first import) the look-ups are skipped, the
    write being idempotent anyway.
    """
    tally = report.tally("PARTICIPATED_IN")
    progress.stage("linking participations", len(rows))
    look_up = True
    for batch in batches(rows, batch_size * LINK_BATCH_FACTOR):
        params = {"rows": [list(row) for row in batch]}
        found = int((await graph.run(PARTICIPATIONS_FOUND, params))[0]["found"]) if look_up else 0
        if found < len(batch):
            created = int((await graph.run(LINK_PARTICIPATIONS, params))[0]["created"])
            tally.created += created
            tally.unchanged += len(batch) - created
        else:
            tally.unchanged += len(batch)
        look_up = found > 0 or not tally.created
        progress.advance(len(batch))


async def link_funded_by(graph: GraphEngine, *, report: ImportReport, progress: Progress) -> None:
    """FUNDED_BY from every project to the funding call of its topic, where both exist.

    Both importers end with this, so calls and projects link whichever came first.
    """
    progress.stage("linking projects to funding calls", 1)
    created = int((await graph.run(LINK_FUNDED_BY))[0]["created"])
    total = int((await graph.run(COUNT_FUNDED_BY))[0]["total"])
    tally = report.tally("FUNDED_BY")
    tally.created += created
    tally.unchanged += total - created
    progress.advance(1)
