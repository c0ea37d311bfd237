"""stored files: issued files and staged uploads in the database, by SHA-256

With DPA_STORAGE=database (the default with PostgreSQL) app servers keep no
files of their own. Files already under DPA_STORAGE_DIR are not copied.

Revision ID: 5b1e0c7d9a21
Revises: 5b1f0c2d9e41
Create Date: 2026-11-26 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '5b1e0c7d9a21'
down_revision = '5b1f0c2d9e41'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('stored_files',
    sa.Column('area', sa.String(length=20), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('area', 'sha256', 'format')
    )


def downgrade():
    op.drop_table('stored_files')
