"""A shared PostgreSQL collation store: where the password comes from, and one clear line
(with nothing changed) for a wrong password, no password, an unreachable server, TLS that
fails and a newer schema. Against a real server (tests/pg_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_support import USER, PostgresServer, free_port

from fieldvisit.cli import main
from fieldvisit.domain.errors import CredentialsError, StorageError
from fieldvisit.storage.collation.engine import CollationStore


@pytest.fixture
def no_password_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No PGPASSWORD, and a PGPASSFILE of our own (empty until a test writes it)."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    passfile = tmp_path / "pgpass"
    passfile.write_text("", encoding="utf-8")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    return passfile


def tables(server: PostgresServer, database: str) -> list[str]:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=server.port, user=USER, password=server.password, dbname=database
    ) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
    return [str(r[0]) for r in rows]


def bare(server: PostgresServer, database: str) -> str:
    return f"postgresql+psycopg://{USER}@127.0.0.1:{server.port}/{database}"


def test_a_wrong_password_is_one_line_and_changes_nothing(
    pg_server: PostgresServer, no_password_sources: Path
) -> None:
    database = pg_server.create_database()
    with pytest.raises(CredentialsError) as caught:
        CollationStore.open(pg_server.url(database, password="not-the-password"))
    assert caught.value.wrong
    message = caught.value.message
    assert "refused the password" in message and "\n" not in message
    assert "not-the-password" not in message  # the URL is shown without it
    assert tables(pg_server, database) == []


def test_no_password_asks_for_one_and_an_explicit_password_opens(
    pg_server: PostgresServer, no_password_sources: Path
) -> None:
    database = pg_server.create_database()
    with pytest.raises(CredentialsError) as caught:
        CollationStore.open(bare(pg_server, database))
    assert not caught.value.wrong and "asks for a password" in caught.value.message
    store = CollationStore.open(bare(pg_server, database), password=pg_server.password)
    store.close()
    assert "received" in tables(pg_server, database)


def test_the_password_may_come_from_pgpassfile_or_pgpassword(
    pg_server: PostgresServer, no_password_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = pg_server.create_database()
    no_password_sources.write_text(
        f"127.0.0.1:{pg_server.port}:{database}:{USER}:{pg_server.password}\n", encoding="utf-8"
    )
    CollationStore.open(bare(pg_server, database)).close()
    no_password_sources.write_text("", encoding="utf-8")
    monkeypatch.setenv("PGPASSWORD", pg_server.password)
    CollationStore.open(bare(pg_server, database)).close()


def test_an_unreachable_server_is_one_line(no_password_sources: Path) -> None:
    url = f"postgresql+psycopg://{USER}:x@127.0.0.1:{free_port()}/team?connect_timeout=5"
    with pytest.raises(StorageError, match="cannot reach the database server") as caught:
        CollationStore.open(url)
    assert "\n" not in caught.value.message and ":x@" not in caught.value.message


def test_tls_options_pass_through_to_the_driver(
    pg_server: PostgresServer, no_password_sources: Path
) -> None:
    # The test server has no TLS: sslmode=require must reach libpq and make it refuse.
    url = pg_server.url(pg_server.create_database()) + "?sslmode=require"
    with pytest.raises(StorageError) as caught:
        CollationStore.open(url)
    assert "ssl" in caught.value.message.lower() and "\n" not in caught.value.message


def test_a_newer_schema_on_the_server_is_refused_and_left_alone(
    pg_server: PostgresServer, no_password_sources: Path
) -> None:
    url = pg_server.url(pg_server.create_database())
    CollationStore.open(url).close()
    store = CollationStore.open(url)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'c9999'")
    store.close()
    with pytest.raises(StorageError, match="newer schema"):
        CollationStore.open(url)
    with pg_server.admin() as admin:
        assert admin.execute("SELECT 1").fetchone() == (1,)


def test_the_cli_says_one_line_and_exits_2_without_a_password(
    pg_server: PostgresServer,
    no_password_sources: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = pg_server.create_database()
    code = main(["report", "--db", bare(pg_server, database), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "asks for a password" in err
    assert not (tmp_path / "out").exists()
    code = main(
        ["report", "--db", pg_server.url(database, password="wrong"), "-o", str(tmp_path / "o")]
    )
    err = capsys.readouterr().err
    assert code == 2 and "refused the password" in err and ":wrong@" not in err


def test_the_report_never_creates_a_store(
    pg_server: PostgresServer, no_password_sources: Path, tmp_path: Path
) -> None:
    database = pg_server.create_database()
    assert main(["report", "--db", pg_server.url(database), "-o", str(tmp_path / "o")]) == 2
    assert tables(pg_server, database) == []


def test_the_cli_asks_a_person_at_the_terminal_once(
    pg_server: PostgresServer,
    no_password_sources: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import getpass
    import sys

    database = pg_server.create_database()
    CollationStore.open(pg_server.url(database)).close()
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return pg_server.password

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", prompt)
    assert main(["report", "--db", bare(pg_server, database), "-o", str(tmp_path / "o")]) == 0
    assert asked == [f"Password for {bare(pg_server, database)}: "]
    assert (tmp_path / "o" / "index.md").is_file()
    assert pg_server.password not in capsys.readouterr().out
