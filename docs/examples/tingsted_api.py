# Pydantic models of Tingsted's API v3, generated from its OpenAPI document by
# datamodel-code-generator: do not edit. Regenerate with `make openapi`
# (docs/examples/generate_models.py).

from __future__ import annotations

from datetime import date as date_aliased
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, Field, RootModel


class AttachmentOut(BaseModel):
    """
    A document attached to an item.
    """

    extension: Annotated[str, Field(title='Extension')]
    size: Annotated[int | None, Field(title='Size')]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str, Field(title='Url')]


class Status(StrEnum):
    present = 'present'
    absent = 'absent'


class AttendanceOut(BaseModel):
    """
    Whether a member attended a meeting.
    """

    name: Annotated[str, Field(title='Name')]
    notice_given: Annotated[
        bool | None,
        Field(
            description='For an absent member only; null otherwise.',
            title='Notice Given',
        ),
    ]
    person_id: Annotated[
        int, Field(description="A key of the answer's `people`.", title='Person Id')
    ]
    role: Annotated[str, Field(title='Role')]
    status: Annotated[Status, Field(title='Status')]


class TypeEnum(StrEnum):
    blog_BlogCategory = 'blog.BlogCategory'


class Type(RootModel[TypeEnum | None]):
    root: Annotated[TypeEnum | None, Field(title='Type')] = None


class BlogCategoryCreateMetaSchema(BaseModel):
    type: Annotated[Type | None, Field(title='Type')]


class BlogCategoryCreateSchema(BaseModel):
    meta: BlogCategoryCreateMetaSchema | None = None


class BlogCategoryData(BaseModel):
    """
    A blog category, in the page's language.
    """

    description: Annotated[str, Field(title='Description')]
    id: Annotated[int, Field(title='Id')]
    name: Annotated[str, Field(title='Name')]
    slug: Annotated[str, Field(title='Slug')]


class Type1Enum(StrEnum):
    blog_BlogCategory = 'blog.BlogCategory'


class Type1(RootModel[Type1Enum | None]):
    root: Annotated[Type1Enum | None, Field(title='Type')] = None


class BlogCategoryPatchMetaSchema(BaseModel):
    type: Annotated[Type1 | None, Field(title='Type')]


class BlogCategoryPatchSchema(BaseModel):
    meta: BlogCategoryPatchMetaSchema | None = None


class Slug(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="The category's part of filter addresses (?category=…). Filled in from the name if left empty.",
            max_length=80,
            title='Slug',
        ),
    ]


class ActionEnum(StrEnum):
    publish = 'publish'


class Action(RootModel[ActionEnum | None]):
    root: Annotated[ActionEnum | None, Field(title='Action')] = None


class BlogIndexPageCreateMetaSchema(BaseModel):
    action: Annotated[Action | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['blog.BlogIndexPage'], Field(title='Type')]


class SeoTitle(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            max_length=255,
            title='Title Tag',
        ),
    ]


class Slug1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            max_length=255,
            title='Slug',
        ),
    ]


class BlogIndexPageCreateSchema(BaseModel):
    meta: BlogIndexPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action1Enum(StrEnum):
    publish = 'publish'


class Action1(RootModel[Action1Enum | None]):
    root: Annotated[Action1Enum | None, Field(title='Action')] = None


class Type2Enum(StrEnum):
    blog_BlogIndexPage = 'blog.BlogIndexPage'


class Type2(RootModel[Type2Enum | None]):
    root: Annotated[Type2Enum | None, Field(title='Type')] = None


class BlogIndexPagePatchMetaSchema(BaseModel):
    action: Annotated[Action1 | None, Field(title='Action')] = None
    type: Annotated[Type2 | None, Field(title='Type')]


class Title(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class BlogIndexPagePatchSchema(BaseModel):
    meta: BlogIndexPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Action2Enum(StrEnum):
    publish = 'publish'


class Action2(RootModel[Action2Enum | None]):
    root: Annotated[Action2Enum | None, Field(title='Action')] = None


class BlogPostPageCreateMetaSchema(BaseModel):
    action: Annotated[Action2 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['blog.BlogPostPage'], Field(title='Type')]


class BlogPostPageCreateSchema(BaseModel):
    meta: BlogPostPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action3Enum(StrEnum):
    publish = 'publish'


class Action3(RootModel[Action3Enum | None]):
    root: Annotated[Action3Enum | None, Field(title='Action')] = None


class Type3Enum(StrEnum):
    blog_BlogPostPage = 'blog.BlogPostPage'


class Type3(RootModel[Type3Enum | None]):
    root: Annotated[Type3Enum | None, Field(title='Type')] = None


class BlogPostPagePatchMetaSchema(BaseModel):
    action: Annotated[Action3 | None, Field(title='Action')] = None
    type: Annotated[Type3 | None, Field(title='Type')]


class BlogPostPagePatchSchema(BaseModel):
    meta: BlogPostPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class BodyStreamBlockText(BaseModel):
    """
    Text
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['text'], Field(title='Type')]
    value: Annotated[str, Field(title='Value')]


class Action4Enum(StrEnum):
    publish = 'publish'


class Action4(RootModel[Action4Enum | None]):
    root: Annotated[Action4Enum | None, Field(title='Action')] = None


class ContentPageCreateMetaSchema(BaseModel):
    action: Annotated[Action4 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['cms.ContentPage'], Field(title='Type')]


class ContentPageCreateSchema(BaseModel):
    meta: ContentPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action5Enum(StrEnum):
    publish = 'publish'


class Action5(RootModel[Action5Enum | None]):
    root: Annotated[Action5Enum | None, Field(title='Action')] = None


class Type4Enum(StrEnum):
    cms_ContentPage = 'cms.ContentPage'


class Type4(RootModel[Type4Enum | None]):
    root: Annotated[Type4Enum | None, Field(title='Type')] = None


class ContentPagePatchMetaSchema(BaseModel):
    action: Annotated[Action5 | None, Field(title='Action')] = None
    type: Annotated[Type4 | None, Field(title='Type')]


class ContentPagePatchSchema(BaseModel):
    meta: ContentPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class ContentTypeSummarySchema(BaseModel):
    label: Annotated[str, Field(title='Label')]
    name: Annotated[str, Field(title='Name')]


class CouncilLinksOut(BaseModel):
    """
    Where a council's meetings are available as data.
    """

    calendar: Annotated[
        str,
        Field(
            description="The iCalendar feed of the council's meetings.",
            title='Calendar',
        ),
    ]
    export: Annotated[
        str,
        Field(description="The JSON export of the council's meetings.", title='Export'),
    ]


class Action6Enum(StrEnum):
    publish = 'publish'


class Action6(RootModel[Action6Enum | None]):
    root: Annotated[Action6Enum | None, Field(title='Action')] = None


class CouncilPageCreateMetaSchema(BaseModel):
    action: Annotated[Action6 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['minutes.CouncilPage'], Field(title='Type')]


class CouncilPageCreateSchema(BaseModel):
    meta: CouncilPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action7Enum(StrEnum):
    publish = 'publish'


class Action7(RootModel[Action7Enum | None]):
    root: Annotated[Action7Enum | None, Field(title='Action')] = None


class Type5Enum(StrEnum):
    minutes_CouncilPage = 'minutes.CouncilPage'


class Type5(RootModel[Type5Enum | None]):
    root: Annotated[Type5Enum | None, Field(title='Type')] = None


class CouncilPagePatchMetaSchema(BaseModel):
    action: Annotated[Action7 | None, Field(title='Action')] = None
    type: Annotated[Type5 | None, Field(title='Type')]


class CouncilPagePatchSchema(BaseModel):
    meta: CouncilPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Outcome(StrEnum):
    approved = 'approved'
    approved_with_changes = 'approved_with_changes'
    discussed = 'discussed'
    noted = 'noted'
    rejected = 'rejected'
    postponed = 'postponed'
    none = 'none'


class DecisionOut(BaseModel):
    """
    What was decided on an item.
    """

    label: Annotated[
        str | None,
        Field(description='The outcome in the language of the answer.', title='Label'),
    ]
    outcome: Annotated[Outcome | None, Field(title='Outcome')]
    text: Annotated[str, Field(description='HTML with absolute links.', title='Text')]


class DocumentData(BaseModel):
    """
    What :func:`document_data` returns.
    """

    extension: Annotated[str, Field(title='Extension')]
    id: Annotated[int, Field(title='Id')]
    size: Annotated[int | None, Field(title='Size')]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str, Field(title='Url')]


class EmbedData(BaseModel):
    caption: Annotated[str, Field(title='Caption')]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str, Field(title='Url')]


class Action8Enum(StrEnum):
    publish = 'publish'


class Action8(RootModel[Action8Enum | None]):
    root: Annotated[Action8Enum | None, Field(title='Action')] = None


class EventIndexPageCreateMetaSchema(BaseModel):
    action: Annotated[Action8 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['meetings.EventIndexPage'], Field(title='Type')]


class EventIndexPageCreateSchema(BaseModel):
    meta: EventIndexPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action9Enum(StrEnum):
    publish = 'publish'


class Action9(RootModel[Action9Enum | None]):
    root: Annotated[Action9Enum | None, Field(title='Action')] = None


class Type6Enum(StrEnum):
    meetings_EventIndexPage = 'meetings.EventIndexPage'


class Type6(RootModel[Type6Enum | None]):
    root: Annotated[Type6Enum | None, Field(title='Type')] = None


class EventIndexPagePatchMetaSchema(BaseModel):
    action: Annotated[Action9 | None, Field(title='Action')] = None
    type: Annotated[Type6 | None, Field(title='Type')]


class EventIndexPagePatchSchema(BaseModel):
    meta: EventIndexPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class FactBoxData(BaseModel):
    items: Annotated[list[str], Field(title='Items')]
    title: Annotated[str, Field(title='Title')]


class FieldsQuery(BaseModel):
    fields: Annotated[
        str | None,
        Field(
            description="Fields to add to every item, comma-separated, as in the page's detail (`fields=authors,hero_image`), or `*` for all of them. A field applies to the items whose type declares it: with `type=` one type's fields, else any page type's. Unknown names are a 400 naming them.",
            title='Fields',
        ),
    ] = None


class Level(StrEnum):
    h2 = 'h2'
    h3 = 'h3'
    h4 = 'h4'


class HeadingBlock(BaseModel):
    level: Annotated[Level, Field(title='Level')]
    text: Annotated[str, Field(title='Text')]


class Action10Enum(StrEnum):
    publish = 'publish'


class Action10(RootModel[Action10Enum | None]):
    root: Annotated[Action10Enum | None, Field(title='Action')] = None


class HomePageCreateMetaSchema(BaseModel):
    action: Annotated[Action10 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['cms.HomePage'], Field(title='Type')]


class HomePageCreateSchema(BaseModel):
    meta: HomePageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action11Enum(StrEnum):
    publish = 'publish'


class Action11(RootModel[Action11Enum | None]):
    root: Annotated[Action11Enum | None, Field(title='Action')] = None


class Type7Enum(StrEnum):
    cms_HomePage = 'cms.HomePage'


class Type7(RootModel[Type7Enum | None]):
    root: Annotated[Type7Enum | None, Field(title='Type')] = None


class HomePagePatchMetaSchema(BaseModel):
    action: Annotated[Action11 | None, Field(title='Action')] = None
    type: Annotated[Type7 | None, Field(title='Type')]


class HomePagePatchSchema(BaseModel):
    meta: HomePagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Input(BaseModel):
    limit: Annotated[int | None, Field(ge=1, le=100, title='Limit')] = 20
    offset: Annotated[
        int | None, Field(ge=0, le=9223372036854775807, title='Offset')
    ] = 0


class InterestFormData(BaseModel):
    """
    How to ask to be contacted about membership of the network.
    """

    action_url: Annotated[
        str | None,
        Field(
            description='Where the form is posted: the network page.',
            title='Action Url',
        ),
    ]
    consent_text: Annotated[str, Field(title='Consent Text')]
    enabled: Annotated[bool, Field(title='Enabled')]
    fields: Annotated[
        list[str],
        Field(description="The form's field names, in order.", title='Fields'),
    ]
    heading: Annotated[str, Field(title='Heading')]
    intro: Annotated[str, Field(title='Intro')]
    terms_url: Annotated[str | None, Field(title='Terms Url')]
    terms_version: Annotated[str, Field(title='Terms Version')]


class LocaleSyncSchema(BaseModel):
    locale: Annotated[str, Field(title='Locale')]
    outcome: Annotated[str, Field(title='Outcome')]
    untranslated: Annotated[list[str], Field(title='Untranslated')]


class DocumentStatus(StrEnum):
    agenda = 'agenda'
    minutes_draft = 'minutes_draft'
    minutes_approved = 'minutes_approved'


class Action12Enum(StrEnum):
    publish = 'publish'


class Action12(RootModel[Action12Enum | None]):
    root: Annotated[Action12Enum | None, Field(title='Action')] = None


class MeetingPageCreateMetaSchema(BaseModel):
    action: Annotated[Action12 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['meetings.MeetingPage'], Field(title='Type')]


class MeetingPageCreateSchema(BaseModel):
    meta: MeetingPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Kind(StrEnum):
    """
    An overnight meeting must end on a later day than it starts.
    """

    regular = 'regular'
    overnight = 'overnight'
    conference = 'conference'
    webinar = 'webinar'


class Room(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="Optional, for example 'Room 2.14'.",
            max_length=120,
            title='Room',
        ),
    ]


class SequenceLabel(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="Where the meeting sits in the season, for example 'Meeting 3 of 5'.",
            max_length=80,
            title='Sequence Label',
        ),
    ]


class SignupLabel(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="For example 'Sign up for the meeting'. Leave empty for no button.",
            max_length=80,
            title='Sign-Up Button Text',
        ),
    ]


class Status1(StrEnum):
    """
    Shown prominently on the page, in lists and in calendars. 'Not yet confirmed' is tentative in calendars; 'Cancelled' removes the meeting from most calendar apps.
    """

    planned = 'planned'
    confirmed = 'confirmed'
    not_confirmed = 'not_confirmed'
    postponed = 'postponed'
    cancelled = 'cancelled'


class StatusNote(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Optional: why the meeting was postponed or cancelled, or what is pending.',
            max_length=250,
            title='Status Note',
        ),
    ]


class Action13Enum(StrEnum):
    publish = 'publish'


class Action13(RootModel[Action13Enum | None]):
    root: Annotated[Action13Enum | None, Field(title='Action')] = None


class Type8Enum(StrEnum):
    meetings_MeetingPage = 'meetings.MeetingPage'


class Type8(RootModel[Type8Enum | None]):
    root: Annotated[Type8Enum | None, Field(title='Type')] = None


class MeetingPagePatchMetaSchema(BaseModel):
    action: Annotated[Action13 | None, Field(title='Action')] = None
    type: Annotated[Type8 | None, Field(title='Type')]


class MeetingPagePatchSchema(BaseModel):
    meta: MeetingPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Kind2(StrEnum):
    regular = 'regular'
    overnight = 'overnight'
    conference = 'conference'
    webinar = 'webinar'


class Status3(StrEnum):
    planned = 'planned'
    confirmed = 'confirmed'
    not_confirmed = 'not_confirmed'
    postponed = 'postponed'
    cancelled = 'cancelled'


class MeetingSummaryOut(BaseModel):
    document_status: Annotated[DocumentStatus, Field(title='Document Status')]
    document_status_label: Annotated[str, Field(title='Document Status Label')]
    end: Annotated[AwareDatetime | None, Field(title='End')]
    id: Annotated[int, Field(title='Id')]
    locale: Annotated[str, Field(title='Locale')]
    start: Annotated[
        AwareDatetime,
        Field(description="With the offset of the site's time zone.", title='Start'),
    ]
    time_zone: Annotated[
        str,
        Field(
            description="The site's IANA time zone, e.g. Europe/Copenhagen.",
            title='Time Zone',
        ),
    ]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str | None, Field(title='Url')]


class Role(StrEnum):
    chair = 'chair'
    vice_chair = 'vice_chair'
    member = 'member'
    substitute = 'substitute'


class MemberOut(BaseModel):
    """
    A member of a council, in the language of the answer.
    """

    name: Annotated[str, Field(title='Name')]
    organisation_id: Annotated[
        int | None,
        Field(
            description="A key of the answer's `organisations`.",
            title='Organisation Id',
        ),
    ]
    period_end: Annotated[date_aliased | None, Field(title='Period End')]
    period_start: Annotated[date_aliased | None, Field(title='Period Start')]
    person_id: Annotated[
        int, Field(description="A key of the answer's `people`.", title='Person Id')
    ]
    represents: Annotated[str, Field(title='Represents')]
    role: Annotated[Role, Field(title='Role')]
    role_label: Annotated[str, Field(title='Role Label')]


class Currency(StrEnum):
    """
    ISO 4217 code: DKK, SEK, NOK or EUR.
    """

    DKK = 'DKK'
    SEK = 'SEK'
    NOK = 'NOK'
    EUR = 'EUR'


class MembershipFeeData(BaseModel):
    amount: Annotated[
        str | None,
        Field(
            description="The fee per season as a decimal string, e.g. '18500.00'.",
            title='Amount',
        ),
    ]
    currency: Annotated[
        Currency,
        Field(description='ISO 4217 code: DKK, SEK, NOK or EUR.', title='Currency'),
    ]
    vat_note: Annotated[str, Field(title='Vat Note')]


class Action14Enum(StrEnum):
    publish = 'publish'


class Action14(RootModel[Action14Enum | None]):
    root: Annotated[Action14Enum | None, Field(title='Action')] = None


class MinutesPageCreateMetaSchema(BaseModel):
    action: Annotated[Action14 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['minutes.MinutesPage'], Field(title='Type')]


class MinutesPageCreateSchema(BaseModel):
    meta: MinutesPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class DocumentStatus2(StrEnum):
    """
    Agenda before the meeting; minutes draft while the minutes are being approved; minutes approved once every open item has its decision.
    """

    agenda = 'agenda'
    minutes_draft = 'minutes_draft'
    minutes_approved = 'minutes_approved'


class Room2(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="Optional: the room, for example 'Meeting room 3, 2nd floor'.",
            max_length=120,
            title='Room',
        ),
    ]


class Action15Enum(StrEnum):
    publish = 'publish'


class Action15(RootModel[Action15Enum | None]):
    root: Annotated[Action15Enum | None, Field(title='Action')] = None


class Type9Enum(StrEnum):
    minutes_MinutesPage = 'minutes.MinutesPage'


class Type9(RootModel[Type9Enum | None]):
    root: Annotated[Type9Enum | None, Field(title='Type')] = None


class MinutesPagePatchMetaSchema(BaseModel):
    action: Annotated[Action15 | None, Field(title='Action')] = None
    type: Annotated[Type9 | None, Field(title='Type')]


class MinutesPagePatchSchema(BaseModel):
    meta: MinutesPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Action16Enum(StrEnum):
    publish = 'publish'


class Action16(RootModel[Action16Enum | None]):
    root: Annotated[Action16Enum | None, Field(title='Action')] = None


class NetworkIndexPageCreateMetaSchema(BaseModel):
    action: Annotated[Action16 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['networks.NetworkIndexPage'], Field(title='Type')]


class NetworkIndexPageCreateSchema(BaseModel):
    meta: NetworkIndexPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action17Enum(StrEnum):
    publish = 'publish'


class Action17(RootModel[Action17Enum | None]):
    root: Annotated[Action17Enum | None, Field(title='Action')] = None


class Type10Enum(StrEnum):
    networks_NetworkIndexPage = 'networks.NetworkIndexPage'


class Type10(RootModel[Type10Enum | None]):
    root: Annotated[Type10Enum | None, Field(title='Type')] = None


class NetworkIndexPagePatchMetaSchema(BaseModel):
    action: Annotated[Action17 | None, Field(title='Action')] = None
    type: Annotated[Type10 | None, Field(title='Type')]


class NetworkIndexPagePatchSchema(BaseModel):
    meta: NetworkIndexPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Action18Enum(StrEnum):
    publish = 'publish'


class Action18(RootModel[Action18Enum | None]):
    root: Annotated[Action18Enum | None, Field(title='Action')] = None


class NetworkPageCreateMetaSchema(BaseModel):
    action: Annotated[Action18 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['networks.NetworkPage'], Field(title='Type')]


class NetworkPageCreateSchema(BaseModel):
    meta: NetworkPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class ContactEmail(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="Receives the interest form's submissions. Falls back to the contact person's.",
            max_length=254,
            title='Contact E-Mail',
        ),
    ]


class MembershipHeading(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="The heading above the membership terms. Leave empty for 'Membership'.",
            max_length=120,
            title='Membership Heading',
        ),
    ]


class OrganiserHeading(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="The heading above the organiser. Leave empty for 'About the organiser'.",
            max_length=120,
            title='Organiser Heading',
        ),
    ]


class PracticalHeading(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="The heading above venue, contact and notices. Leave empty for 'Practical information'.",
            max_length=120,
            title='Practical Heading',
        ),
    ]


class Topic(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="The policy area in a word or two, for example 'Integration'.",
            max_length=120,
            title='Topic',
        ),
    ]


class Action19Enum(StrEnum):
    publish = 'publish'


class Action19(RootModel[Action19Enum | None]):
    root: Annotated[Action19Enum | None, Field(title='Action')] = None


class Type11Enum(StrEnum):
    networks_NetworkPage = 'networks.NetworkPage'


class Type11(RootModel[Type11Enum | None]):
    root: Annotated[Type11Enum | None, Field(title='Type')] = None


class NetworkPagePatchMetaSchema(BaseModel):
    action: Annotated[Action19 | None, Field(title='Action')] = None
    type: Annotated[Type11 | None, Field(title='Type')]


class NetworkPagePatchSchema(BaseModel):
    meta: NetworkPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class NetworkRefSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str | None, Field(title='Url')]


class Action20Enum(StrEnum):
    publish = 'publish'


class Action20(RootModel[Action20Enum | None]):
    root: Annotated[Action20Enum | None, Field(title='Action')] = None


class NewsIndexPageCreateMetaSchema(BaseModel):
    action: Annotated[Action20 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['blog.NewsIndexPage'], Field(title='Type')]


class NewsIndexPageCreateSchema(BaseModel):
    meta: NewsIndexPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action21Enum(StrEnum):
    publish = 'publish'


class Action21(RootModel[Action21Enum | None]):
    root: Annotated[Action21Enum | None, Field(title='Action')] = None


class Type12Enum(StrEnum):
    blog_NewsIndexPage = 'blog.NewsIndexPage'


class Type12(RootModel[Type12Enum | None]):
    root: Annotated[Type12Enum | None, Field(title='Type')] = None


class NewsIndexPagePatchMetaSchema(BaseModel):
    action: Annotated[Action21 | None, Field(title='Action')] = None
    type: Annotated[Type12 | None, Field(title='Type')]


class NewsIndexPagePatchSchema(BaseModel):
    meta: NewsIndexPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Action22Enum(StrEnum):
    publish = 'publish'


class Action22(RootModel[Action22Enum | None]):
    root: Annotated[Action22Enum | None, Field(title='Action')] = None


class NewsPageCreateMetaSchema(BaseModel):
    action: Annotated[Action22 | None, Field(title='Action')] = None
    parent_id: Annotated[int, Field(title='Parent Id')]
    type: Annotated[Literal['blog.NewsPage'], Field(title='Type')]


class NewsPageCreateSchema(BaseModel):
    meta: NewsPageCreateMetaSchema
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        str,
        Field(
            description="The page title as you'd like it to be seen by the public",
            max_length=255,
            title='Title',
        ),
    ]


class Action23Enum(StrEnum):
    publish = 'publish'


class Action23(RootModel[Action23Enum | None]):
    root: Annotated[Action23Enum | None, Field(title='Action')] = None


class Type13Enum(StrEnum):
    blog_NewsPage = 'blog.NewsPage'


class Type13(RootModel[Type13Enum | None]):
    root: Annotated[Type13Enum | None, Field(title='Type')] = None


class NewsPagePatchMetaSchema(BaseModel):
    action: Annotated[Action23 | None, Field(title='Action')] = None
    type: Annotated[Type13 | None, Field(title='Type')]


class NewsPagePatchSchema(BaseModel):
    meta: NewsPagePatchMetaSchema | None = None
    search_description: Annotated[
        str | None,
        Field(
            description='The descriptive text displayed underneath a headline in search engine results.',
            title='Meta Description',
        ),
    ] = None
    seo_title: Annotated[
        SeoTitle | None,
        Field(
            description='The name of the page displayed on search engine results as the clickable headline.',
            title='Title Tag',
        ),
    ] = None
    show_in_menus: Annotated[
        bool | None,
        Field(
            description='Whether a link to this page will appear in automatically generated menus',
            title='Show In Menus',
        ),
    ] = False
    slug: Annotated[
        Slug1 | None,
        Field(
            description='The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/',
            title='Slug',
        ),
    ] = None
    title: Annotated[
        Title | None,
        Field(
            description="The page title as you'd like it to be seen by the public",
            title='Title',
        ),
    ] = None


class Type14Enum(StrEnum):
    blog_NewsType = 'blog.NewsType'


class Type14(RootModel[Type14Enum | None]):
    root: Annotated[Type14Enum | None, Field(title='Type')] = None


class NewsTypeCreateMetaSchema(BaseModel):
    type: Annotated[Type14 | None, Field(title='Type')]


class NewsTypeCreateSchema(BaseModel):
    meta: NewsTypeCreateMetaSchema | None = None


class NewsTypeData(BaseModel):
    """
    A news article's type (news, press release, statement), in the page's language.
    """

    id: Annotated[int, Field(title='Id')]
    name: Annotated[str, Field(title='Name')]
    slug: Annotated[str, Field(title='Slug')]


class Type15Enum(StrEnum):
    blog_NewsType = 'blog.NewsType'


class Type15(RootModel[Type15Enum | None]):
    root: Annotated[Type15Enum | None, Field(title='Type')] = None


class NewsTypePatchMetaSchema(BaseModel):
    type: Annotated[Type15 | None, Field(title='Type')]


class NewsTypePatchSchema(BaseModel):
    meta: NewsTypePatchMetaSchema | None = None


class Slug25(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Used in filter addresses (?type=…). Filled in from the name if left empty.',
            max_length=60,
            title='Slug',
        ),
    ]


class Kind3(StrEnum):
    info = 'info'
    practical = 'practical'
    health = 'health'
    warning = 'warning'


class NoticeData(BaseModel):
    """
    What :meth:`NoticeBlock.get_api_representation` returns.
    """

    heading: Annotated[str, Field(title='Heading')]
    kind: Annotated[Kind3, Field(title='Kind')]
    text: Annotated[str, Field(description='HTML with absolute links.', title='Text')]


class NoticeStreamBlockNotice(BaseModel):
    """
    Notice
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['notice'], Field(title='Type')]
    value: NoticeData


class OpeningHoursData(BaseModel):
    days: Annotated[str, Field(title='Days')]
    hours: Annotated[str, Field(title='Hours')]


class OrderingSchema(BaseModel):
    """
    Order a queryset by one or more of its own APIFields.

    Generic across content types: ``base_fields`` (passed to
    ``order_queryset``) names the fields every model of this kind always
    allows to order by, on top of the queryset's own ``api_fields``.
    """

    order: Annotated[Literal['random'] | list[str] | None, Field(title='Order')] = []


class Type16Enum(StrEnum):
    people_Organisation = 'people.Organisation'


class Type16(RootModel[Type16Enum | None]):
    root: Annotated[Type16Enum | None, Field(title='Type')] = None


class OrganisationCreateMetaSchema(BaseModel):
    type: Annotated[Type16 | None, Field(title='Type')]


class OrganisationCreateSchema(BaseModel):
    meta: OrganisationCreateMetaSchema | None = None


class Type17Enum(StrEnum):
    people_Organisation = 'people.Organisation'


class Type17(RootModel[Type17Enum | None]):
    root: Annotated[Type17Enum | None, Field(title='Type')] = None


class OrganisationPatchMetaSchema(BaseModel):
    type: Annotated[Type17 | None, Field(title='Type')]


class OrganisationPatchSchema(BaseModel):
    meta: OrganisationPatchMetaSchema | None = None


class ShortName(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="An abbreviation used in lists, for example 'NTF'. Optional.",
            max_length=60,
            title='Short Name',
        ),
    ]


class PageCopyForTranslationSchema(BaseModel):
    alias: Annotated[bool | None, Field(title='Alias')] = False
    copy_parents: Annotated[bool | None, Field(title='Copy Parents')] = False
    locale: Annotated[str, Field(title='Locale')]
    recursive: Annotated[bool | None, Field(title='Recursive')] = False


class DestinationId(RootModel[int]):
    root: Annotated[int, Field(gt=0, title='Destination Id')]


class PageCopySchema(BaseModel):
    destination_id: Annotated[DestinationId | None, Field(title='Destination Id')] = (
        None
    )
    keep_live: Annotated[bool | None, Field(title='Keep Live')] = True
    recursive: Annotated[bool | None, Field(title='Recursive')] = False
    slug: Annotated[str | None, Field(title='Slug')] = None
    title: Annotated[str | None, Field(title='Title')] = None


class PageCreateAliasSchema(BaseModel):
    destination_id: Annotated[DestinationId | None, Field(title='Destination Id')] = (
        None
    )
    recursive: Annotated[bool | None, Field(title='Recursive')] = False
    slug: Annotated[str | None, Field(title='Slug')] = None


class AncestorOf(RootModel[int]):
    root: Annotated[int, Field(gt=0, le=9223372036854775807, title='Ancestor Of')]


class ChildOf(RootModel[int]):
    root: Annotated[int, Field(gt=0, le=9223372036854775807, title='Child Of')]


class DescendantOf(RootModel[int]):
    root: Annotated[int, Field(gt=0, le=9223372036854775807, title='Descendant Of')]


class Locale(StrEnum):
    da = 'da'
    en = 'en'
    nb = 'nb'
    sv = 'sv'


class TranslationOf(RootModel[int]):
    root: Annotated[int, Field(gt=0, le=9223372036854775807, title='Translation Of')]


class TypeEnum1(StrEnum):
    wagtailcore_Page = 'wagtailcore.Page'
    cms_HomePage = 'cms.HomePage'
    cms_ContentPage = 'cms.ContentPage'
    networks_NetworkIndexPage = 'networks.NetworkIndexPage'
    networks_NetworkPage = 'networks.NetworkPage'
    meetings_EventIndexPage = 'meetings.EventIndexPage'
    meetings_MeetingPage = 'meetings.MeetingPage'
    blog_BlogIndexPage = 'blog.BlogIndexPage'
    blog_BlogPostPage = 'blog.BlogPostPage'
    blog_NewsIndexPage = 'blog.NewsIndexPage'
    blog_NewsPage = 'blog.NewsPage'
    minutes_CouncilPage = 'minutes.CouncilPage'
    minutes_MinutesPage = 'minutes.MinutesPage'


class PageFilterSchema(BaseModel):
    ancestor_of: Annotated[AncestorOf | None, Field(title='Ancestor Of')] = None
    child_of: Annotated[ChildOf | Literal['root'] | None, Field(title='Child Of')] = (
        None
    )
    descendant_of: Annotated[
        DescendantOf | Literal['root'] | None, Field(title='Descendant Of')
    ] = None
    locale: Annotated[Locale | None, Field(title='Locale')] = None
    site: Annotated[str | None, Field(title='Site')] = None
    translation_of: Annotated[
        TranslationOf | Literal['root'] | None, Field(title='Translation Of')
    ] = None
    type: Annotated[list[TypeEnum1] | None, Field(title='Type')] = []


class PageLinkData(BaseModel):
    """
    What :func:`page_link_data` returns.
    """

    id: Annotated[int, Field(title='Id')]
    title: Annotated[str, Field(title='Title')]
    type: Annotated[str, Field(title='Type')]
    url: Annotated[str | None, Field(title='Url')]


class Position(StrEnum):
    first_child = 'first-child'
    last_child = 'last-child'
    left = 'left'
    right = 'right'
    first_sibling = 'first-sibling'
    last_sibling = 'last-sibling'


class PageMoveSchema(BaseModel):
    destination_id: Annotated[int, Field(gt=0, title='Destination Id')]
    position: Annotated[Position | None, Field(title='Position')] = None


class PageRevertSchema(BaseModel):
    revision_id: Annotated[int, Field(gt=0, title='Revision Id')]


class PageUnpublishSchema(BaseModel):
    recursive: Annotated[bool | None, Field(title='Recursive')] = False


class PagedMeetingSummaryOut(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[MeetingSummaryOut], Field(title='Items')]


class ParticipantOut(BaseModel):
    """
    Someone who took part in an item: a chosen person, or a name typed in.
    """

    name: Annotated[str, Field(title='Name')]
    person_id: Annotated[
        int | None,
        Field(
            description="The person chosen from the register (a key of the answer's `people`), or null for a name typed in.",
            title='Person Id',
        ),
    ]
    role: Annotated[str, Field(title='Role')]


class Type18Enum(StrEnum):
    people_Person = 'people.Person'


class Type18(RootModel[Type18Enum | None]):
    root: Annotated[Type18Enum | None, Field(title='Type')] = None


class PersonCreateMetaSchema(BaseModel):
    type: Annotated[Type18 | None, Field(title='Type')]


class PersonCreateSchema(BaseModel):
    meta: PersonCreateMetaSchema | None = None


class Type19Enum(StrEnum):
    people_Person = 'people.Person'


class Type19(RootModel[Type19Enum | None]):
    root: Annotated[Type19Enum | None, Field(title='Type')] = None


class PersonPatchMetaSchema(BaseModel):
    type: Annotated[Type19 | None, Field(title='Type')]


class PersonPatchSchema(BaseModel):
    meta: PersonPatchMetaSchema | None = None


class PersonRoleData(BaseModel):
    """
    A further role of a person: a role or title at an organisation (its name, as the
    person's language writes it).
    """

    organisation: Annotated[str, Field(title='Organisation')]
    role: Annotated[str, Field(title='Role')]


class Affiliation(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="A party or group abbreviation shown in brackets after the name, for example 'S', 'V' or 'KrF'. Type it without brackets, and keep it out of the name.",
            max_length=20,
            title='Affiliation',
        ),
    ]


class Bio(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Two to four sentences in the third person.',
            max_length=1500,
            title='Short Biography',
        ),
    ]


class Bio1(RootModel[None]):
    root: Annotated[
        None,
        Field(
            description='Two to four sentences in the third person.',
            title='Short Biography',
        ),
    ]


class Email(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Only if the person wants it shown on the site. Leave empty otherwise.',
            max_length=254,
            title='Public E-Mail',
        ),
    ]


class Role1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="For example 'Head of Integration' or 'Mayor'.",
            max_length=200,
            title='Role Or Title',
        ),
    ]


class PreviewQuery(BaseModel):
    content_type: Annotated[str, Field(title='Content Type')]
    token: Annotated[str, Field(title='Token')]


class ProblemError(BaseModel):
    loc: Annotated[
        list[str | int] | None,
        Field(
            description='Where: `query`, `path`, `header` or `body`, then the name (and for a body, the path to the field).'
        ),
    ] = None
    msg: str
    type: Annotated[str | None, Field(description='A code for the kind of fault.')] = (
        None
    )


class QuoteData(BaseModel):
    name: Annotated[str, Field(title='Name')]
    organisation: Annotated[str, Field(title='Organisation')]
    role: Annotated[str, Field(title='Role')]
    text: Annotated[str, Field(title='Text')]


class RedirectInputSchema(BaseModel):
    is_permanent: Annotated[bool | None, Field(title='Is Permanent')] = True
    old_path: Annotated[str, Field(title='Old Path')]
    redirect_link: Annotated[str | None, Field(title='Redirect Link')] = ''
    redirect_page_id: Annotated[int | None, Field(title='Redirect Page Id')] = None
    redirect_page_route_path: Annotated[
        str | None, Field(title='Redirect Page Route Path')
    ] = ''
    site: Annotated[int | None, Field(title='Site')] = None


class RedirectSchema(BaseModel):
    automatically_created: Annotated[bool, Field(title='Automatically Created')]
    created_at: Annotated[AwareDatetime | None, Field(title='Created At')]
    id: Annotated[int, Field(title='Id')]
    is_permanent: Annotated[bool, Field(title='Is Permanent')]
    old_path: Annotated[str, Field(title='Old Path')]
    redirect_link: Annotated[str, Field(title='Redirect Link')]
    redirect_page_id: Annotated[int | None, Field(title='Redirect Page Id')]
    redirect_page_route_path: Annotated[str, Field(title='Redirect Page Route Path')]
    site_id: Annotated[int | None, Field(title='Site Id')]


class RelatedPostData(BaseModel):
    """
    A related post: its link, and its excerpt for a teaser.
    """

    excerpt: Annotated[str, Field(title='Excerpt')]
    id: Annotated[int, Field(title='Id')]
    title: Annotated[str, Field(title='Title')]
    type: Annotated[str, Field(title='Type')]
    url: Annotated[str | None, Field(title='Url')]


class RenditionData(BaseModel):
    height: Annotated[int, Field(title='Height')]
    url: Annotated[str, Field(title='Url')]
    width: Annotated[int, Field(title='Width')]


class UserId(RootModel[int]):
    root: Annotated[
        int, Field(ge=-9223372036854775807, le=9223372036854775807, title='User Id')
    ]


class RevisionFilterSchema(BaseModel):
    approved_go_live_at_from: Annotated[
        AwareDatetime | None, Field(title='Approved Go Live At From')
    ] = None
    approved_go_live_at_to: Annotated[
        AwareDatetime | None, Field(title='Approved Go Live At To')
    ] = None
    created_at_from: Annotated[AwareDatetime | None, Field(title='Created At From')] = (
        None
    )
    created_at_to: Annotated[AwareDatetime | None, Field(title='Created At To')] = None
    object_str: Annotated[str | None, Field(title='Object Str')] = None
    user_id: Annotated[UserId | str | None, Field(title='User Id')] = None


class Action24(StrEnum):
    unwrapped = 'unwrapped'
    removed = 'removed'


class Reason(StrEnum):
    feature_disabled = 'feature_disabled'
    unknown_linktype = 'unknown_linktype'
    unknown_embedtype = 'unknown_embedtype'
    missing_attribute = 'missing_attribute'


class RichTextRemoval(BaseModel):
    """
    One out-of-features / unresolvable construct stripped from rich text input.

    ``detail`` is a short snippet of the affected source markup. It is raw
    input content: API clients must treat it as untrusted.
    """

    action: Annotated[Action24, Field(title='Action')]
    attribute: Annotated[str | None, Field(title='Attribute')] = None
    detail: Annotated[str | None, Field(title='Detail')] = None
    reason: Annotated[Reason, Field(title='Reason')]
    tag: Annotated[str, Field(title='Tag')]


class SchemaDetailResponse(BaseModel):
    create: Annotated[dict[str, Any] | None, Field(title='Create')] = None
    patch: Annotated[dict[str, Any] | None, Field(title='Patch')] = None
    read: Annotated[dict[str, Any] | None, Field(title='Read')] = None


class SearchOperator(StrEnum):
    and_ = 'and'
    or_ = 'or'


class SearchSchema(BaseModel):
    """
    Full-text search a queryset, generic across content types.
    """

    search: Annotated[str | None, Field(title='Search')] = None
    search_operator: Annotated[
        SearchOperator | None, Field(title='Search Operator')
    ] = None


class SimpleBasePageMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    type: Annotated[str | None, Field(title='Type')] = None
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class SimpleBasePageSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    meta: SimpleBasePageMetaSchema
    title: Annotated[str, Field(title='Title')]


class SiteInputSchema(BaseModel):
    hostname: Annotated[str, Field(title='Hostname')]
    is_default_site: Annotated[bool | None, Field(title='Is Default Site')] = False
    port: Annotated[int | None, Field(title='Port')] = 80
    root_page_id: Annotated[int, Field(title='Root Page Id')]
    site_name: Annotated[str | None, Field(title='Site Name')] = ''


class SiteSchema(BaseModel):
    hostname: Annotated[str, Field(title='Hostname')]
    id: Annotated[int, Field(title='Id')]
    is_default_site: Annotated[bool, Field(title='Is Default Site')]
    port: Annotated[int, Field(title='Port')]
    root_page_id: Annotated[int, Field(title='Root Page Id')]
    site_name: Annotated[str, Field(title='Site Name')]


class SnippetCopyForTranslationSchema(BaseModel):
    locale: Annotated[str, Field(title='Locale')]


class SnippetRevertSchema(BaseModel):
    revision_id: Annotated[int, Field(gt=0, title='Revision Id')]


class SpeakerData(BaseModel):
    """
    A speaker as the editor gave it for this occasion: typed in whole, or a person from
    the register (`person_id`) with what was typed to override theirs, if anything. The
    person is once in the answer's `people`, not again in every session.
    """

    affiliation: Annotated[
        str | None,
        Field(
            description='A party or group abbreviation shown in brackets after the name ("S", "KrF"), as typed, or empty. With a `person_id` and no name typed, empty means the person\'s `affiliation`; with a typed name, empty means none.',
            title='Affiliation',
        ),
    ] = ''
    name: Annotated[
        str,
        Field(
            description="The name typed for this occasion, or empty. With a `person_id`, empty means the person's `name` (in `people`); a typed name replaces it.",
            title='Name',
        ),
    ]
    organisation: Annotated[
        str,
        Field(
            description="The organisation typed for this occasion, or empty. With a `person_id`, empty means the name of the person's organisation (`organisations[person.organisation_id]`).",
            title='Organisation',
        ),
    ]
    person_id: Annotated[
        int | None,
        Field(
            description="The person chosen from the register (a key of the answer's `people`), or null for a speaker typed in.",
            title='Person Id',
        ),
    ]
    role: Annotated[
        str,
        Field(
            description="The role typed for this occasion, or empty. With a `person_id`, empty means the person's `role`.",
            title='Role',
        ),
    ]


class SpeakerSchema(BaseModel):
    affiliation: Annotated[
        str,
        Field(
            description='A party or group abbreviation shown in brackets after the name ("S", "KrF"), as typed, or empty. With a `person_id` and no name typed, empty means the person\'s `affiliation`; with a typed name, empty means none.',
            title='Affiliation',
        ),
    ]
    name: Annotated[
        str,
        Field(
            description="The name typed for this occasion, or empty. With a `person_id`, empty means the person's `name` (in `people`); a typed name replaces it.",
            title='Name',
        ),
    ]
    organisation: Annotated[
        str,
        Field(
            description="The organisation typed for this occasion, or empty. With a `person_id`, empty means the name of the person's organisation (`organisations[person.organisation_id]`).",
            title='Organisation',
        ),
    ]
    person_id: Annotated[
        int | None,
        Field(
            description="The person chosen from the register (a key of the answer's `people`), or null for a speaker typed in.",
            title='Person Id',
        ),
    ]
    role: Annotated[
        str,
        Field(
            description="The role typed for this occasion, or empty. With a `person_id`, empty means the person's `role`.",
            title='Role',
        ),
    ]


class SyncRequestSchema(BaseModel):
    publish: Annotated[bool | None, Field(title='Publish')] = True


class SyncTombstone(BaseModel):
    """
    A page to drop: unpublished, deleted, moved away or no longer visible to the
    caller.
    """

    id: Annotated[int, Field(title='Id')]
    kind: Annotated[Literal['tombstone'], Field(title='Kind')]
    locale: Annotated[str, Field(title='Locale')]


class TingstedDocumentCreateSchema(BaseModel):
    collection_id: Annotated[int | None, Field(title='Collection')] = None
    title: Annotated[str, Field(max_length=255, title='Title')]


class Title12(RootModel[str]):
    root: Annotated[str, Field(max_length=255, title='Title')]


class TingstedDocumentPatchSchema(BaseModel):
    collection_id: Annotated[int | None, Field(title='Collection')] = None
    title: Annotated[Title12 | None, Field(title='Title')] = None


class Caption(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='Shown under the image wherever it is used, unless a block overrides it.',
            max_length=300,
            title='Caption',
        ),
    ]


class Credit(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="Photographer or source, for example 'Photo: Ane Berg' or 'Illustration: NTF'.",
            max_length=200,
            title='Credit',
        ),
    ]


class Description(RootModel[str]):
    root: Annotated[str, Field(max_length=255, title='Description')] = ''


class Language(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='The language the alt text, caption and credit are written in. On pages in other languages they are marked as such, so screen readers pronounce them right.',
            max_length=16,
            title='Language Of The Texts',
        ),
    ]


class TingstedImageCreateSchema(BaseModel):
    caption: Annotated[
        Caption | None,
        Field(
            description='Shown under the image wherever it is used, unless a block overrides it.',
            title='Caption',
        ),
    ] = None
    collection_id: Annotated[int | None, Field(title='Collection')] = None
    credit: Annotated[
        Credit | None,
        Field(
            description="Photographer or source, for example 'Photo: Ane Berg' or 'Illustration: NTF'.",
            title='Credit',
        ),
    ] = None
    description: Annotated[
        Description | None, Field(title='Description', validate_default=True)
    ] = ''
    focal_point_height: Annotated[int | None, Field(title='Focal Point Height')] = None
    focal_point_width: Annotated[int | None, Field(title='Focal Point Width')] = None
    focal_point_x: Annotated[int | None, Field(title='Focal Point X')] = None
    focal_point_y: Annotated[int | None, Field(title='Focal Point Y')] = None
    is_decorative: Annotated[
        bool | None,
        Field(
            description='Tick only if the image adds nothing a screen-reader user would miss (for example a background pattern). Decorative images get no alt text.',
            title='Decorative',
        ),
    ] = False
    language: Annotated[
        Language | None,
        Field(
            description='The language the alt text, caption and credit are written in. On pages in other languages they are marked as such, so screen readers pronounce them right.',
            title='Language Of The Texts',
        ),
    ] = None
    title: Annotated[str, Field(max_length=255, title='Title')]


class TingstedImagePatchSchema(BaseModel):
    caption: Annotated[
        Caption | None,
        Field(
            description='Shown under the image wherever it is used, unless a block overrides it.',
            title='Caption',
        ),
    ] = None
    collection_id: Annotated[int | None, Field(title='Collection')] = None
    credit: Annotated[
        Credit | None,
        Field(
            description="Photographer or source, for example 'Photo: Ane Berg' or 'Illustration: NTF'.",
            title='Credit',
        ),
    ] = None
    description: Annotated[
        Description | None, Field(title='Description', validate_default=True)
    ] = ''
    focal_point_height: Annotated[int | None, Field(title='Focal Point Height')] = None
    focal_point_width: Annotated[int | None, Field(title='Focal Point Width')] = None
    focal_point_x: Annotated[int | None, Field(title='Focal Point X')] = None
    focal_point_y: Annotated[int | None, Field(title='Focal Point Y')] = None
    is_decorative: Annotated[
        bool | None,
        Field(
            description='Tick only if the image adds nothing a screen-reader user would miss (for example a background pattern). Decorative images get no alt text.',
            title='Decorative',
        ),
    ] = False
    language: Annotated[
        Language | None,
        Field(
            description='The language the alt text, caption and credit are written in. On pages in other languages they are marked as such, so screen readers pronounce them right.',
            title='Language Of The Texts',
        ),
    ] = None
    title: Annotated[Title12 | None, Field(title='Title')] = None


class TranslationData(BaseModel):
    """
    One other language version of a page.
    """

    id: Annotated[int, Field(title='Id')]
    locale: Annotated[str, Field(title='Locale')]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str | None, Field(title='Url')]


class TranslationFilterSchema(BaseModel):
    locale: Annotated[Locale | None, Field(title='Locale')] = None
    translation_of: Annotated[str | None, Field(title='Translation Of')] = None


class TranslationStatusSchema(BaseModel):
    in_review: Annotated[bool, Field(title='In Review')]
    last_synced_at: Annotated[AwareDatetime | None, Field(title='Last Synced At')]
    locale: Annotated[str, Field(title='Locale')]
    page_id: Annotated[int | None, Field(title='Page Id')]
    percent: Annotated[int | None, Field(title='Percent')]
    state: Annotated[str, Field(title='State')]


class Locale2(StrEnum):
    """
    Language code; defaults to the site's own.
    """

    da = 'da'
    en = 'en'
    nb = 'nb'
    sv = 'sv'


class Network(RootModel[int]):
    root: Annotated[
        int,
        Field(
            description='Only the meetings of this network page (its id); it must be a published network of the site.',
            ge=-9223372036854775807,
            le=9223372036854775807,
            title='Network',
        ),
    ]


class UpcomingParams(BaseModel):
    from_: Annotated[
        date_aliased | None,
        Field(alias='from', description='First local day.', title='From'),
    ] = None
    limit: Annotated[
        int | None,
        Field(
            description='At most WAGTAILAPI_LIMIT_MAX (100 by default).',
            ge=1,
            le=100,
            title='Limit',
        ),
    ] = 20
    locale: Annotated[
        Locale2 | None,
        Field(description="Language code; defaults to the site's own.", title='Locale'),
    ] = None
    network: Annotated[
        Network | None,
        Field(
            description='Only the meetings of this network page (its id); it must be a published network of the site.',
            title='Network',
        ),
    ] = None
    offset: Annotated[
        int | None, Field(ge=0, le=9223372036854775807, title='Offset')
    ] = 0
    site: Annotated[
        str | None,
        Field(
            description='Hostname of the site (add :port when two sites share one); defaults to the site the request is addressed to.',
            title='Site',
        ),
    ] = None
    to: Annotated[
        date_aliased | None, Field(description='Last local day.', title='To')
    ] = None


class Type20Enum(StrEnum):
    people_Venue = 'people.Venue'


class Type20(RootModel[Type20Enum | None]):
    root: Annotated[Type20Enum | None, Field(title='Type')] = None


class VenueCreateMetaSchema(BaseModel):
    type: Annotated[Type20 | None, Field(title='Type')]


class VenueCreateSchema(BaseModel):
    meta: VenueCreateMetaSchema | None = None


class Country(StrEnum):
    """
    ISO 3166-1 alpha-2 code.
    """

    DK = 'DK'
    SE = 'SE'
    NO = 'NO'
    FI = 'FI'
    IS = 'IS'
    FO = 'FO'
    GL = 'GL'
    AX = 'AX'
    DE = 'DE'
    GB = 'GB'
    BE = 'BE'


class VenueMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    type: Annotated[Literal['people.Venue'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class Type21Enum(StrEnum):
    people_Venue = 'people.Venue'


class Type21(RootModel[Type21Enum | None]):
    root: Annotated[Type21Enum | None, Field(title='Type')] = None


class VenuePatchMetaSchema(BaseModel):
    type: Annotated[Type21 | None, Field(title='Type')]


class VenuePatchSchema(BaseModel):
    meta: VenuePatchMetaSchema | None = None


class VenueRoomData(BaseModel):
    capacity: Annotated[int | None, Field(title='Capacity')]
    floor: Annotated[str, Field(title='Floor')]
    name: Annotated[str, Field(title='Name')]


class Country1(StrEnum):
    """
    The country the venue is in. Used in the address and for maps.
    """

    DK = 'DK'
    SE = 'SE'
    NO = 'NO'
    FI = 'FI'
    IS = 'IS'
    FO = 'FO'
    GL = 'GL'
    AX = 'AX'
    DE = 'DE'
    GB = 'GB'
    BE = 'BE'


class VenueSchema(BaseModel):
    access_notes: Annotated[
        str | None,
        Field(
            description='Step-free access, public transport, parking, where to find the entrance.',
            title='Access Notes',
        ),
    ] = None
    city: Annotated[
        str,
        Field(
            description="The town or city as it is written in this language, for example 'Aarhus'.",
            max_length=100,
            title='City',
        ),
    ]
    country: Annotated[
        Country1 | None,
        Field(
            description='The country the venue is in. Used in the address and for maps.',
            title='Country',
        ),
    ] = 'DK'
    id: Annotated[int | None, Field(title='ID')] = None
    latitude: Annotated[
        str | None,
        Field(
            description='Optional, for maps: for example 55.676098.', title='Latitude'
        ),
    ] = None
    longitude: Annotated[
        str | None,
        Field(
            description='Optional, for maps: for example 12.568337.', title='Longitude'
        ),
    ] = None
    map_url: Annotated[
        str | None,
        Field(
            description='A link to the venue on a map service. Optional.',
            title='Map Link',
        ),
    ] = None
    meta: VenueMetaSchema
    name: Annotated[
        str,
        Field(
            description="The venue's name, for example 'Harbour House'.",
            max_length=200,
            title='Name',
        ),
    ]
    postal_code: Annotated[
        str,
        Field(
            description="For example '8000' or '111 52'.",
            max_length=20,
            title='Postal Code',
        ),
    ]
    street_address: Annotated[
        str,
        Field(description='Street and number.', max_length=200, title='Street Address'),
    ]


class WhoAmIProfileSchema(BaseModel):
    avatar_url: Annotated[str | None, Field(title='Avatar Url')]


class WhoAmIUserSchema(BaseModel):
    email: Annotated[str, Field(title='Email')]
    first_name: Annotated[str, Field(title='First Name')]
    id: Annotated[str, Field(title='Id')]
    is_superuser: Annotated[bool, Field(title='Is Superuser')]
    last_name: Annotated[str, Field(title='Last Name')]
    username: Annotated[str, Field(title='Username')]


class AgendaItemOut(BaseModel):
    """
    An agenda item in the API. Closed items the caller may not see carry number, title
    and ``closed`` only; every other field is then absent (or null in generic schemas).
    """

    attachments: Annotated[list[AttachmentOut] | None, Field(title='Attachments')] = (
        None
    )
    case_number: Annotated[str | None, Field(title='Case Number')] = None
    closed: Annotated[bool, Field(title='Closed')]
    decision: DecisionOut | None = None
    number: Annotated[str, Field(title='Number')]
    participants: Annotated[
        list[ParticipantOut] | None, Field(title='Participants')
    ] = None
    participants_note: Annotated[str | None, Field(title='Participants Note')] = None
    recommendation: Annotated[str | None, Field(title='Recommendation')] = None
    summary: Annotated[str | None, Field(title='Summary')] = None
    title: Annotated[str, Field(title='Title')]


class AttachmentListData(BaseModel):
    documents: Annotated[list[DocumentData], Field(title='Documents')]
    title: Annotated[str, Field(title='Title')]


class BaseMetaSchema(BaseModel):
    type: Annotated[str, Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class BlogCategoryMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    type: Annotated[Literal['blog.BlogCategory'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class BlogCategorySchema(BaseModel):
    description: Annotated[
        str | None,
        Field(
            description='Optional sentence shown when a visitor filters by this category.',
            title='Description',
        ),
    ] = None
    id: Annotated[int | None, Field(title='ID')] = None
    meta: BlogCategoryMetaSchema
    name: Annotated[
        str,
        Field(
            description='Shown on posts and in the category filter.',
            max_length=80,
            title='Name',
        ),
    ]
    slug: Annotated[
        Slug | None,
        Field(
            description="The category's part of filter addresses (?category=…). Filled in from the name if left empty.",
            title='Slug',
        ),
    ] = None


class BlogIndexPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.BlogIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class BlogIndexPageListItemSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='A few sentences above the list of posts: what the blog is about.',
            title='Introduction',
        ),
    ] = None
    meta: BlogIndexPageListItemMetaSchema
    per_page: Annotated[
        int | None,
        Field(
            description='How many items each page of the list shows (1–50).',
            title='Items Per Page',
        ),
    ] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class BlogIndexPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.BlogIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class BlogIndexPageSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='A few sentences above the list of posts: what the blog is about.',
            title='Introduction',
        ),
    ] = None
    meta: BlogIndexPageMetaSchema
    per_page: Annotated[
        int | None,
        Field(
            description='How many items each page of the list shows (1–50).',
            title='Items Per Page',
        ),
    ] = 10
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class BlogPostPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.BlogPostPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class BlogPostPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.BlogPostPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class BodyStreamBlockAttachments(BaseModel):
    """
    Attachments
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['attachments'], Field(title='Type')]
    value: AttachmentListData


class BodyStreamBlockEmbed(BaseModel):
    """
    Embed
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['embed'], Field(title='Type')]
    value: EmbedData


class BodyStreamBlockFactBox(BaseModel):
    """
    Fact box
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['fact_box'], Field(title='Type')]
    value: FactBoxData


class BodyStreamBlockHeading(BaseModel):
    """
    Heading
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['heading'], Field(title='Type')]
    value: HeadingBlock


class BodyStreamBlockQuote(BaseModel):
    """
    Quote
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['quote'], Field(title='Type')]
    value: QuoteData


class CallToActionData(BaseModel):
    label: Annotated[str, Field(title='Label')]
    page: PageLinkData | None
    text: Annotated[str, Field(title='Text')]
    url: Annotated[str | None, Field(title='Url')]


class CollectionForeignKeyMetaSchema(BaseModel):
    type: Annotated[Literal['wagtailcore.Collection'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class CollectionForeignKeySchema(BaseModel):
    id: Annotated[int | None, Field(title='ID')] = None
    meta: CollectionForeignKeyMetaSchema


class ContactData(BaseModel):
    address_lines: Annotated[list[str], Field(title='Address Lines')]
    department: Annotated[str, Field(title='Department')]
    email: Annotated[str, Field(title='Email')]
    opening_hours: Annotated[list[OpeningHoursData], Field(title='Opening Hours')]
    phone: Annotated[str, Field(title='Phone')]


class ContentPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['cms.ContentPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class ContentPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['cms.ContentPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class ContentTypeListSchema(BaseModel):
    types: Annotated[list[ContentTypeSummarySchema], Field(title='Types')]


class ContentTypeSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    label: Annotated[str, Field(title='Label')]
    meta: BaseMetaSchema
    name: Annotated[str, Field(title='Name')]


class CouncilPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['minutes.CouncilPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class CouncilPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['minutes.CouncilPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class CouncilpageSecretariatBlockContact(BaseModel):
    """
    Contact
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['contact'], Field(title='Type')]
    value: ContactData


class DocumentDetailMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    download_url: Annotated[str | None, Field(title='Download Url')] = None
    tags: Annotated[list[str] | None, Field(title='Tags')] = []
    type: Annotated[Literal['cms.TingstedDocument'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class DocumentSchema(BaseModel):
    collection: CollectionForeignKeySchema
    id: Annotated[int | None, Field(title='ID')] = None
    meta: DocumentDetailMetaSchema
    title: Annotated[str, Field(title='Title')]


class EventIndexPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['meetings.EventIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class EventIndexPageListItemSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences about the events listed here.',
            title='Introduction',
        ),
    ] = None
    meta: EventIndexPageListItemMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class EventIndexPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['meetings.EventIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class EventIndexPageSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences about the events listed here.',
            title='Introduction',
        ),
    ] = None
    meta: EventIndexPageMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class HomePageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['cms.HomePage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class HomePageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['cms.HomePage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class ImageData(BaseModel):
    """
    What :func:`image_data` returns; the typed API schema of every image reference.
    """

    alt: Annotated[str, Field(title='Alt')]
    caption: Annotated[str, Field(title='Caption')]
    credit: Annotated[str, Field(title='Credit')]
    decorative: Annotated[bool, Field(title='Decorative')]
    height: Annotated[int, Field(title='Height')]
    id: Annotated[int, Field(title='Id')]
    renditions: Annotated[list[RenditionData], Field(title='Renditions')]
    title: Annotated[str, Field(title='Title')]
    width: Annotated[int, Field(title='Width')]


class ImageDetailMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    download_url: Annotated[str | None, Field(title='Download Url')] = None
    tags: Annotated[list[str] | None, Field(title='Tags')] = []
    type: Annotated[Literal['cms.TingstedImage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class ImageSchema(BaseModel):
    collection: CollectionForeignKeySchema
    description: Annotated[str | None, Field(title='Description')] = None
    focal_point_height: Annotated[int | None, Field(title='Focal Point Height')] = None
    focal_point_width: Annotated[int | None, Field(title='Focal Point Width')] = None
    focal_point_x: Annotated[int | None, Field(title='Focal Point X')] = None
    focal_point_y: Annotated[int | None, Field(title='Focal Point Y')] = None
    height: Annotated[int, Field(title='Height')]
    id: Annotated[int | None, Field(title='ID')] = None
    meta: ImageDetailMetaSchema
    title: Annotated[str, Field(title='Title')]
    width: Annotated[int, Field(title='Width')]


class MeetingPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['meetings.MeetingPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class MeetingPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['meetings.MeetingPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class MeetingpageAttachmentsBlockAttachments(BaseModel):
    """
    Attachments
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['attachments'], Field(title='Type')]
    value: AttachmentListData


class MeetingpageSpeakersBlockSpeaker(BaseModel):
    """
    Speaker
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['speaker'], Field(title='Type')]
    value: SpeakerData


class MembershipData(BaseModel):
    """
    The terms of a season's membership of the network.
    """

    fee: MembershipFeeData
    fee_includes: Annotated[str, Field(title='Fee Includes')]
    includes_overnight_meeting: Annotated[
        bool, Field(title='Includes Overnight Meeting')
    ]
    meetings_per_season: Annotated[int | None, Field(title='Meetings Per Season')]
    season_label: Annotated[str, Field(title='Season Label')]
    text: Annotated[str, Field(title='Text')]


class MinutesPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['minutes.MinutesPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class MinutesPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['minutes.MinutesPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NetworkIndexPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['networks.NetworkIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NetworkIndexPageListItemSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences about the networks and who they are for.',
            title='Introduction',
        ),
    ] = None
    meta: NetworkIndexPageListItemMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class NetworkIndexPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['networks.NetworkIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NetworkIndexPageSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences about the networks and who they are for.',
            title='Introduction',
        ),
    ] = None
    meta: NetworkIndexPageMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class NetworkPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['networks.NetworkPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NetworkPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['networks.NetworkPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NewsIndexPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.NewsIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NewsIndexPageListItemSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='A sentence or two above the list of news articles.',
            title='Introduction',
        ),
    ] = None
    meta: NewsIndexPageListItemMetaSchema
    per_page: Annotated[
        int | None,
        Field(
            description='How many items each page of the list shows (1–50).',
            title='Items Per Page',
        ),
    ] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class NewsIndexPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.NewsIndexPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NewsIndexPageSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='A sentence or two above the list of news articles.',
            title='Introduction',
        ),
    ] = None
    meta: NewsIndexPageMetaSchema
    per_page: Annotated[
        int | None,
        Field(
            description='How many items each page of the list shows (1–50).',
            title='Items Per Page',
        ),
    ] = 10
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class NewsPageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.NewsPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NewsPageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['blog.NewsPage'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NewsTypeMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    type: Annotated[Literal['blog.NewsType'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class NewsTypeSchema(BaseModel):
    id: Annotated[int | None, Field(title='ID')] = None
    meta: NewsTypeMetaSchema
    name: Annotated[
        str,
        Field(
            description="For example 'News', 'Press release', 'Statement'.",
            max_length=60,
            title='Name',
        ),
    ]
    slug: Annotated[
        Slug25 | None,
        Field(
            description='Used in filter addresses (?type=…). Filled in from the name if left empty.',
            title='Slug',
        ),
    ] = None


class NewspageCallToActionBlockCallToAction(BaseModel):
    """
    Call to action
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['call_to_action'], Field(title='Type')]
    value: CallToActionData


class OrganisationData(BaseModel):
    """
    What :func:`organisation_data` returns: the typed API schema of an organisation.
    """

    description: Annotated[str, Field(title='Description')]
    id: Annotated[int, Field(title='Id')]
    logo: ImageData | None
    name: Annotated[str, Field(title='Name')]
    short_name: Annotated[str, Field(title='Short Name')]
    website: Annotated[str, Field(title='Website')]


class OrganisationMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    type: Annotated[Literal['people.Organisation'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class OrganisationSchema(BaseModel):
    id: Annotated[int | None, Field(title='ID')] = None
    meta: OrganisationMetaSchema
    name: Annotated[
        str,
        Field(
            description="The organisation's full name as it presents itself.",
            max_length=200,
            title='Name',
        ),
    ]
    short_name: Annotated[
        ShortName | None,
        Field(
            description="An abbreviation used in lists, for example 'NTF'. Optional.",
            title='Short Name',
        ),
    ] = None
    website: Annotated[
        str | None,
        Field(
            description="The organisation's own website, starting https://.",
            title='Website',
        ),
    ] = None


class PageListItemMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['wagtailcore.Page'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class PageListItemSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    meta: PageListItemMetaSchema
    title: Annotated[str, Field(title='Title')]


class PageMetaSchema(BaseModel):
    alias_of: SimpleBasePageSchema | None = None
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    first_published_at: Annotated[
        AwareDatetime | None, Field(title='First Published At')
    ] = None
    html_url: Annotated[str | None, Field(title='Html Url')] = None
    locale: Annotated[str | None, Field(title='Locale')] = None
    parent: SimpleBasePageSchema | None = None
    search_description: Annotated[str | None, Field(title='Search Description')] = None
    seo_title: Annotated[str | None, Field(title='Seo Title')] = None
    show_in_menus: Annotated[bool | None, Field(title='Show In Menus')] = None
    slug: Annotated[str, Field(title='Slug')]
    type: Annotated[Literal['wagtailcore.Page'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class PageSchema(BaseModel):
    id: Annotated[int | None, Field(title='ID')] = None
    meta: PageMetaSchema
    title: Annotated[str, Field(title='Title')]


class PageTranslationsSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    locale: Annotated[str, Field(title='Locale')]
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[list[TranslationStatusSchema], Field(title='Translations')]


class PagedDocumentSchema(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[DocumentSchema], Field(title='Items')]


class PagedImageSchema(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[ImageSchema], Field(title='Items')]


class PagedRedirectSchema(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[RedirectSchema], Field(title='Items')]


class PagedSiteSchema(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[SiteSchema], Field(title='Items')]


class PersonData(BaseModel):
    """
    What :func:`person_data` returns: a person on their own (a post's author, a
    network's contact), their organisation in full.
    """

    affiliation: Annotated[
        str | None,
        Field(
            description='A party or group abbreviation shown in brackets after the name ("S", "KrF"); empty when none.',
            title='Affiliation',
        ),
    ] = ''
    bio: Annotated[str, Field(title='Bio')]
    email: Annotated[str, Field(title='Email')]
    further_roles: Annotated[
        list[PersonRoleData] | None,
        Field(
            description='Roles the person holds besides `role` (at `organisation`), in order.',
            title='Further Roles',
        ),
    ] = None
    id: Annotated[int, Field(title='Id')]
    is_external: Annotated[bool, Field(title='Is External')]
    name: Annotated[str, Field(title='Name')]
    organisation: OrganisationData | None
    photo: ImageData | None
    role: Annotated[str, Field(title='Role')]


class PersonEntryData(BaseModel):
    """
    A person in an answer's ``people`` map (:func:`referenced_people`): their
    organisation by ``organisation_id``, a key of the same answer's ``organisations`` map
    (twenty people of one organisation name it once, not twenty times).
    """

    affiliation: Annotated[
        str | None,
        Field(
            description='A party or group abbreviation shown in brackets after the name ("S", "KrF"); empty when none.',
            title='Affiliation',
        ),
    ] = ''
    bio: Annotated[str, Field(title='Bio')]
    email: Annotated[str, Field(title='Email')]
    further_roles: Annotated[
        list[PersonRoleData] | None,
        Field(
            description='Roles the person holds besides `role` (at `organisation`), in order.',
            title='Further Roles',
        ),
    ] = None
    id: Annotated[int, Field(title='Id')]
    is_external: Annotated[bool, Field(title='Is External')]
    name: Annotated[str, Field(title='Name')]
    organisation_id: Annotated[
        int | None,
        Field(
            description="The person's organisation, a key of the answer's `organisations` (null when none).",
            title='Organisation Id',
        ),
    ]
    photo: ImageData | None
    role: Annotated[str, Field(title='Role')]


class PersonMetaSchema(BaseModel):
    detail_url: Annotated[str | None, Field(title='Detail Url')] = None
    type: Annotated[Literal['people.Person'], Field(title='Type')]
    warnings: Annotated[list[RichTextRemoval | str] | None, Field(title='Warnings')] = (
        None
    )


class PersonSchema(BaseModel):
    affiliation: Annotated[
        Affiliation | None,
        Field(
            description="A party or group abbreviation shown in brackets after the name, for example 'S', 'V' or 'KrF'. Type it without brackets, and keep it out of the name.",
            title='Affiliation',
        ),
    ] = None
    bio: Annotated[
        Bio | Bio1 | None,
        Field(
            description='Two to four sentences in the third person.',
            title='Short Biography',
        ),
    ] = None
    email: Annotated[
        Email | None,
        Field(
            description='Only if the person wants it shown on the site. Leave empty otherwise.',
            title='Public E-Mail',
        ),
    ] = None
    id: Annotated[int | None, Field(title='ID')] = None
    is_external: Annotated[
        bool | None,
        Field(
            description='Tick for guest authors and speakers who do not belong to your organisation.',
            title='External Contributor',
        ),
    ] = False
    meta: PersonMetaSchema
    name: Annotated[
        str, Field(description='First name and surname.', max_length=200, title='Name')
    ]
    role: Annotated[
        Role1 | None,
        Field(
            description="For example 'Head of Integration' or 'Mayor'.",
            title='Role Or Title',
        ),
    ] = None


class Problem(BaseModel):
    """
    An error (RFC 9457 problem details), the same in API v2 and v3. `parameter` names the query parameter, header or field at fault when there is one; `errors` lists each fault with where it is (`loc`, e.g. `["query", "limit"]`).
    """

    detail: Annotated[str, Field(description='What went wrong, for people.')]
    errors: list[ProblemError] | None = None
    parameter: Annotated[
        str | None, Field(description='The query parameter, header or field at fault.')
    ] = None
    status: Annotated[int, Field(ge=400, le=599)]
    title: Annotated[str, Field(description="The status's reason phrase.")]
    type: Annotated[
        str,
        Field(
            description='A URI naming the kind of problem; `about:blank` when the status says it all.'
        ),
    ]


class RevisionSchema(BaseModel):
    approved_go_live_at: Annotated[
        AwareDatetime | None, Field(title='Approved Go Live At')
    ] = None
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    id: Annotated[int, Field(gt=0, title='Id')]
    meta: BaseMetaSchema
    object_id: Annotated[str, Field(title='Object Id')]
    object_str: Annotated[str, Field(title='Object Str')]
    user_id: Annotated[int | str | UUID | None, Field(title='User Id')] = None


class SessionData(BaseModel):
    """
    What :meth:`SessionBlock.get_api_representation` returns.
    """

    day: Annotated[date_aliased | None, Field(title='Day')]
    description: Annotated[
        str, Field(description='HTML with absolute links.', title='Description')
    ]
    end_time: Annotated[
        str,
        Field(
            description="Local time of day (HH:MM:SS) in the site's time zone, without an offset.",
            examples=['09:30:00'],
            pattern='^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$',
            title='End Time',
        ),
    ]
    headline: Annotated[str, Field(title='Headline')]
    room: Annotated[str, Field(title='Room')]
    speakers: Annotated[list[SpeakerData], Field(title='Speakers')]
    start_time: Annotated[
        str,
        Field(
            description="Local time of day (HH:MM:SS) in the site's time zone, without an offset.",
            examples=['09:30:00'],
            pattern='^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$',
            title='Start Time',
        ),
    ]
    venue_id: Annotated[
        int | None,
        Field(
            description="Where the session takes place, a key of the answer's `venues`; null when at the meeting's own venue.",
            title='Venue Id',
        ),
    ]


class SnippetRevisionDetailSchema(BaseModel):
    approved_go_live_at: Annotated[
        AwareDatetime | None, Field(title='Approved Go Live At')
    ] = None
    base_content_type: ContentTypeSchema
    content_object: Annotated[
        BlogCategorySchema | NewsTypeSchema | OrganisationSchema | PersonSchema | VenueSchema,
        Field(
            description='A union of models, discriminated by the content type in `meta.type`.',
            title='Content Object',
        ),
    ]
    content_type: ContentTypeSchema
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    id: Annotated[int, Field(gt=0, title='Id')]
    meta: BaseMetaSchema
    object_id: Annotated[str, Field(title='Object Id')]
    object_str: Annotated[str, Field(title='Object Str')]
    user_id: Annotated[int | str | UUID | None, Field(title='User Id')] = None


class SyncResponseSchema(BaseModel):
    locales: Annotated[list[LocaleSyncSchema], Field(title='Locales')]
    source_changed: Annotated[bool, Field(title='Source Changed')]
    status: PageTranslationsSchema


class VenueData(BaseModel):
    """
    What :func:`venue_data` returns.
    """

    access_notes: Annotated[str, Field(title='Access Notes')]
    city: Annotated[str, Field(title='City')]
    country: Annotated[
        Country, Field(description='ISO 3166-1 alpha-2 code.', title='Country')
    ]
    id: Annotated[int, Field(title='Id')]
    latitude: Annotated[float | None, Field(title='Latitude')]
    longitude: Annotated[float | None, Field(title='Longitude')]
    map_url: Annotated[str, Field(title='Map Url')]
    name: Annotated[str, Field(title='Name')]
    postal_code: Annotated[str, Field(title='Postal Code')]
    rooms: Annotated[list[VenueRoomData], Field(title='Rooms')]
    street_address: Annotated[str, Field(title='Street Address')]


class WhoAmISchema(BaseModel):
    groups: Annotated[list[str], Field(title='Groups')]
    profile: WhoAmIProfileSchema
    user: WhoAmIUserSchema


class BodyStreamBlockCallToAction(BaseModel):
    """
    Call to action
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['call_to_action'], Field(title='Type')]
    value: CallToActionData


class BodyStreamBlockContact(BaseModel):
    """
    Contact
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['contact'], Field(title='Type')]
    value: ContactData


class BodyStreamBlockImage(BaseModel):
    """
    Image
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['image'], Field(title='Type')]
    value: ImageData | None


class Body(
    RootModel[
        BodyStreamBlockHeading
        | BodyStreamBlockText
        | BodyStreamBlockQuote
        | BodyStreamBlockImage
        | BodyStreamBlockCallToAction
        | BodyStreamBlockEmbed
        | BodyStreamBlockFactBox
        | BodyStreamBlockContact
        | BodyStreamBlockAttachments
    ]
):
    root: Annotated[
        BodyStreamBlockHeading | BodyStreamBlockText | BodyStreamBlockQuote | BodyStreamBlockImage | BodyStreamBlockCallToAction | BodyStreamBlockEmbed | BodyStreamBlockFactBox | BodyStreamBlockContact | BodyStreamBlockAttachments,
        Field(discriminator='type'),
    ]


class ContentPageListItemSchema(BaseModel):
    body: Annotated[list[Body] | None, Field(title='Body')] = None
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences that say what the page is about. Optional.',
            title='Introduction',
        ),
    ] = None
    meta: ContentPageListItemMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class ContentPageSchema(BaseModel):
    body: Annotated[list[Body] | None, Field(title='Body', validate_default=True)] = []
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences that say what the page is about. Optional.',
            title='Introduction',
        ),
    ] = None
    meta: ContentPageMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class CouncilOut(BaseModel):
    calendar_url: Annotated[str, Field(title='Calendar Url')]
    description: Annotated[str, Field(title='Description')]
    export_url: Annotated[str, Field(title='Export Url')]
    id: Annotated[int, Field(title='Id')]
    locale: Annotated[str, Field(title='Locale')]
    members: Annotated[list[MemberOut], Field(title='Members')]
    organisations: Annotated[
        dict[str, OrganisationData],
        Field(
            description='Every organisation `organisation_id` names in this answer, keyed by that id.',
            title='Organisations',
        ),
    ]
    people: Annotated[
        dict[str, PersonEntryData],
        Field(
            description='Everyone `person_id` names in this answer, keyed by that id.',
            title='People',
        ),
    ]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str | None, Field(title='Url')]


class CouncilPageListItemSchema(BaseModel):
    description: Annotated[str | None, Field(title='Description')] = None
    id: Annotated[int, Field(title='Id')]
    members: Annotated[list[MemberOut] | None, Field(title='Members')] = None
    meta: CouncilPageListItemMetaSchema
    open_data: CouncilLinksOut | None = None
    secretariat: Annotated[
        list[CouncilpageSecretariatBlockContact] | None, Field(title='Secretariat')
    ] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class CouncilPageSchema(BaseModel):
    description: Annotated[str | None, Field(title='Description')] = None
    id: Annotated[int, Field(title='Id')]
    members: Annotated[list[MemberOut] | None, Field(title='Members')] = None
    meta: CouncilPageMetaSchema
    open_data: CouncilLinksOut | None = None
    organisations: Annotated[
        dict[str, OrganisationData] | None, Field(title='Organisations')
    ] = None
    people: Annotated[dict[str, PersonEntryData] | None, Field(title='People')] = None
    secretariat: Annotated[
        list[CouncilpageSecretariatBlockContact] | None,
        Field(title='Secretariat', validate_default=True),
    ] = []
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class HomePageListItemSchema(BaseModel):
    body: Annotated[list[Body] | None, Field(title='Body')] = None
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences under the site name that say what the site offers.',
            title='Introduction',
        ),
    ] = None
    meta: HomePageListItemMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class HomePageSchema(BaseModel):
    body: Annotated[list[Body] | None, Field(title='Body', validate_default=True)] = []
    id: Annotated[int, Field(title='Id')]
    intro: Annotated[
        str | None,
        Field(
            description='One or two sentences under the site name that say what the site offers.',
            title='Introduction',
        ),
    ] = None
    meta: HomePageMetaSchema
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class MeetingOut(BaseModel):
    agenda: Annotated[list[AgendaItemOut], Field(title='Agenda')]
    attendance: Annotated[list[AttendanceOut], Field(title='Attendance')]
    closed_items_visible: Annotated[bool, Field(title='Closed Items Visible')]
    council_id: Annotated[int, Field(title='Council Id')]
    document_status: Annotated[DocumentStatus, Field(title='Document Status')]
    document_status_label: Annotated[str, Field(title='Document Status Label')]
    end: Annotated[AwareDatetime | None, Field(title='End')]
    id: Annotated[int, Field(title='Id')]
    introduction: Annotated[str, Field(title='Introduction')]
    locale: Annotated[str, Field(title='Locale')]
    organisations: Annotated[
        dict[str, OrganisationData],
        Field(
            description='Every organisation `organisation_id` names in this answer, keyed by that id.',
            title='Organisations',
        ),
    ]
    people: Annotated[
        dict[str, PersonEntryData],
        Field(
            description='Everyone `person_id` names in this answer, keyed by that id.',
            title='People',
        ),
    ]
    room: Annotated[str, Field(title='Room')]
    start: Annotated[
        AwareDatetime,
        Field(description="With the offset of the site's time zone.", title='Start'),
    ]
    time_zone: Annotated[
        str,
        Field(
            description="The site's IANA time zone, e.g. Europe/Copenhagen.",
            title='Time Zone',
        ),
    ]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str | None, Field(title='Url')]
    venue: VenueData | None


class MinutesPageListItemSchema(BaseModel):
    agenda: Annotated[list[AgendaItemOut] | None, Field(title='Agenda')] = None
    attendance: Annotated[list[AttendanceOut] | None, Field(title='Attendance')] = None
    council: PageLinkData | None = None
    document_status: Annotated[
        DocumentStatus2 | None,
        Field(
            description='Agenda before the meeting; minutes draft while the minutes are being approved; minutes approved once every open item has its decision.',
            title='Document Status',
        ),
    ] = None
    end: Annotated[
        AwareDatetime | None,
        Field(
            description='Optional: when the meeting is planned to end.', title='Ends'
        ),
    ] = None
    id: Annotated[int, Field(title='Id')]
    introduction: Annotated[
        str | None,
        Field(
            description='Optional: a sentence or two about the meeting shown above the agenda.',
            title='Introduction',
        ),
    ] = None
    meta: MinutesPageListItemMetaSchema
    room: Annotated[
        Room2 | None,
        Field(
            description="Optional: the room, for example 'Meeting room 3, 2nd floor'.",
            title='Room',
        ),
    ] = None
    start: Annotated[
        AwareDatetime | None,
        Field(
            description="Date and time the meeting starts, in the site's time zone.",
            title='Starts',
        ),
    ] = None
    time_zone: Annotated[str | None, Field(title='Time Zone')] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None
    venue: VenueData | None = None


class MinutesPageSchema(BaseModel):
    agenda: Annotated[list[AgendaItemOut] | None, Field(title='Agenda')] = None
    attendance: Annotated[list[AttendanceOut] | None, Field(title='Attendance')] = None
    council: PageLinkData | None = None
    document_status: Annotated[
        DocumentStatus2 | None,
        Field(
            description='Agenda before the meeting; minutes draft while the minutes are being approved; minutes approved once every open item has its decision.',
            title='Document Status',
        ),
    ] = 'agenda'
    end: Annotated[
        AwareDatetime | None,
        Field(
            description='Optional: when the meeting is planned to end.', title='Ends'
        ),
    ] = None
    id: Annotated[int, Field(title='Id')]
    introduction: Annotated[
        str | None,
        Field(
            description='Optional: a sentence or two about the meeting shown above the agenda.',
            title='Introduction',
        ),
    ] = None
    meta: MinutesPageMetaSchema
    organisations: Annotated[
        dict[str, OrganisationData] | None, Field(title='Organisations')
    ] = None
    people: Annotated[dict[str, PersonEntryData] | None, Field(title='People')] = None
    room: Annotated[
        Room2 | None,
        Field(
            description="Optional: the room, for example 'Meeting room 3, 2nd floor'.",
            title='Room',
        ),
    ] = None
    start: Annotated[
        AwareDatetime,
        Field(
            description="Date and time the meeting starts, in the site's time zone.",
            title='Starts',
        ),
    ]
    time_zone: Annotated[str | None, Field(title='Time Zone')] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None
    venue: VenueData | None = None


class ModeratorData(BaseModel):
    """
    A moderator of the network, with a quote and a short presentation.
    """

    person: PersonData | None
    presentation: Annotated[str, Field(title='Presentation')]
    quote: Annotated[str, Field(title='Quote')]


class NetworkPageListItemSchema(BaseModel):
    about_organiser: Annotated[str | None, Field(title='About Organiser')] = None
    body: Annotated[list[Body] | None, Field(title='Body')] = None
    calendar_url: Annotated[str | None, Field(title='Calendar Url')] = None
    contact_email: Annotated[
        ContactEmail | None,
        Field(
            description="Receives the interest form's submissions. Falls back to the contact person's.",
            title='Contact E-Mail',
        ),
    ] = None
    contact_person: PersonData | None = None
    default_venue: VenueData | None = None
    id: Annotated[int, Field(title='Id')]
    interest_form: InterestFormData | None = None
    lead: Annotated[
        str | None,
        Field(
            description='Two or three sentences on what the network is and whom it brings together.',
            title='Lead',
        ),
    ] = None
    membership: MembershipData | None = None
    membership_heading: Annotated[
        MembershipHeading | None,
        Field(
            description="The heading above the membership terms. Leave empty for 'Membership'.",
            title='Membership Heading',
        ),
    ] = None
    meta: NetworkPageListItemMetaSchema
    moderators_data: Annotated[
        list[ModeratorData] | None, Field(title='Moderators Data')
    ] = None
    notices: Annotated[list[NoticeStreamBlockNotice] | None, Field(title='Notices')] = (
        None
    )
    organiser: OrganisationData | None = None
    organiser_heading: Annotated[
        OrganiserHeading | None,
        Field(
            description="The heading above the organiser. Leave empty for 'About the organiser'.",
            title='Organiser Heading',
        ),
    ] = None
    practical_heading: Annotated[
        PracticalHeading | None,
        Field(
            description="The heading above venue, contact and notices. Leave empty for 'Practical information'.",
            title='Practical Heading',
        ),
    ] = None
    programme_api_url: Annotated[str | None, Field(title='Programme Api Url')] = None
    programme_notice_text: Annotated[
        str | None, Field(title='Programme Notice Text')
    ] = None
    title: Annotated[str, Field(title='Title')]
    topic: Annotated[
        Topic | None,
        Field(
            description="The policy area in a word or two, for example 'Integration'.",
            title='Topic',
        ),
    ] = None
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class NetworkPageSchema(BaseModel):
    about_organiser: Annotated[str | None, Field(title='About Organiser')] = None
    body: Annotated[list[Body] | None, Field(title='Body', validate_default=True)] = []
    calendar_url: Annotated[str | None, Field(title='Calendar Url')] = None
    contact_email: Annotated[
        ContactEmail | None,
        Field(
            description="Receives the interest form's submissions. Falls back to the contact person's.",
            title='Contact E-Mail',
        ),
    ] = None
    contact_person: PersonData | None = None
    default_venue: VenueData | None = None
    id: Annotated[int, Field(title='Id')]
    interest_form: InterestFormData | None = None
    lead: Annotated[
        str | None,
        Field(
            description='Two or three sentences on what the network is and whom it brings together.',
            title='Lead',
        ),
    ] = None
    membership: MembershipData | None = None
    membership_heading: Annotated[
        MembershipHeading | None,
        Field(
            description="The heading above the membership terms. Leave empty for 'Membership'.",
            title='Membership Heading',
        ),
    ] = None
    meta: NetworkPageMetaSchema
    moderators_data: Annotated[
        list[ModeratorData] | None, Field(title='Moderators Data')
    ] = None
    notices: Annotated[
        list[NoticeStreamBlockNotice] | None,
        Field(title='Notices', validate_default=True),
    ] = []
    organiser: OrganisationData | None = None
    organiser_heading: Annotated[
        OrganiserHeading | None,
        Field(
            description="The heading above the organiser. Leave empty for 'About the organiser'.",
            title='Organiser Heading',
        ),
    ] = None
    practical_heading: Annotated[
        PracticalHeading | None,
        Field(
            description="The heading above venue, contact and notices. Leave empty for 'Practical information'.",
            title='Practical Heading',
        ),
    ] = None
    programme_api_url: Annotated[str | None, Field(title='Programme Api Url')] = None
    programme_notice_text: Annotated[
        str | None, Field(title='Programme Notice Text')
    ] = None
    title: Annotated[str, Field(title='Title')]
    topic: Annotated[
        Topic | None,
        Field(
            description="The policy area in a word or two, for example 'Integration'.",
            title='Topic',
        ),
    ] = None
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class PagedAnnotated(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[
        list[BlogCategorySchema | NewsTypeSchema | OrganisationSchema | PersonSchema | VenueSchema],
        Field(title='Items'),
    ]


class PagedCouncilOut(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[CouncilOut], Field(title='Items')]


class PagedRevisionSchema(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[RevisionSchema], Field(title='Items')]


class ProgrammeBlockSession(BaseModel):
    """
    Session
    """

    id: Annotated[str | None, Field(title='Id')]
    type: Annotated[Literal['session'], Field(title='Type')]
    value: SessionData


class RelatedEventData(BaseModel):
    """
    The meeting an article announces: its link, when and where.
    """

    end: Annotated[AwareDatetime | None, Field(title='End')]
    id: Annotated[int, Field(title='Id')]
    online: Annotated[
        bool, Field(description='Whether participants can join online.', title='Online')
    ]
    start: Annotated[AwareDatetime | None, Field(title='Start')]
    title: Annotated[str, Field(title='Title')]
    type: Annotated[str, Field(title='Type')]
    url: Annotated[str | None, Field(title='Url')]
    venue: VenueData | None


class SessionSchema(BaseModel):
    description: Annotated[
        str, Field(description='HTML with absolute links.', title='Description')
    ]
    end: Annotated[AwareDatetime, Field(title='End')]
    headline: Annotated[str, Field(title='Headline')]
    id: Annotated[str, Field(title='Id')]
    room: Annotated[str, Field(title='Room')]
    speakers: Annotated[list[SpeakerSchema], Field(title='Speakers')]
    start: Annotated[AwareDatetime, Field(title='Start')]
    venue: VenueData | None


class BlogPostPageListItemSchema(BaseModel):
    authors: Annotated[list[PersonData] | None, Field(title='Authors')] = None
    body: Annotated[list[Body] | None, Field(title='Body')] = None
    categories: Annotated[list[BlogCategoryData] | None, Field(title='Categories')] = (
        None
    )
    date: Annotated[date_aliased | None, Field(title='Date')] = None
    excerpt: Annotated[
        str | None,
        Field(
            description='Two or three sentences shown in the list of posts, in feeds and in search.',
            max_length=600,
            title='Excerpt',
        ),
    ] = None
    hero_image: ImageData | None = None
    id: Annotated[int, Field(title='Id')]
    meta: BlogPostPageListItemMetaSchema
    page_owner: PersonData | None = None
    related_posts: Annotated[
        list[RelatedPostData] | None, Field(title='Related Posts')
    ] = None
    tags: Annotated[list[str] | None, Field(title='Tags')] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class BlogPostPageSchema(BaseModel):
    authors: Annotated[list[PersonData] | None, Field(title='Authors')] = None
    body: Annotated[list[Body] | None, Field(title='Body', validate_default=True)] = []
    categories: Annotated[list[BlogCategoryData] | None, Field(title='Categories')] = (
        None
    )
    date: Annotated[date_aliased | None, Field(title='Date')] = None
    excerpt: Annotated[
        str,
        Field(
            description='Two or three sentences shown in the list of posts, in feeds and in search.',
            max_length=600,
            title='Excerpt',
        ),
    ]
    hero_image: ImageData | None = None
    id: Annotated[int, Field(title='Id')]
    meta: BlogPostPageMetaSchema
    page_owner: PersonData | None = None
    related_posts: Annotated[
        list[RelatedPostData] | None, Field(title='Related Posts')
    ] = None
    tags: Annotated[list[str] | None, Field(title='Tags')] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class MeetingPageListItemSchema(BaseModel):
    attachments: Annotated[
        list[MeetingpageAttachmentsBlockAttachments] | None, Field(title='Attachments')
    ] = None
    calendar_url: Annotated[str | None, Field(title='Calendar Url')] = None
    description: Annotated[str | None, Field(title='Description')] = None
    end: Annotated[
        AwareDatetime | None,
        Field(description="Date and time in the site's time zone.", title='Ends'),
    ] = None
    id: Annotated[int, Field(title='Id')]
    kind: Annotated[
        Kind | None,
        Field(
            description='An overnight meeting must end on a later day than it starts.',
            title='Kind Of Meeting',
        ),
    ] = None
    kind_label: Annotated[str | None, Field(title='Kind Label')] = None
    meta: MeetingPageListItemMetaSchema
    online_url: Annotated[
        str | None,
        Field(
            description='For webinars and hybrid meetings: the address participants join.',
            title='Online Link',
        ),
    ] = None
    organiser_id: Annotated[int | None, Field(title='Organiser Id')] = None
    previous_start: Annotated[
        AwareDatetime | None,
        Field(
            description='Only for postponed meetings: when the meeting was first planned to start.',
            title='Originally Planned Start',
        ),
    ] = None
    programme: Annotated[
        list[ProgrammeBlockSession] | None, Field(title='Programme')
    ] = None
    room: Annotated[
        Room | None,
        Field(description="Optional, for example 'Room 2.14'.", title='Room'),
    ] = None
    sequence_label: Annotated[
        SequenceLabel | None,
        Field(
            description="Where the meeting sits in the season, for example 'Meeting 3 of 5'.",
            title='Sequence Label',
        ),
    ] = None
    shows_status: Annotated[bool | None, Field(title='Shows Status')] = None
    signup_deadline: Annotated[
        date_aliased | None,
        Field(description='Optional last day to sign up.', title='Sign-Up Deadline'),
    ] = None
    signup_label: Annotated[
        SignupLabel | None,
        Field(
            description="For example 'Sign up for the meeting'. Leave empty for no button.",
            title='Sign-Up Button Text',
        ),
    ] = None
    signup_url: Annotated[
        str | None,
        Field(description='Where the sign-up button leads.', title='Sign-Up Address'),
    ] = None
    speakers: Annotated[
        list[MeetingpageSpeakersBlockSpeaker] | None, Field(title='Speakers')
    ] = None
    start: Annotated[
        AwareDatetime | None,
        Field(description="Date and time in the site's time zone.", title='Starts'),
    ] = None
    status: Annotated[
        Status1 | None,
        Field(
            description="Shown prominently on the page, in lists and in calendars. 'Not yet confirmed' is tentative in calendars; 'Cancelled' removes the meeting from most calendar apps.",
            title='Status',
        ),
    ] = None
    status_label: Annotated[str | None, Field(title='Status Label')] = None
    status_note: Annotated[
        StatusNote | None,
        Field(
            description='Optional: why the meeting was postponed or cancelled, or what is pending.',
            title='Status Note',
        ),
    ] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None
    venue_id: Annotated[int | None, Field(title='Venue Id')] = None


class MeetingPageSchema(BaseModel):
    attachments: Annotated[
        list[MeetingpageAttachmentsBlockAttachments] | None,
        Field(title='Attachments', validate_default=True),
    ] = []
    calendar_url: Annotated[str | None, Field(title='Calendar Url')] = None
    description: Annotated[str | None, Field(title='Description')] = None
    end: Annotated[
        AwareDatetime,
        Field(description="Date and time in the site's time zone.", title='Ends'),
    ]
    id: Annotated[int, Field(title='Id')]
    kind: Annotated[
        Kind | None,
        Field(
            description='An overnight meeting must end on a later day than it starts.',
            title='Kind Of Meeting',
        ),
    ] = 'regular'
    kind_label: Annotated[str | None, Field(title='Kind Label')] = None
    meta: MeetingPageMetaSchema
    online_url: Annotated[
        str | None,
        Field(
            description='For webinars and hybrid meetings: the address participants join.',
            title='Online Link',
        ),
    ] = None
    organisations: Annotated[
        dict[str, OrganisationData] | None, Field(title='Organisations')
    ] = None
    organiser_id: Annotated[int | None, Field(title='Organiser Id')] = None
    people: Annotated[dict[str, PersonEntryData] | None, Field(title='People')] = None
    previous_start: Annotated[
        AwareDatetime | None,
        Field(
            description='Only for postponed meetings: when the meeting was first planned to start.',
            title='Originally Planned Start',
        ),
    ] = None
    programme: Annotated[
        list[ProgrammeBlockSession] | None,
        Field(title='Programme', validate_default=True),
    ] = []
    room: Annotated[
        Room | None,
        Field(description="Optional, for example 'Room 2.14'.", title='Room'),
    ] = None
    sequence_label: Annotated[
        SequenceLabel | None,
        Field(
            description="Where the meeting sits in the season, for example 'Meeting 3 of 5'.",
            title='Sequence Label',
        ),
    ] = None
    shows_status: Annotated[bool | None, Field(title='Shows Status')] = None
    signup_deadline: Annotated[
        date_aliased | None,
        Field(description='Optional last day to sign up.', title='Sign-Up Deadline'),
    ] = None
    signup_label: Annotated[
        SignupLabel | None,
        Field(
            description="For example 'Sign up for the meeting'. Leave empty for no button.",
            title='Sign-Up Button Text',
        ),
    ] = None
    signup_url: Annotated[
        str | None,
        Field(description='Where the sign-up button leads.', title='Sign-Up Address'),
    ] = None
    speakers: Annotated[
        list[MeetingpageSpeakersBlockSpeaker] | None,
        Field(title='Speakers', validate_default=True),
    ] = []
    start: Annotated[
        AwareDatetime,
        Field(description="Date and time in the site's time zone.", title='Starts'),
    ]
    status: Annotated[
        Status1 | None,
        Field(
            description="Shown prominently on the page, in lists and in calendars. 'Not yet confirmed' is tentative in calendars; 'Cancelled' removes the meeting from most calendar apps.",
            title='Status',
        ),
    ] = 'planned'
    status_label: Annotated[str | None, Field(title='Status Label')] = None
    status_note: Annotated[
        StatusNote | None,
        Field(
            description='Optional: why the meeting was postponed or cancelled, or what is pending.',
            title='Status Note',
        ),
    ] = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None
    venue_id: Annotated[int | None, Field(title='Venue Id')] = None
    venues: Annotated[dict[str, VenueData] | None, Field(title='Venues')] = None


class MeetingSchema(BaseModel):
    calendar_url: Annotated[str | None, Field(title='Calendar Url')]
    description: Annotated[
        str, Field(description='HTML with absolute links.', title='Description')
    ]
    end: Annotated[AwareDatetime, Field(title='End')]
    id: Annotated[int, Field(title='Id')]
    kind: Annotated[Kind2, Field(title='Kind')]
    kind_label: Annotated[str, Field(title='Kind Label')]
    locale: Annotated[str, Field(title='Locale')]
    network: NetworkRefSchema | None
    online_url: Annotated[str, Field(title='Online Url')]
    previous_start: Annotated[AwareDatetime | None, Field(title='Previous Start')]
    room: Annotated[str, Field(title='Room')]
    sequence_label: Annotated[str, Field(title='Sequence Label')]
    sessions: Annotated[list[SessionSchema], Field(title='Sessions')]
    signup_label: Annotated[str, Field(title='Signup Label')]
    signup_url: Annotated[str, Field(title='Signup Url')]
    speakers: Annotated[
        list[SpeakerSchema],
        Field(
            description='Who speaks at the meeting as a whole (a one-part meeting names its speakers here and may have no sessions); each session has its own.',
            title='Speakers',
        ),
    ]
    start: Annotated[AwareDatetime, Field(title='Start')]
    status: Annotated[Status3, Field(title='Status')]
    status_label: Annotated[str, Field(title='Status Label')]
    status_note: Annotated[str, Field(title='Status Note')]
    title: Annotated[str, Field(title='Title')]
    url: Annotated[str | None, Field(title='Url')]
    venue: VenueData | None


class NewsPageListItemSchema(BaseModel):
    body: Annotated[list[Body] | None, Field(title='Body')] = None
    call_to_action: Annotated[
        list[NewspageCallToActionBlockCallToAction] | None,
        Field(title='Call To Action'),
    ] = None
    date: Annotated[date_aliased | None, Field(title='Date')] = None
    hero_image: ImageData | None = None
    id: Annotated[int, Field(title='Id')]
    lead: Annotated[
        str | None,
        Field(
            description='The opening paragraph in bold: who, what, when. Also used in lists and feeds.',
            max_length=800,
            title='Lead',
        ),
    ] = None
    meta: NewsPageListItemMetaSchema
    news_type: NewsTypeData | None = None
    related_event: RelatedEventData | None = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class NewsPageSchema(BaseModel):
    body: Annotated[list[Body] | None, Field(title='Body', validate_default=True)] = []
    call_to_action: Annotated[
        list[NewspageCallToActionBlockCallToAction] | None,
        Field(title='Call To Action', validate_default=True),
    ] = []
    date: Annotated[date_aliased | None, Field(title='Date')] = None
    hero_image: ImageData | None = None
    id: Annotated[int, Field(title='Id')]
    lead: Annotated[
        str,
        Field(
            description='The opening paragraph in bold: who, what, when. Also used in lists and feeds.',
            max_length=800,
            title='Lead',
        ),
    ]
    meta: NewsPageMetaSchema
    news_type: NewsTypeData | None = None
    related_event: RelatedEventData | None = None
    title: Annotated[str, Field(title='Title')]
    translations: Annotated[
        list[TranslationData] | None, Field(title='Translations')
    ] = None


class PageListSchema(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[
        list[PageListItemSchema | HomePageListItemSchema | ContentPageListItemSchema | NetworkIndexPageListItemSchema | NetworkPageListItemSchema | EventIndexPageListItemSchema | MeetingPageListItemSchema | BlogIndexPageListItemSchema | BlogPostPageListItemSchema | NewsIndexPageListItemSchema | NewsPageListItemSchema | CouncilPageListItemSchema | MinutesPageListItemSchema],
        Field(title='Items'),
    ]
    organisations: Annotated[
        dict[str, OrganisationData] | None,
        Field(
            description="Every organisation the items refer to by id, keyed by that id, once for the whole list (present when the items' type has `organisations` and `fields=` asks for it).",
            title='Organisations',
        ),
    ] = None
    people: Annotated[
        dict[str, PersonEntryData] | None,
        Field(
            description="Every person the items refer to by id, keyed by that id, once for the whole list (present when the items' type has `people` and `fields=` asks for it).",
            title='People',
        ),
    ] = None
    venues: Annotated[
        dict[str, VenueData] | None,
        Field(
            description="Every venue the items refer to by id, keyed by that id, once for the whole list (present when the items' type has `venues` and `fields=` asks for it).",
            title='Venues',
        ),
    ] = None


class PageRevisionDetailSchema(BaseModel):
    approved_go_live_at: Annotated[
        AwareDatetime | None, Field(title='Approved Go Live At')
    ] = None
    base_content_type: ContentTypeSchema
    content_object: Annotated[
        PageSchema | HomePageSchema | ContentPageSchema | NetworkIndexPageSchema | NetworkPageSchema | EventIndexPageSchema | MeetingPageSchema | BlogIndexPageSchema | BlogPostPageSchema | NewsIndexPageSchema | NewsPageSchema | CouncilPageSchema | MinutesPageSchema,
        Field(
            description='A union of models, discriminated by the content type in `meta.type`.',
            title='Content Object',
        ),
    ]
    content_type: ContentTypeSchema
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    id: Annotated[int, Field(gt=0, title='Id')]
    meta: BaseMetaSchema
    object_id: Annotated[str, Field(title='Object Id')]
    object_str: Annotated[str, Field(title='Object Str')]
    user_id: Annotated[int | str | UUID | None, Field(title='User Id')] = None


class ProgrammeSchema(BaseModel):
    id: Annotated[int, Field(title='Id')]
    locale: Annotated[str, Field(title='Locale')]
    organisations: Annotated[
        dict[str, OrganisationData],
        Field(
            description="Every organisation an `organisation_id` of the answer's `people` names, keyed by that id.",
            title='Organisations',
        ),
    ]
    past: Annotated[list[MeetingSchema], Field(title='Past')]
    people: Annotated[
        dict[str, PersonEntryData],
        Field(
            description="Every person a speaker's `person_id` in this answer names, keyed by that id.",
            title='People',
        ),
    ]
    title: Annotated[str, Field(title='Title')]
    upcoming: Annotated[list[MeetingSchema], Field(title='Upcoming')]
    url: Annotated[str | None, Field(title='Url')]


class SyncUpsert(BaseModel):
    """
    A page the caller may see, as ``GET /api/v3/pages/{id}/`` would answer it.
    """

    id: Annotated[int, Field(title='Id')]
    kind: Annotated[Literal['upsert'], Field(title='Kind')]
    locale: Annotated[str, Field(title='Locale')]
    page: Annotated[
        PageSchema | HomePageSchema | ContentPageSchema | NetworkIndexPageSchema | NetworkPageSchema | EventIndexPageSchema | MeetingPageSchema | BlogIndexPageSchema | BlogPostPageSchema | NewsIndexPageSchema | NewsPageSchema | CouncilPageSchema | MinutesPageSchema,
        Field(
            description='A union of models, discriminated by the content type in `meta.type`.',
            title='Page',
        ),
    ]


class MeetingListSchema(BaseModel):
    count: Annotated[int, Field(title='Count')]
    items: Annotated[list[MeetingSchema], Field(title='Items')]
    organisations: Annotated[
        dict[str, OrganisationData],
        Field(
            description="Every organisation an `organisation_id` of the answer's `people` names, keyed by that id.",
            title='Organisations',
        ),
    ]
    people: Annotated[
        dict[str, PersonEntryData],
        Field(
            description="Every person a speaker's `person_id` in this answer names, keyed by that id.",
            title='People',
        ),
    ]


class Items(RootModel[SyncUpsert | SyncTombstone]):
    root: Annotated[SyncUpsert | SyncTombstone, Field(discriminator='kind')]


class SyncBatch(BaseModel):
    items: Annotated[list[Items], Field(title='Items')]
    next: Annotated[
        str | None,
        Field(
            description='Set while more items remain: call again with it as `cursor`.',
            title='Next',
        ),
    ]
    sync: Annotated[
        str | None,
        Field(
            description='Set on the last answer: keep it and call with it as `cursor` later for what changed since.',
            title='Sync',
        ),
    ]
