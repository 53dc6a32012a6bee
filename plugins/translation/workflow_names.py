"""The names of the workflows and tasks setup_roles creates, read in the admin's language.

The names are stored in English because one database serves every admin language, and
Wagtail shows a stored name as it is: a Danish editor read "Send til Editorial review" and
got a task e-mail about "Approval by a reviewer". A stored name that is one of ours loads
as a :class:`LocalizedName`, which compares, hashes and saves as the stored English and
reads (``str``, ``%s``, templates, ``format``) as the current language's translation. The
names an administrator gives their own workflows are left as typed.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.db.models.signals import pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Task, Workflow

EDITORIAL_WORKFLOW = gettext_noop("Editorial review")
TRANSLATION_WORKFLOW = gettext_noop("Translation review")
EDITORIAL_TASK = gettext_noop("Approval by a reviewer")
TRANSLATION_TASK = gettext_noop("Translation approval by a reviewer")

NAMES = frozenset({EDITORIAL_WORKFLOW, TRANSLATION_WORKFLOW, EDITORIAL_TASK, TRANSLATION_TASK})


class LocalizedName(str):
    """A stored name (the ``str`` value) that reads as its translation."""

    __slots__ = ()

    def __str__(self) -> str:
        return gettext(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _load(value, expression, connection):
    return LocalizedName(value) if value in NAMES else value


@cache
def _stored_names() -> dict[str, str]:
    """Each translation of one of our names, in every language, to its stored English."""
    found = {}
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            found.update({gettext(name): name for name in NAMES})
    return found


def _keep_stored_name(sender, instance, **kwargs) -> None:
    # An edit form shows the translated name; saved back, it would replace the English one.
    if isinstance(instance, Workflow | Task):
        instance.name = _stored_names().get(str.__str__(instance.name), instance.name)


def install() -> None:
    for model in (Workflow, Task):
        # Django asks a field for converters when it reads rows; Task's field is also its
        # subclasses' (GroupApprovalTask), so one converter covers every task type.
        model._meta.get_field("name").from_db_value = _load
    pre_save.connect(_keep_stored_name, dispatch_uid="tingsted-workflow-names")
