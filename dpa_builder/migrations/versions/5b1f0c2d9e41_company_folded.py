"""document_records.company_folded: the name case-folded for searches

Filled for existing records with Python's casefold, which SQLite's LIKE and lower()
lack beyond ASCII (MÜLLER did not find Müller).

Revision ID: 5b1f0c2d9e41
Revises: 5c26571a2b7c
Create Date: 2026-11-25 22:05:00

"""
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = '5b1f0c2d9e41'
down_revision = '5c26571a2b7c'
branch_labels = None
depends_on = None

records = sa.table("document_records", sa.column("id", sa.String),
                   sa.column("company", sa.String), sa.column("company_folded", sa.String))


def upgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('company_folded', sa.String(length=400), nullable=False,
                                      server_default=''))
        batch_op.create_index(batch_op.f('ix_document_records_company_folded'), ['company_folded'],
                              unique=False)
    connection = op.get_bind()
    for row in connection.execute(sa.select(records.c.id, records.c.company)).all():
        folded = unicodedata.normalize("NFKC", row.company).casefold()
        connection.execute(records.update().where(records.c.id == row.id)
                           .values(company_folded=folded))


def downgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_records_company_folded'))
        batch_op.drop_column('company_folded')
