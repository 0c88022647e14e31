"""What the live viewer refuses (kinds and their HTTP answer: common/errors.py). Over
HTTP, the join links (api.py); on the WebSocket a refusal is a frame, not a status:

    DomainError
    ├── Forbidden
    │   └── JoinLinksOff      ORCAST_JOIN_LINKS is off here: people sign in instead
    ├── Gone
    │   └── LinkEnded         the join link expired or was revoked
    └── ServiceUnavailable
        └── StillLoading      retriable: the links and broadcasts are not read back yet
    ProtocolError (code, message)   a client frame the protocol does not allow;
                                    answered {"type": "error", "code": …}
"""

from __future__ import annotations

from services.common.errors import Forbidden, Gone, ServiceUnavailable


class JoinLinksOff(Forbidden):
    code = "join_links_off"


class LinkEnded(Gone):
    code = "join_link_ended"


class StillLoading(ServiceUnavailable):
    pass


class ProtocolError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
