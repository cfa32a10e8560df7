from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from app.domain.errors import StorageError
from app.store.filestore import FileStore


def test_files_are_named_by_their_sha256_and_read_only(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    data = "Quyết định về đất đai".encode()
    put = store.put_bytes(data)
    assert put.sha256 == hashlib.sha256(data).hexdigest()
    assert store.read_bytes(put.sha256) == data
    assert put.path.stat().st_mode & 0o222 == 0


def test_storing_the_same_bytes_twice_keeps_one_file(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    first = store.put_bytes(b"%PDF-1.7 same")
    second = store.put_bytes(b"%PDF-1.7 same")
    assert second.already_present and first.sha256 == second.sha256
    assert list(store.all_hashes()) == [first.sha256]


def test_disk_full_leaves_no_partial_file_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileStore(tmp_path / "files")
    store.ensure_ready()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError) as err:
        store.put_bytes(b"x" * 1000)
    assert err.value.code == "storage.disk_full"
    assert list(store.all_hashes()) == []
    assert list((tmp_path / "files" / "tmp").iterdir()) == []


def test_unwritable_root_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("file in the way")
    with pytest.raises(StorageError) as err:
        FileStore(blocker / "files").ensure_ready()
    assert err.value.code == "storage.not_writable"


def test_sweep_removes_only_unreferenced_files_past_the_grace_period(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    kept = store.put_bytes(b"kept").sha256
    orphan = store.put_bytes(b"orphan").sha256
    assert store.sweep({kept}, grace_seconds=3600) == []  # too young
    assert store.sweep({kept}, grace_seconds=0) == [orphan]
    assert list(store.all_hashes()) == [kept]


def test_rehash_detects_a_changed_file(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    sha = store.put_bytes(b"original").sha256
    path = store.path_for(sha)
    path.chmod(0o644)
    path.write_bytes(b"tampered")
    assert store.hash_of(sha) != sha
