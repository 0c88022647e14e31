"""Approval gate: consent and policy decide; approved updates get per-case sequence numbers."""
