from cms.models.documents import TingstedDocument
from cms.models.images import TingstedImage, TingstedRendition
from cms.models.pages import HomePage, TingstedPage

__all__ = ["HomePage", "TingstedDocument", "TingstedImage", "TingstedPage", "TingstedRendition"]
