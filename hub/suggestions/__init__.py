"""Where the hub meets matching: stored embeddings, in-memory indexes, graph evidence, service."""
