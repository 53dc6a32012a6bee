"""Number the rows saved without a sort order, after their siblings, as PostgreSQL showed them.

From here on cms.rows.OrderedRow numbers them when they are saved, so every database and
modelcluster's in-memory lists show one order.
"""

from django.db import migrations

from cms.public import numbering_migration


class Migration(migrations.Migration):
    dependencies = [("blog", "0003_stable_row_order")]

    operations = [numbering_migration("blog", "BlogPostAuthor", "BlogPostRelated")]
