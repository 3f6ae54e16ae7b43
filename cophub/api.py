"""The JSON API under /api/v1: one NinjaAPI that mounts each app's router.

Errors are RFC 9457 problem details in the language the request asked for.
"""

from dataclasses import dataclass
from functools import cached_property

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

    @cached_property
    def listed_operations(self) -> list[tuple[str, list["ListedOperation"]]]:
        """Every operation by tag, read once from the schema (it does not change while the
        process runs): the documentation page (ninja/swagger.html) lists them in its HTML, so a
        reader sees them at once; Swagger UI (1.5 MB of script, then the schema fetched again)
        loads after, for trying them out."""
        return operations_by_tag(self.get_openapi_schema())


@dataclass(frozen=True, slots=True)
class ListedOperation:
    method: str
    path: str
    summary: str
    anchor: str  # Swagger UI's deep link: #/<tag>/<operationId>


def operations_by_tag(schema: dict) -> list[tuple[str, list[ListedOperation]]]:
    groups: dict[str, list[ListedOperation]] = {}
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            tag = (operation.get("tags") or ["default"])[0]
            groups.setdefault(tag, []).append(
                ListedOperation(
                    method=method.upper(),
                    path=path,
                    summary=operation.get("summary", ""),
                    anchor=f"#/{tag}/{operation.get('operationId', '')}",
                )
            )
    return sorted(groups.items())


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
