"""clusterkg: a knowledge graph of industrial clusters built from provincial policy plans."""

__version__ = "0.1.0"
