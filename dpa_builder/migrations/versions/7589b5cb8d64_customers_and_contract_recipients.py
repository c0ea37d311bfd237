"""customers and contract recipients

Each customer's newest DPA enrols its Annex I.A contact as a recipient of change
notices (subscribers.customer_id). A page subscription stays one per address
(a partial unique index); a customer has each address once. Customers and their
contacts are filled in from the DPAs already issued, so that they get the notices
their DPAs promise.

Revision ID: 7589b5cb8d64
Revises: 5b1e0c7d9a21
Create Date: 2026-11-25 21:55:20.517207

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '7589b5cb8d64'
down_revision = '5b1e0c7d9a21'
branch_labels = None
depends_on = None

PAGE_WHERE = dict(sqlite_where=sa.text('customer_id IS NULL'),
                  postgresql_where=sa.text('customer_id IS NULL'))
records = sa.table("document_records", sa.column("id"), sa.column("document_id"),
                   sa.column("profile"), sa.column("company"), sa.column("company_folded"),
                   sa.column("country"), sa.column("request", sa.JSON), sa.column("notice_days"),
                   sa.column("issued_at"))
customers = sa.table("customers", sa.column("id"), sa.column("profile"), sa.column("key"),
                     sa.column("name"), sa.column("record_id"), sa.column("document_id"),
                     sa.column("notice_days"), sa.column("updated_at"))
subscribers = sa.table("subscribers", sa.column("profile"), sa.column("email"),
                       sa.column("customer_id"), sa.column("token"), sa.column("source"),
                       sa.column("created_at"), sa.column("confirmed_at"),
                       sa.column("confirm_token"))


def upgrade():
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=420), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('document_id', sa.String(length=32), nullable=False),
    sa.Column('notice_days', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['document_records.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('profile', 'key')
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite's unique (profile, email) has no name to drop: copy the table from its
        # definition without it.
        batch = op.batch_alter_table('subscribers', copy_from=_subscribers_before())
    else:
        op.drop_constraint("subscribers_profile_email_key", "subscribers", type_="unique")
        batch = op.batch_alter_table('subscribers')
    with batch as batch_op:
        batch_op.add_column(sa.Column('customer_id', sa.Integer(), nullable=True))
        batch_op.create_index('uq_subscribers_page_email', ['profile', 'email'], unique=True,
                              **PAGE_WHERE)
        batch_op.create_unique_constraint('uq_subscribers_customer_id', ['customer_id', 'email'])
        batch_op.create_foreign_key('fk_subscribers_customer_id', 'customers', ['customer_id'],
                                    ['id'])
    _enrol_existing()


def _subscribers_before() -> sa.Table:
    """The subscribers table as the previous revision left it, less unique (profile, email)."""
    return sa.Table(
        "subscribers", sa.MetaData(),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("profile", sa.String(40), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True)),
        sa.Column("unsubscribed_at", sa.DateTime(timezone=True)),
        sa.Column("confirm_token", sa.String(64)),
        sa.UniqueConstraint("confirm_token", name="uq_subscribers_confirm_token"))


def _enrol_existing():
    """A customer per (profile, country, folded name), from its newest DPA, with its contact."""
    import secrets

    connection, now, newest = op.get_bind(), datetime.now(UTC), {}
    for row in connection.execute(sa.select(records).order_by(records.c.issued_at)).all():
        newest[(row.profile, f"{row.country}:{row.company_folded}")] = row
    for (profile, key), row in newest.items():
        customer_id = connection.execute(customers.insert().values(
            profile=profile, key=key, name=row.company, record_id=row.id,
            document_id=row.document_id, notice_days=row.notice_days or 0, updated_at=now)
            .returning(customers.c.id)).scalar_one()
        connection.execute(subscribers.insert().values(
            profile=profile, email=row.request["customer"]["contact_email"].strip().lower(),
            customer_id=customer_id, token=secrets.token_urlsafe(24), source="contract",
            created_at=now, confirmed_at=now, confirm_token=None))


def downgrade():
    op.execute(subscribers.delete().where(subscribers.c.customer_id.is_not(None)))
    with op.batch_alter_table('subscribers', schema=None) as batch_op:
        batch_op.drop_constraint('fk_subscribers_customer_id', type_='foreignkey')
        batch_op.drop_constraint('uq_subscribers_customer_id', type_='unique')
        batch_op.drop_index('uq_subscribers_page_email', **PAGE_WHERE)
        batch_op.drop_column('customer_id')
        batch_op.create_unique_constraint('subscribers_profile_email_key', ['profile', 'email'])
    op.drop_table('customers')
