"""Audit: every event and decision as one record in a hash chain."""
