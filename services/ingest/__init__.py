"""Ingest: the tablet's milestones in, acknowledged only once Kafka holds them."""
