"""subscribers.language: the language a page subscriber's emails are written in

A page subscriber's emails follow the language of the page they subscribed on; a
contract recipient's follow its customer's DPA. Existing subscribers read English.

Revision ID: 9a4c2e6b1d05
Revises: 8e2f4a1c7b90
Create Date: 2026-11-25 23:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = '9a4c2e6b1d05'
down_revision = '8e2f4a1c7b90'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('subscribers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=False,
                                      server_default='en'))


def downgrade():
    with op.batch_alter_table('subscribers', schema=None) as batch_op:
        batch_op.drop_column('language')
