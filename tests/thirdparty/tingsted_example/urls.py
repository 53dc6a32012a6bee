from django.urls import path

from tingsted_example import views

urlpatterns = [
    path("example-ping/", views.ping, name="example-ping"),
    path("example-feed.xml", views.feed, name="example-feed"),
]
