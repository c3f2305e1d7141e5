"""One Settings object, read from the environment (and a local ``.env``), failing fast."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def env_files() -> tuple[str, ...]:
    """The files settings are read from, after the environment.

    ``CLUSTERKG_ENV_FILE`` names one file (relative paths are relative to the checkout, as
    in scripts/neo4j.sh, which writes the password there): the test suite's server keeps its
    password in ``.env.test`` so that it never reads the user's ``.env``.  Without it, ``.env``
    in the working directory, else the checkout's (where `make neo4j` writes it).
    """
    chosen = os.environ.get("CLUSTERKG_ENV_FILE")
    if chosen:
        return (str(ROOT / chosen),)  # an absolute path stays itself
    return (str(ROOT / ".env"), ".env")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=(str(ROOT / ".env"), ".env"),
        env_file_encoding="utf-8",
        extra="ignore",
    )

    neo4j_uri: str = Field("bolt://127.0.0.1:7687", alias="NEO4J_URI")
    neo4j_user: str = Field("neo4j", alias="NEO4J_USER")
    # Only a driver needs it (graph.db.create_driver checks); extract and dry runs work without.
    neo4j_password: SecretStr | None = Field(None, alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", alias="NEO4J_DATABASE")
    plans_dir: Path = Field(Path("../shared/plans"), alias="CLUSTERKG_PLANS")
    default_plan: str = Field("henan-2015-baiqianwan-clusters.txt", alias="CLUSTERKG_DEFAULT_PLAN")
    # Reads are bounded on the server side too: a slow query is cut off, never left running.
    query_timeout_s: float = Field(10.0, gt=0, le=300, alias="CLUSTERKG_QUERY_TIMEOUT")
    row_cap: int = Field(5000, gt=0, le=100_000, alias="CLUSTERKG_ROW_CAP")
    # A short acquisition timeout so that an outage answers 503 quickly instead of hanging.
    connection_timeout_s: float = Field(3.0, gt=0, le=60, alias="CLUSTERKG_CONNECTION_TIMEOUT")
    # Transient-error retries of the driver; short so an outage answers 503 within ~2 s.
    retry_time_s: float = Field(0.5, ge=0, le=60, alias="CLUSTERKG_RETRY_TIME")
    # Write routes are off unless a key is set; clients send it as X-API-Key.
    api_key: SecretStr | None = Field(None, alias="CLUSTERKG_API_KEY")
    # Loads run far longer than reads: their transactions get this limit instead of the
    # server's default (120 s in scripts/neo4j.sh), so a slow disk never kills a valid load.
    load_timeout_s: float = Field(3600.0, gt=0, le=86400, alias="CLUSTERKG_LOAD_TIMEOUT")
    # A firm registry up to this many rows loads in one transaction (all or nothing); a
    # bigger one commits in batches and converges when re-run after an interruption.
    atomic_rows: int = Field(100_000, ge=0, le=1_000_000, alias="CLUSTERKG_ATOMIC_ROWS")
    # Weights of a gap candidate's score (api/gaps_view.py; normalised to sum to 1, so only
    # their ratios matter).  Size leads: a segment is weak by its local revenue, and a large
    # firm's plant moves that most.  A chain leader draws its suppliers after it, and a
    # firm's fit separates a registered industry code from a product-keyword match (every
    # candidate already matched the segment one way or the other), so both come next.
    # Distance and ties weigh least: a registry mostly covers one province, so distance
    # separates little, and the graph knows few ties (no firm-to-firm supply links yet).
    score_weight_fit: float = Field(0.2, ge=0, le=1, alias="CLUSTERKG_SCORE_WEIGHT_FIT")
    score_weight_size: float = Field(0.3, ge=0, le=1, alias="CLUSTERKG_SCORE_WEIGHT_SIZE")
    score_weight_leader: float = Field(0.2, ge=0, le=1, alias="CLUSTERKG_SCORE_WEIGHT_LEADER")
    score_weight_distance: float = Field(0.15, ge=0, le=1, alias="CLUSTERKG_SCORE_WEIGHT_DISTANCE")
    score_weight_ties: float = Field(0.15, ge=0, le=1, alias="CLUSTERKG_SCORE_WEIGHT_TIES")
    # A product keyword is weaker evidence of the segment than a registered industry code:
    # a keyword also matches traders and firms naming the product among many.
    score_fit_keyword: float = Field(0.6, ge=0, le=1, alias="CLUSTERKG_SCORE_FIT_KEYWORD")
    # The script that runs the local server (graph.server): unset, scripts/neo4j.sh of the
    # checkout clusterkg was installed from.
    neo4j_script: Path | None = Field(None, alias="CLUSTERKG_NEO4J_SCRIPT")
    api_host: str = Field("127.0.0.1", alias="CLUSTERKG_HOST")
    api_port: int = Field(8000, gt=0, lt=65536, alias="CLUSTERKG_PORT")

    @model_validator(mode="after")
    def _some_weight(self) -> Settings:
        if self.score_weights_total <= 0:
            raise ValueError("at least one CLUSTERKG_SCORE_WEIGHT_* must be above 0")
        return self

    @property
    def score_weights_total(self) -> float:
        return (
            self.score_weight_fit
            + self.score_weight_size
            + self.score_weight_leader
            + self.score_weight_distance
            + self.score_weight_ties
        )

    @property
    def default_plan_path(self) -> Path:
        return self.plans_dir / self.default_plan


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings; raises :class:`ConfigError` naming what is missing or wrong."""
    try:
        return Settings(_env_file=env_files())  # type: ignore[call-arg]
    except ValidationError as exc:
        problems = "; ".join(f"{'/'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ConfigError(
            f"invalid settings ({problems}); set them in the environment or {' or '.join(env_files())} "
            "(NEO4J_PASSWORD is written to .env by `make neo4j`)"
        ) from None
