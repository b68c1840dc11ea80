"""Demo data written for the hub: a believable Thessaloniki ecosystem, marked as demo."""
