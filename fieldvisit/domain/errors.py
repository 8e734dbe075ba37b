"""Errors a user can act on: each names the file (and field) and says what is wrong."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem with the user's input or environment, shown as one line, never a traceback."""

    def __init__(self, problem: str, *, path: str | Path | None = None, field: str = "") -> None:
        self.problem = problem
        self.path = str(path) if path is not None else ""
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.path
        if self.field:
            where = f"{where}: {self.field}" if where else self.field
        return f"{where}: {self.problem}" if where else self.problem


class InvalidInputError(UserError):
    """A file is malformed, hostile or inconsistent."""


class TrustError(UserError):
    """A pack's signature, key or version is not acceptable without the user's consent."""


class StorageError(UserError):
    """The local store cannot be read or written (full disk, locked, newer schema)."""


class PasscodeRequiredError(UserError):
    """An event's organisers require a passcode-protected store (`require_app_lock`), and
    this store has none yet: its notes and answers are not shown, exported or sent."""


class CredentialsError(StorageError):
    """A database server wants a password, or refused the one given (`wrong`)."""

    def __init__(
        self, problem: str, *, path: str | Path | None = None, field: str = "", wrong: bool
    ) -> None:
        self.wrong = wrong
        super().__init__(problem, path=path, field=field)
