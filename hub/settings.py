"""Every `HUB_*` setting, read from the environment once, at the entry points."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from starlette.config import Config
from starlette.datastructures import Secret

EMBEDDING_BACKENDS = ("torch", "onnx")


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
    # accounts, mail, limits (issue 5); defaults keep older callers working
    mail_url: str = "outbox:"
    mail_from: str = "Thessaloniki innovation hub <hub@localhost>"
    public_url: str = "http://127.0.0.1:8000"
    cookie_secure: bool = True
    session_days: int = 14
    rate_limit_anonymous: int = 120
    rate_limit_account: int = 600
    max_depth: int = 10
    max_cost: int = 20_000
    max_query_chars: int = 20_000
    max_tokens: int = 5_000
    introspection: bool = True
    cors_origins: tuple[str, ...] = ()
    embedding_backend: str = "torch"

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
            mail_url=config("HUB_MAIL_URL", default="outbox:"),
            mail_from=config(
                "HUB_MAIL_FROM", default="Thessaloniki innovation hub <hub@localhost>"
            ),
            public_url=config("HUB_PUBLIC_URL", default="http://127.0.0.1:8000").rstrip("/"),
            cookie_secure=config("HUB_COOKIE_SECURE", cast=bool, default=True),
            session_days=config("HUB_SESSION_DAYS", cast=int, default=14),
            rate_limit_anonymous=config("HUB_RATE_LIMIT_ANONYMOUS", cast=int, default=120),
            rate_limit_account=config("HUB_RATE_LIMIT_ACCOUNT", cast=int, default=600),
            max_depth=config("HUB_MAX_DEPTH", cast=int, default=10),
            max_cost=config("HUB_MAX_COST", cast=int, default=20_000),
            max_query_chars=config("HUB_MAX_QUERY_CHARS", cast=int, default=20_000),
            max_tokens=config("HUB_MAX_TOKENS", cast=int, default=5_000),
            introspection=config("HUB_INTROSPECTION", cast=bool, default=True),
            cors_origins=tuple(
                origin.strip()
                for origin in config("HUB_CORS_ORIGINS", default="").split(",")
                if origin.strip()
            ),
            embedding_backend=_one_of(
                "HUB_EMBEDDING_BACKEND",
                config("HUB_EMBEDDING_BACKEND", default="torch"),
                EMBEDDING_BACKENDS,
            ),
        )


def _one_of(name: str, value: str, allowed: tuple[str, ...]) -> str:
    chosen = value.strip().lower()
    if chosen not in allowed:
        raise ValueError(f"Config '{name}' has value '{value}'. Allowed: {', '.join(allowed)}.")
    return chosen
