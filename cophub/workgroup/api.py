"""JSON API of the working group module, mounted under /api/v1 by cophub.api."""

from ninja import Router

router = Router(tags=["workgroup"])
