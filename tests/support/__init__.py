"""Helpers shared by the test suite: a running stack, clients, waiting."""
