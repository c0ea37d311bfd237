"""document_records.emailed_at replaces wants_notices

The contract now enrols its contacts for notices, so `wants_notices` is no longer
written. `emailed_at` records when the relay took the email with the DPA's link, so
the summary page says it was emailed only when it was.

Revision ID: 8e2f4a1c7b90
Revises: 7589b5cb8d64
Create Date: 2026-11-25 22:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = '8e2f4a1c7b90'
down_revision = '7589b5cb8d64'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_column('wants_notices')


def downgrade():
    with op.batch_alter_table('document_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wants_notices', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.drop_column('emailed_at')
