"""The office-wide lock two workstations (separate connections, or separate app instances) take before a sync."""

from __future__ import annotations

from pathlib import Path

from app.store.database import Database, open_database
from app.store.locks import office_lock


def test_a_second_workstation_does_not_get_the_lock_until_the_first_lets_go(
        database: Database, db_url: str, tmp_path: Path) -> None:
    other, _ = open_database(db_url, backups_dir=tmp_path / "backups-2")  # another workstation's connections
    try:
        with office_lock(database, "exchange-sync") as first:
            assert first
            with office_lock(other, "exchange-sync") as second:
                assert not second
            with office_lock(other, "another-job") as unrelated:
                assert unrelated  # locks of other names are independent
        with office_lock(other, "exchange-sync") as again:
            assert again  # released when the first round ended
    finally:
        other.dispose()
