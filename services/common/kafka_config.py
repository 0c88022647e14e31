"""aiokafka client options shared by every producer and consumer.

Tuned for a live product: the default 500 ms fetch wait would add half a
second to every hop, so consumers wait at most a few milliseconds.
"""

from __future__ import annotations

import os
from typing import Any

FETCH_MAX_WAIT_MS = 5
REQUEST_TIMEOUT_MS = 10_000


def security_options() -> dict[str, Any]:
    """SASL/TLS for ACL-enforcing clusters; empty for the embedded broker."""
    protocol = os.environ.get("ORCAST_KAFKA_SECURITY_PROTOCOL")
    if not protocol:
        return {}
    options: dict[str, Any] = {"security_protocol": protocol}
    mechanism = os.environ.get("ORCAST_KAFKA_SASL_MECHANISM")
    if mechanism:
        options["sasl_mechanism"] = mechanism
        options["sasl_plain_username"] = os.environ.get("ORCAST_KAFKA_SASL_USERNAME", "")
        options["sasl_plain_password"] = os.environ.get("ORCAST_KAFKA_SASL_PASSWORD", "")
    if "SSL" in protocol:
        from aiokafka.helpers import create_ssl_context

        options["ssl_context"] = create_ssl_context()
    return options
