"""document_records.specimen: whether the DPA was built on example or missing configuration

Existing records are marked false: they were issued before specimens were told apart.

Revision ID: 7e3a9c1d5f20
Revises: 9a4c2e6b1d05
Create Date: 2026-11-25 23:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = '7e3a9c1d5f20'
down_revision = '9a4c2e6b1d05'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('specimen', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.drop_column('specimen')
