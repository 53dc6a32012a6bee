"""Give every translation the view restrictions of its source.

Before, only councils and minutes pages kept their translations' restrictions in step; from
now on every page type does (cms/restrictions.py). Restrictions saved earlier on one
translation are copied to its translations that have none.
"""

from django.db import migrations


def mirror_existing(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    for restriction in PageViewRestriction.objects.select_related("page"):
        targets = (
            Page.objects.filter(translation_key=restriction.page.translation_key)
            .exclude(pk=restriction.page_id)
            .filter(view_restrictions__isnull=True)
        )
        groups = list(restriction.groups.all())
        for target in targets:
            copy = PageViewRestriction.objects.create(
                page=target,
                restriction_type=restriction.restriction_type,
                password=restriction.password,
            )
            copy.groups.set(groups)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_content_generation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror_existing, migrations.RunPython.noop)]
