"""JSON API of the countries module, mounted under /api/v1 by cophub.api."""

from ninja import Router

router = Router(tags=["countries"])
