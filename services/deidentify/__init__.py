"""De-identification gate: milestones in with possible PHI, out redacted or quarantined."""
