"""document files (one row per issued file) and the record's facts

Moves each record's docx_sha256 / pdf_sha256 into document_files, with the file's
size when the file is in storage. Records issued before facts were kept get {}:
their pages say so rather than re-deriving the terms from today's content.

Revision ID: 3caa40dfef7a
Revises: 68543750f321
Create Date: 2026-11-25 21:18:09.753984

"""
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from flask import current_app

# revision identifiers, used by Alembic.
revision = '3caa40dfef7a'
down_revision = '68543750f321'
branch_labels = None
depends_on = None

FORMATS = ("docx", "pdf")  # the columns this migration moves; frozen with it
records = sa.table("document_records", sa.column("id", sa.String),
                   *(sa.column(f"{fmt}_sha256", sa.String) for fmt in FORMATS))
files = sa.table("document_files", sa.column("record_id", sa.String),
                 sa.column("format", sa.String), sa.column("sha256", sa.String),
                 sa.column("size", sa.Integer))


def _size(sha256: str, fmt: str) -> int | None:
    """The stored file's size (content-addressed storage), or None if it is not there."""
    path = Path(current_app.config["DPA_STORAGE_DIR"]) / sha256[:2] / f"{sha256}.{fmt}"
    return path.stat().st_size if path.exists() else None


def upgrade():
    op.create_table('document_files',
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['document_records.id'], ),
    sa.PrimaryKeyConstraint('record_id', 'format')
    )
    with op.batch_alter_table('document_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_files_sha256'), ['sha256'], unique=False)

    rows = [{"record_id": row.id, "format": fmt, "sha256": sha, "size": _size(sha, fmt)}
            for row in op.get_bind().execute(sa.select(records))
            for fmt, sha in zip(FORMATS, row[1:]) if sha]
    if rows:
        op.bulk_insert(files, rows)

    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('facts', sa.JSON(), nullable=False, server_default='{}'))
        batch_op.drop_index(batch_op.f('ix_document_records_docx_sha256'))
        batch_op.drop_index(batch_op.f('ix_document_records_pdf_sha256'))
        batch_op.drop_column('pdf_sha256')
        batch_op.drop_column('docx_sha256')


def downgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('docx_sha256', sa.VARCHAR(length=64), nullable=True))
        batch_op.add_column(sa.Column('pdf_sha256', sa.VARCHAR(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_document_records_pdf_sha256'), ['pdf_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_records_docx_sha256'), ['docx_sha256'], unique=False)
        batch_op.drop_column('facts')

    connection = op.get_bind()
    for row in connection.execute(sa.select(files)).mappings():
        if row["format"] in FORMATS:
            connection.execute(records.update().where(records.c.id == row["record_id"])
                               .values({f"{row['format']}_sha256": row["sha256"]}))
    with op.batch_alter_table('document_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_files_sha256'))

    op.drop_table('document_files')
