"""The attack tests reuse the viewer's real-server fixtures (broker, feed, viewers)."""

from tests.viewer.conftest import feed, start_viewer, viewer  # noqa: F401  (fixtures)
