"""Loaders: parse and validate inputs, then write them to the graph in one operation."""
