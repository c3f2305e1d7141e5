"""The graph layer: the model's vocabulary, the driver, schema and batched writes."""
