"""Live viewer: per-case timelines rebuilt from Kafka, fanned out over WebSocket."""
