"""Live viewer: per-case timelines rebuilt from Kafka, fanned out over WebSocket."""

SERVICE = "viewer"  # its name on topics, signing keys, tables and metrics
