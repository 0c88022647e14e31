"""Audit: every event and decision as one record in a hash chain."""

SERVICE = "audit"  # its name on topics, signing keys, tables and metrics
