"""document_records.announced_changes: the ids of the changes a DPA lists as announced

Changes announced but not yet in effect when a DPA is issued are listed in its Annex III and
on its Cover Page; the record keeps their ids so that the DPA can be rebuilt as issued.
Records issued before listed none.

Revision ID: b4d1e7a2c9f3
Revises: 7e3a9c1d5f20
Create Date: 2026-11-26 10:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b4d1e7a2c9f3'
down_revision = '7e3a9c1d5f20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('announced_changes', sa.JSON(), nullable=False,
                                      server_default='[]'))


def downgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.drop_column('announced_changes')
