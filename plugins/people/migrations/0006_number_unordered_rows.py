"""Number the rows saved without a sort order, after their siblings, as PostgreSQL showed them.

From here on cms.rows.OrderedRow numbers them when they are saved, so every database and
modelcluster's in-memory lists show one order.
"""

from django.db import migrations

from cms.public import numbering_migration


class Migration(migrations.Migration):
    dependencies = [("people", "0005_stable_room_order")]

    operations = [numbering_migration("people", "VenueRoom")]
