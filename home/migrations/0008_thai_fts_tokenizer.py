"""SQLite only: let the full-text table keep Thai vowel and tone marks inside words.

Wagtail's SQLite FTS5 table uses the ``unicode61`` tokenizer, which treats combining marks
(Unicode category M — most Thai vowels and all tone marks) as separators: "หน่วยงาน" would be
stored as "หน" + "วยงาน". Recreating the table with ``categories 'L* N* Co M*'`` keeps Thai words
whole, as the segmenter (``home.search.thai``) cut them. The triggers on the index table refer to
the FTS table by name, so they keep working. PostgreSQL's parser keeps Thai words whole already.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry_fts"
SOURCE = "wagtailsearch_indexentry"
THAI_TOKENIZER = "unicode61 categories 'L* N* Co M*'"


def _recreate(schema_editor, tokenizer):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [TABLE])
        row = cursor.fetchone()
        if row is None:
            return  # SQLite without FTS5: Wagtail uses its fallback search, nothing to change
        options = f', tokenize="{tokenizer}"' if tokenizer else ""
        cursor.execute(f"DROP TABLE {TABLE}")
        cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(autocomplete, body, title{options})")
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, title, body, autocomplete) "  # noqa: S608 — constant names
            f"SELECT id, title, body, autocomplete FROM {SOURCE}"
        )


def keep_thai_marks(apps, schema_editor):
    _recreate(schema_editor, THAI_TOKENIZER)


def default_tokenizer(apps, schema_editor):
    _recreate(schema_editor, None)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_document_search_text"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(keep_thai_marks, default_tokenizer)]
