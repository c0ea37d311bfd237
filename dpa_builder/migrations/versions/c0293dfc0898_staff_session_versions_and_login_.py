"""staff session versions and login failures

users.session_version is part of every session: raising it ends them all.
login_failures counts failed sign-ins per typed email for the per-account back-off.

Revision ID: c0293dfc0898
Revises: 360587b86de2
Create Date: 2026-11-25 21:28:40.845538

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c0293dfc0898'
down_revision = '360587b86de2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('login_failures',
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('email')
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default=sa.text('0'), nullable=False))



def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_version')

    op.drop_table('login_failures')
