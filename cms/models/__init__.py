from cms.models.documents import TingstedDocument
from cms.models.generation import ContentGeneration
from cms.models.images import TingstedImage, TingstedRendition
from cms.models.pages import ContentPage, HomePage, TingstedPage, TingstedPageForm

__all__ = [
    "ContentGeneration",
    "ContentPage",
    "HomePage",
    "TingstedDocument",
    "TingstedImage",
    "TingstedPage",
    "TingstedPageForm",
    "TingstedRendition",
]
