"""The PostgreSQL full-text backend with the title weighted above the body.

Chosen by WAGTAILSEARCH_BACKENDS in settings (by the database engine).

The stock backend ranks `ts_rank(title) * title_norm + ts_rank(body)`, with tsvector weights A-D spread over every
boost in the project. Wagtail's image and document titles (boost 10) and member names (boost 3) take the top
weights, leaving a page title (boost 2) at C, barely above the unweighted body at D: a page saying a word twice in
its body outranked one with the word in its title. Scaling the title's rank restores the order readers expect
while keeping the stock length normalisation (`title_norm`) and everything else.
"""

from django.db.models import F
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler

# How much more a title match counts than the same match in the body.
TITLE_RANK_FACTOR = 5.0


class TitleWeightedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), F("index_entries__title_norm") * TITLE_RANK_FACTOR),
            (F("index_entries__body"), 1.0),
        ]


class TitleWeightedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = TitleWeightedPostgresQueryCompiler


# Wagtail loads the module named in WAGTAILSEARCH_BACKENDS and takes its SearchBackend.
SearchBackend = TitleWeightedPostgresSearchBackend
