"""A GIN index on the search document (title and body together) of Wagtail's index entries.

Wagtail's PostgreSQL backend matches ``title || body @@ query``; PostgreSQL has a GIN index on
each column alone, which that expression cannot use, so every search read and concatenated
the vectors of every entry (docs/search.md, "Speed"). The index is on
``tingsted_search_document(title, body)``, a function that returns exactly ``title || body``
and that ``plugins.search.backends`` matches with. It is a function, not the bare expression,
because of its declared cost: PostgreSQL does not count the reading of large vectors, so it
prefers reading the whole table whenever a word is common; at its true cost the index wins.

PostgreSQL only: SQLite and MySQL keep their own full-text indexes and nothing happens there.
The vectors already hold each page's own language's stems, so one index serves every language.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
FUNCTION = "tingsted_search_document"
INDEX = "tingsted_search_document_gin"

CREATE = [
    # plpgsql, not SQL: PostgreSQL inlines an SQL function, and its cost with it.
    f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(title tsvector, body tsvector) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000
    AS $$ BEGIN RETURN title || body; END $$
    """,
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ({FUNCTION}(title, body))",
    # A search reads few rows through the index: starting parallel workers for it costs
    # more than it saves.
    f"ALTER TABLE {TABLE} SET (parallel_workers = 0)",
    # No ANALYZE here: on a new, empty table it would tell the planner "no rows" until
    # autovacuum looks again. An existing table's statistics serve the new index as they are.
]
DROP = [
    f"ALTER TABLE {TABLE} RESET (parallel_workers)",
    f"DROP INDEX IF EXISTS {INDEX}",
    f"DROP FUNCTION IF EXISTS {FUNCTION}(tsvector, tsvector)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(run(CREATE), run(DROP), elidable=False)]
