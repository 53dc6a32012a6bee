"""Open data addresses, mounted inside the language prefix of every site."""

from django.urls import path

from plugins.minutes import views

app_name = "minutes"

urlpatterns = [
    path("minutes/export.schema.json", views.export_schema, name="export_schema"),
    path("minutes/meetings/<int:page_id>.json", views.meeting_export, name="meeting_export"),
    path("minutes/councils/<int:page_id>.json", views.council_export, name="council_export"),
    path("minutes/councils/<int:page_id>.ics", views.council_calendar, name="council_calendar"),
]
