"""The SQLite (FTS5) search backend with the title column weighted above the body.

Chosen by WAGTAILSEARCH_BACKENDS in settings (by the database engine).

Imported only on SQLite: the stock SQLite backend module needs the FTS table's model, which exists only there.
"""

from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText

# bm25() takes one weight per FTS5 column, in table order: (autocomplete, body, title).
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


class TitleWeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class TitleWeightedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = TitleWeightedBM25()
            return rank * boost if boost != 1.0 else rank
        # And/Or combine their parts' ranks, each built by the branch above.
        return super().build_tsrank(vector, query, config=config, boost=boost)


class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = TitleWeightedSQLiteQueryCompiler


# Wagtail loads the module named in WAGTAILSEARCH_BACKENDS and takes its SearchBackend.
SearchBackend = TitleWeightedSQLiteSearchBackend
