"""Publisher: approved updates to social channels, once each, in thread order, deletable."""

SERVICE = "publisher"  # its name on topics, signing keys, tables and metrics
