"""Publisher: approved updates to social channels, once each, in thread order, deletable."""
