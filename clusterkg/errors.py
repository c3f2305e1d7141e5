"""One exception root for the project, with a few named subclasses.

The CLI prints ``str(error)`` as one line and exits non-zero; the API maps each
subclass to an HTTP status with one JSON error body.
"""

from __future__ import annotations


class ClusterKGError(Exception):
    """Root of every error clusterkg raises on purpose."""


class ConfigError(ClusterKGError):
    """A setting is missing or invalid."""


class InputError(ClusterKGError):
    """An input file or value is malformed; the message names file, row or paragraph."""


class NotFoundError(ClusterKGError):
    """A named entity, query or file does not exist."""


class DatabaseUnavailable(ClusterKGError):
    """Neo4j cannot be reached or refused our credentials."""
