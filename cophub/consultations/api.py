"""JSON API of the youth consultations module, mounted under /api/v1 by cophub.api."""

from ninja import Router

router = Router(tags=["consultations"])
