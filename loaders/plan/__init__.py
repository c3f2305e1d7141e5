"""Parsing of provincial industrial-cluster plan documents."""
