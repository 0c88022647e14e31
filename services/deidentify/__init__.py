"""De-identification gate: milestones in with possible PHI, out redacted or quarantined."""

SERVICE = "deidentify"  # its name on topics, signing keys, tables and metrics
