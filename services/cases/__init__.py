"""Consent registry: cases, their signed consent, start/end and the revocation kill switch."""

SERVICE = "cases"  # its name on topics, signing keys, tables and metrics
