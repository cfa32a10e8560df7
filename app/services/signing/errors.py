"""Errors of signing and tokens: what the signer is told when a token, a PIN or a PDF gets in the way.

Codes (stable, looked up by the UI for a translated message):
- `token.module_missing` / `token.module_failed`: the PKCS#11 module file is absent or does not load.
- `token.not_found`: no token with that label/serial is plugged in. `token.absent`: the token left before we started.
- `token.removed`: the token was pulled out (or its session died) in the middle of an operation.
- `token.pin_required`, `token.pin_incorrect` (params: `remaining_tries` 1 on the final try, `low` when the token
  says tries are running out), `token.pin_locked`, `token.pin_expired`.
- `token.key_not_found`, `token.certificate_not_found`, `token.key_ambiguous`: the token holds no (or several) usable
  signing keys for the request.
- `token.error`: any other PKCS#11 failure, with the library's error name in `detail`.
- `signing.field_missing`, `signing.field_filled`, `signing.not_signed`, `signing.pdf_invalid`, `signing.font_missing`.
"""

from __future__ import annotations

from app.domain.errors import DomainError


class SigningError(DomainError):
    """A signature could not be made: the token, the PIN or the document needs the user's attention.

    Never carries a PIN in its params; params name the token by label so the message can say which one.
    """

    code = "signing.error"
