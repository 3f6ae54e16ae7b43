"""Atom feed of the resources newly added to the repository."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed

from cophub.core.i18n import translated_value

from . import selectors


class NewResourcesFeed(Feed):
    feed_type = Atom1Feed
    title = "COP Hub: new resources"
    subtitle = "Child online protection resources newly added to the COP Hub repository."

    def link(self):
        with translation.override("en"):
            return reverse("resources:list")

    def items(self):
        return selectors.new_resources(50)

    def item_title(self, item):
        return str(translated_value(item, "title", "en"))

    def item_description(self, item):
        return str(translated_value(item, "summary", "en"))

    def item_link(self, item):
        with translation.override("en"):
            return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.kind] + [t.code for t in item.topics.all()]
