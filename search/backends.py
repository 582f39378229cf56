"""Wagtail's database search backend, with the title weighted above the body on both databases.

On PostgreSQL the stock backend's tsvector weights are spread over every boost in the project, so a page title
ends up barely above the body (search/postgres_backend.py). Its SQLite (FTS5) sibling ranks with a plain bm25()
over all columns, ignoring boosts (search/sqlite_backend.py). Each subclass changes only the ranking; which class
runs on which database, indexing and filtering are the stock backend's.
"""

from modelsearch.backends.database import SearchBackend as backend_for_database


def SearchBackend(params):
    backend = backend_for_database(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite_backend import TitleWeightedSQLiteSearchBackend

        return TitleWeightedSQLiteSearchBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from .postgres_backend import TitleWeightedPostgresSearchBackend

        return TitleWeightedPostgresSearchBackend(params)
    return backend
