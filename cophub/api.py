"""The JSON API under /api/v1: one NinjaAPI that mounts each app's router.

Errors are RFC 9457 problem details in the language the request asked for.
"""

from django.conf import settings
from ninja import NinjaAPI

from cophub.consultations.api import router as consultations_router
from cophub.coordination.api import router as coordination_router
from cophub.core.api import router as core_router
from cophub.core.problems import document_languages_and_problems, install_problem_handlers
from cophub.countries.api import router as countries_router
from cophub.helplines.api import router as helplines_router
from cophub.resources.api import router as resources_router
from cophub.statistics.api import router as statistics_router
from cophub.trainings.api import router as trainings_router
from cophub.workgroup.api import router as workgroup_router


class CopHubAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        return document_languages_and_problems(schema, [code for code, _name in settings.LANGUAGES])


api = CopHubAPI(
    title="COP Hub API",
    version="1",
    description="Open data of COP Hub: the ITU Council Working Group on Child Online Protection "
    "and the work that Resolution 179 asks for.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
install_problem_handlers(api)
api.add_router("/", core_router)
api.add_router("/", workgroup_router)
api.add_router("/", consultations_router)
api.add_router("/", resources_router)
api.add_router("/", helplines_router)
api.add_router("/", countries_router)
api.add_router("/", statistics_router)
api.add_router("/", coordination_router)
api.add_router("/", trainings_router)
