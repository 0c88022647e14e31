"""Consent registry: cases, their signed consent, start/end and the revocation kill switch."""
