"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=13), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("abbreviation", sa.String(length=30), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_code", sa.String(length=13), nullable=True),
        sa.Column("parent_name", sa.String(length=200), nullable=True),
        sa.Column("place_name", sa.String(length=100), nullable=False),
        sa.Column("is_own", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("code", name=op.f("uq_agencies_code")),
    )
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_action"), ["action"], unique=False)
        batch_op.create_index("ix_audit_events_object", ["object_type", "object_id"], unique=False)

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_files")),
    )
    op.create_table(
        "number_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("series_key", sa.String(length=64), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_number_series_agency_id_agencies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_series")),
        sa.UniqueConstraint("agency_id", "year", "series_key", name=op.f("uq_number_series_agency_id_year_series_key")),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("abbreviation", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_units_agency_id_agencies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("agency_id", "abbreviation", name=op.f("uq_units_agency_id_abbreviation")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("doc_type", sa.String(length=100), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("notation", sa.String(length=30), nullable=True),
        sa.Column("issued_date", sa.Date(), nullable=True),
        sa.Column("issuer_name", sa.String(length=200), nullable=False),
        sa.Column("issuer_code", sa.String(length=13), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("signer_name", sa.String(length=100), nullable=True),
        sa.Column("signer_position", sa.String(length=100), nullable=True),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("confidentiality", sa.String(length=16), nullable=False),
        sa.Column("restriction", sa.String(length=32), nullable=False),
        sa.Column("needs_paper", sa.Boolean(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("normative", sa.Boolean(), nullable=False),
        sa.Column("drafting_unit_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_documents_agency_id_agencies")),
        sa.ForeignKeyConstraint(
            ["drafting_unit_id"], ["units.id"], name=op.f("fk_documents_drafting_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_direction_created", ["direction", "created_at"], unique=False)
        batch_op.create_index("ix_documents_identity", ["issuer_name", "number", "notation"], unique=False)

    op.create_table(
        "document_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_document_files_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["stored_files.sha256"], name=op.f("fk_document_files_sha256_stored_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_files")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_document_files_document_id_position")),
    )
    with op.batch_alter_table("document_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_files_sha256"), ["sha256"], unique=False)

    op.create_table(
        "registry_books",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_registry_books_agency_id_agencies")),
        sa.ForeignKeyConstraint(
            ["series_id"], ["number_series.id"], name=op.f("fk_registry_books_series_id_number_series")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_books")),
        sa.UniqueConstraint(
            "agency_id",
            "kind",
            "year",
            "confidential",
            "name",
            name=op.f("uq_registry_books_agency_id_kind_year_confidential_name"),
        ),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("signature_sha256", sa.String(length=64), nullable=True),
        sa.Column("certificate_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_users_agency_id_agencies")),
        sa.ForeignKeyConstraint(
            ["signature_sha256"], ["stored_files.sha256"], name=op.f("fk_users_signature_sha256_stored_files")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_users_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "registry_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("doc_type", sa.String(length=100), nullable=False),
        sa.Column("number_notation", sa.String(length=50), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("signer", sa.String(length=100), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.String(length=1000), nullable=False),
        sa.Column("kept_copy_holder", sa.String(length=200), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=True),
        sa.Column("transferred_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["book_id"], ["registry_books.id"], name=op.f("fk_registry_entries_book_id_registry_books")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_registry_entries_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_entries")),
        sa.UniqueConstraint("book_id", "number", name=op.f("uq_registry_entries_book_id_number")),
    )
    with op.batch_alter_table("registry_entries", schema=None) as batch_op:
        batch_op.create_index("ix_registry_entries_book_doc_date", ["book_id", "doc_date", "id"], unique=False)
        batch_op.create_index("ix_registry_entries_book_issuer", ["book_id", "issuer", "id"], unique=False)
        batch_op.create_index("ix_registry_entries_book_registered", ["book_id", "registered_at", "id"], unique=False)
        batch_op.create_index("ix_registry_entries_book_type", ["book_id", "doc_type", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_registry_entries_document_id"), ["document_id"], unique=False)
        batch_op.create_index("ix_registry_entries_identity", ["issuer", "number_notation"], unique=False)

    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_roles_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_user_roles")),
    )

    _append_only_audit()
    _registry_search()


APPEND_ONLY_SQLITE = [
    """CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
       BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END""",
    """CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
       BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END""",
]
APPEND_ONLY_POSTGRES = [
    """CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$""",
    """CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()""",
]


def _append_only_audit() -> None:
    """Defence in depth: the chain in `check` catches edits; the triggers stop the casual ones."""
    dialect = op.get_bind().dialect.name
    for sql in APPEND_ONLY_POSTGRES if dialect == "postgresql" else APPEND_ONLY_SQLITE:
        op.execute(sql)


# Search over summary, notation and issuer that ignores case and Vietnamese diacritics, đ included.
# SQLite: FTS5 over a view folding đ/Đ (unicode61 folds the tone marks and case), kept in step by triggers.
# PostgreSQL: an IMMUTABLE translate()-based fold and a GIN index on its tsvector.
SQLITE_FOLD = "replace(replace({p}summary || ' ' || {p}number_notation || ' ' || {p}issuer, 'đ', 'd'), 'Đ', 'D')"
REGISTRY_SEARCH_SQLITE = [
    f"CREATE VIEW registry_search_v AS SELECT id, {SQLITE_FOLD.format(p='')} AS text FROM registry_entries",
    """CREATE VIRTUAL TABLE registry_fts USING fts5(text, content='registry_search_v', content_rowid='id',
       tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER registry_fts_ai AFTER INSERT ON registry_entries BEGIN
       INSERT INTO registry_fts(rowid, text) VALUES (new.id, {SQLITE_FOLD.format(p="new.")}); END""",
    f"""CREATE TRIGGER registry_fts_ad AFTER DELETE ON registry_entries BEGIN
       INSERT INTO registry_fts(registry_fts, rowid, text) VALUES ('delete', old.id, {SQLITE_FOLD.format(p="old.")});
       END""",
    f"""CREATE TRIGGER registry_fts_au AFTER UPDATE OF summary, number_notation, issuer ON registry_entries BEGIN
       INSERT INTO registry_fts(registry_fts, rowid, text) VALUES ('delete', old.id, {SQLITE_FOLD.format(p="old.")});
       INSERT INTO registry_fts(rowid, text) VALUES (new.id, {SQLITE_FOLD.format(p="new.")}); END""",
]


def _vietnamese_fold_pairs() -> tuple[str, str]:
    """Every precomposed Vietnamese letter and its bare Latin letter, for PostgreSQL's translate()."""
    import unicodedata

    tones = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    bases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    src, dst = ["đ", "Đ"], ["d", "D"]
    for base in bases:
        plain = unicodedata.normalize("NFD", base)[0]
        for variant in [base] + [unicodedata.normalize("NFC", base + t) for t in tones]:
            if len(variant) == 1 and variant != plain:
                src.append(variant)
                dst.append(plain)
    return "".join(src), "".join(dst)


def _registry_search() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for sql in REGISTRY_SEARCH_SQLITE:
            op.execute(sql)
        return
    src, dst = _vietnamese_fold_pairs()
    op.execute(
        "CREATE FUNCTION vn_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
        f"$$ SELECT lower(translate(t, '{src}', '{dst}')) $$"
    )
    op.execute(
        "CREATE INDEX ix_registry_entries_search ON registry_entries USING gin "
        "(to_tsvector('simple', vn_fold(summary || ' ' || number_notation || ' ' || issuer)))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_registry_entries_search")
        op.execute("DROP FUNCTION IF EXISTS vn_fold(text)")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    else:
        for name in (
            "registry_fts_ai",
            "registry_fts_ad",
            "registry_fts_au",
            "audit_events_no_update",
            "audit_events_no_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS registry_fts")
        op.execute("DROP VIEW IF EXISTS registry_search_v")
    op.drop_table("user_roles")
    with op.batch_alter_table("registry_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_registry_entries_identity")
        batch_op.drop_index(batch_op.f("ix_registry_entries_document_id"))
        batch_op.drop_index("ix_registry_entries_book_type")
        batch_op.drop_index("ix_registry_entries_book_registered")
        batch_op.drop_index("ix_registry_entries_book_issuer")
        batch_op.drop_index("ix_registry_entries_book_doc_date")

    op.drop_table("registry_entries")
    op.drop_table("users")
    op.drop_table("registry_books")
    with op.batch_alter_table("document_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_files_sha256"))

    op.drop_table("document_files")
    op.drop_table("units")
    op.drop_table("number_series")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_identity")
        batch_op.drop_index("ix_documents_direction_created")

    op.drop_table("documents")
    op.drop_table("stored_files")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_object")
        batch_op.drop_index(batch_op.f("ix_audit_events_action"))

    op.drop_table("audit_events")
    op.drop_table("agencies")
