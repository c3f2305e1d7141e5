"""The HTTP layer: thin routes over named queries and graph functions."""
