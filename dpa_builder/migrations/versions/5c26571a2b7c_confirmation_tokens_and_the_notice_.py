"""confirmation tokens and the notice behind an objection

A subscriber's token now only unsubscribes; confirming uses confirm_token.
Subscribers still waiting to confirm keep the link already mailed to them: their
confirm_token starts as their old token and is cleared once they confirm.
Objections record the notice whose link was used.

Revision ID: 5c26571a2b7c
Revises: c0293dfc0898
Create Date: 2026-11-25 21:33:57.775820

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '5c26571a2b7c'
down_revision = 'c0293dfc0898'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('objections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notice_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_objections_notice_id', 'notices', ['notice_id'], ['id'])

    with op.batch_alter_table('subscribers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirm_token', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_subscribers_confirm_token', ['confirm_token'])
    op.execute("UPDATE subscribers SET confirm_token = token WHERE confirmed_at IS NULL")


def downgrade():
    with op.batch_alter_table('subscribers', schema=None) as batch_op:
        batch_op.drop_constraint('uq_subscribers_confirm_token', type_='unique')
        batch_op.drop_column('confirm_token')

    with op.batch_alter_table('objections', schema=None) as batch_op:
        batch_op.drop_constraint('fk_objections_notice_id', type_='foreignkey')
        batch_op.drop_column('notice_id')
