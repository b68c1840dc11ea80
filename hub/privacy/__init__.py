"""People's privacy: per-field consent, double-opt-in introductions, export and erasure."""
