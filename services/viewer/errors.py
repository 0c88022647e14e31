"""What the live viewer refuses. Over HTTP the viewer has only the shared kinds
(common/errors.py); on the WebSocket a refusal is a frame, not a status:

    ProtocolError (code, message)   a client frame the protocol does not allow;
                                    answered {"type": "error", "code": …}
"""

from __future__ import annotations


class ProtocolError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
