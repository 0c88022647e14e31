"""Approval gate: consent and policy decide; approved updates get per-case sequence numbers."""

SERVICE = "approval"  # its name on topics, signing keys, tables and metrics
