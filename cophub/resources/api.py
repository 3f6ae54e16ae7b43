"""JSON API of the resources module, mounted under /api/v1 by cophub.api."""

from ninja import Router

router = Router(tags=["resources"])
