"""Alembic environment. The program hands us an open connection (inside its own
transaction); migrations never open the database themselves."""

from alembic import context

from clarity_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
