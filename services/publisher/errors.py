"""What the publisher refuses (kinds and their HTTP answer: common/errors.py).

    DomainError
    └── Unprocessable
        └── UnknownState     a `state` filter that names no publication state

What a channel adapter raises while posting never reaches HTTP: its tree is in
`adapters/errors.py`, and the outbox asks each of those errors what to do next.
"""

from __future__ import annotations

from services.common.errors import Unprocessable
from services.common.schemas import FieldError


class UnknownState(Unprocessable):
    def __init__(self) -> None:
        super().__init__("unknown state", fields=[FieldError("/state", "unknown state")])
