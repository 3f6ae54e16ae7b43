"""schema.org JSON-LD of a resource page, so that search engines and catalogues read it."""

from cophub.core.i18n import LANGUAGE_CODES

from .models import Resource

SCHEMA_TYPES = {
    Resource.Kind.GUIDELINE: "CreativeWork",
    Resource.Kind.BEST_PRACTICE: "CreativeWork",
    Resource.Kind.SAFETY_TOOL: "SoftwareApplication",
    Resource.Kind.CAMPAIGN: "CreativeWork",
    Resource.Kind.TRAINING: "Course",
    Resource.Kind.RESEARCH: "Report",
    Resource.Kind.NATIONAL_STRATEGY: "Legislation",
}
LICENCE_URLS = {
    Resource.Licence.CC_BY_NC_SA_3_IGO: "https://creativecommons.org/licenses/by-nc-sa/3.0/igo/",
    Resource.Licence.CC_BY_3_IGO: "https://creativecommons.org/licenses/by/3.0/igo/",
    Resource.Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Resource.Licence.CC_BY_NC_4: "https://creativecommons.org/licenses/by-nc/4.0/",
}


def resource_jsonld(request, resource: Resource) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[resource.kind],
        "@id": request.build_absolute_uri(resource.get_absolute_url()),
        "url": request.build_absolute_uri(resource.get_absolute_url()),
        "name": [
            {"@value": text, "@language": code}
            for code in LANGUAGE_CODES
            if (text := getattr(resource, f"title_{code}"))
        ],
        "description": [
            {"@value": text, "@language": code}
            for code in LANGUAGE_CODES
            if (text := getattr(resource, f"summary_{code}"))
        ],
        "inLanguage": [v.language for v in resource.versions.all()],
        "about": [t.label_en or t.code for t in resource.topics.all()],
        "audience": [
            {"@type": "Audience", "audienceType": a.label_en or a.code} for a in resource.audiences.all()
        ],
        "encoding": [
            {"@type": "MediaObject", "contentUrl": request.build_absolute_uri(v.url), "inLanguage": v.language}
            for v in resource.versions.all()
        ],
    }  # fmt: skip
    if resource.published_on:
        data["datePublished"] = resource.published_on.isoformat()
    if resource.organisation:
        data["publisher"] = {"@type": "Organization", "name": resource.organisation.name_en}
    elif resource.publisher:
        data["publisher"] = {"@type": "Organization", "name": resource.publisher}
    if resource.licence in LICENCE_URLS:
        data["license"] = LICENCE_URLS[resource.licence]
    if resource.edition:
        data["version"] = str(resource.edition)
    if resource.countries.all():
        data["spatialCoverage"] = [
            {"@type": "Country", "identifier": c.iso2, "name": c.name_en} for c in resource.countries.all()
        ]  # fmt: skip
    if resource.adapts_id:
        data["isBasedOn"] = request.build_absolute_uri(resource.adapts.get_absolute_url())
        data["accessMode"] = {"audio": "auditory", "sign_language": "visual"}.get(
            resource.accessible_format, "textual"
        )
    if resource.kind == Resource.Kind.TRAINING and resource.provider:
        data["provider"] = {"@type": "Organization", "name": resource.provider}
    return data
