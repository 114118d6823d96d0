from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

# The search asks `search_text LIKE '% word%'` (Concept.objects.search): no B-tree index
# serves a match inside the text, a trigram index does. PostgreSQL only: SQLite has no
# trigram index, and scans its (small) table instead.
TRIGRAM_INDEX = "concept_search_text_trgm"


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON glossary_concept "
            "USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0005_admin_labels_in_plain_dutch"),
    ]

    operations = [
        migrations.AlterField(
            model_name="concept",
            name="initial",
            field=models.CharField(default="", editable=False, max_length=1),
        ),
        migrations.AddIndex(
            model_name="concept",
            index=models.Index(fields=["live", "sort_key"], name="concept_live_sorted"),
        ),
        migrations.AddIndex(
            model_name="concept",
            index=models.Index(fields=["initial", "sort_key"], name="concept_letter_sorted"),
        ),
        # Does nothing on other databases (Django checks the vendor).
        TrigramExtension(),
        migrations.RunPython(add_trigram_index, drop_trigram_index, elidable=False),
    ]
