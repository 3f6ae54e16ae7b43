"""JSON API of the statistics module, mounted under /api/v1 by cophub.api."""

from ninja import Router

router = Router(tags=["statistics"])
