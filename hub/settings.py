"""Every `HUB_*` setting, read from the environment once, at the entry points."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from starlette.config import Config
from starlette.datastructures import Secret


@dataclass(frozen=True)
class Settings:
    graph_url: str
    graph_name: str
    neo4j_user: str
    neo4j_password: Secret
    neo4j_database: str
    redis_url: str
    data_dir: Path
    host: str
    port: int
    log_level: str
    embedding_model: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        config = Config(environ=environ) if environ is not None else Config()
        return cls(
            graph_url=config("HUB_GRAPH_URL", default="embedded"),
            graph_name=config("HUB_GRAPH_NAME", default="hub"),
            neo4j_user=config("HUB_NEO4J_USER", default="neo4j"),
            neo4j_password=config("HUB_NEO4J_PASSWORD", cast=Secret, default=Secret("")),
            neo4j_database=config("HUB_NEO4J_DATABASE", default="neo4j"),
            redis_url=config("HUB_REDIS_URL", default="embedded"),
            data_dir=Path(config("HUB_DATA_DIR", default="var")),
            host=config("HUB_HOST", default="127.0.0.1"),
            port=config("HUB_PORT", cast=int, default=8000),
            log_level=config("HUB_LOG_LEVEL", default="info").lower(),
            embedding_model=config("HUB_EMBEDDING_MODEL", default=""),
        )
