"""Number the rows saved without a sort order, after their siblings, as PostgreSQL showed them.

From here on cms.rows.OrderedRow numbers them when they are saved, so every database and
modelcluster's in-memory lists show one order.
"""

from django.db import migrations

from cms.public import number_unordered_rows

MODELS = ['NetworkModerator']


def number_rows(apps, schema_editor):
    for name in MODELS:
        number_unordered_rows(apps.get_model("networks", name))


class Migration(migrations.Migration):
    dependencies = [("networks", "0004_stable_moderator_order")]

    operations = [migrations.RunPython(number_rows, migrations.RunPython.noop, elidable=True)]
