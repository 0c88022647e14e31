"""The viewer fixtures (a real viewer over the real broker) for the join-link attacks."""

from tests.viewer.conftest import feed, start_viewer, viewer  # noqa: F401
