"""Ingest: the tablet's milestones in, acknowledged only once Kafka holds them."""

SERVICE = "ingest"  # its name on topics, signing keys, tables and metrics
