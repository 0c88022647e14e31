"""What sign-in refuses (kinds and their HTTP answer: common/errors.py). A browser gets
each as a page saying why, with 'Sign in again'; an API client the JSON error.

    DomainError
    ├── BadRequest
    │   └── SignInFailed        the sign-in cannot complete (expired, altered, refused by
    │                           the provider, a state from another browser)
    ├── Forbidden
    │   └── NoRole              the provider vouched for the person; the role mapping
    │                           gives them no ORcast role
    └── ServiceUnavailable      (retriable)
        ├── SignInOff           no identity provider is configured here
        └── ProviderUnreachable the identity provider did not answer

A request another site made is `CsrfRefused`, a session that does not verify
`Unauthorized` (the shared kinds).
"""

from __future__ import annotations

from services.common.errors import BadRequest, Forbidden, ServiceUnavailable


class SignInFailed(BadRequest):
    code = "signin_failed"


class NoRole(Forbidden):
    code = "no_role"


class SignInOff(ServiceUnavailable):
    pass


class ProviderUnreachable(ServiceUnavailable):
    pass
