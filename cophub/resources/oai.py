"""OAI-PMH 2.0 at /oai: the repository's public resources as Dublin Core (oai_dc), so that the
existing global repositories can harvest them (Resolution 179, instructs the Secretary-General 2:
contribute to the global repositories).

All six verbs; sets by kind (`kind:guideline`) and by audience (`audience:industry`); signed,
stateless resumption tokens; the protocol's error codes for every bad request. Deleted records are
kept for good ("persistent"): a resource withdrawn, taken back or deleted is listed with the
status "deleted", so that harvesters drop it too.
"""

import datetime
import re
from email.utils import parseaddr

from django.conf import settings
from django.core import signing
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree

from cophub.core.i18n import LANGUAGE_CODES

from . import selectors
from .models import Audience, DeletedRecord, Resource

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PAGE_SIZE = 100
TOKEN_SALT = "cophub.resources.oai"  # noqa: S105 - a namespace for signing, not a secret
TOKEN_MAX_AGE = 24 * 60 * 60
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
# The characters an XML 1.0 document may hold: an argument with any other cannot be echoed in the
# answer's <request> element, so it is a bad argument rather than a server error.
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _el(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, tag if tag.startswith("{") else f"{{{OAI}}}{tag}", attrs)
    if text is not None:
        element.text = str(text)
    return element


def _datestamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _namespace(request) -> str:
    return request.get_host().split(":")[0]


def _identifier(request, resource: Resource) -> str:
    return f"oai:{_namespace(request)}:{resource.slug}"


def _parse_date(value: str, *, end: bool) -> tuple[datetime.datetime, str]:
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value)
            moment = datetime.datetime.combine(day, datetime.time.max if end else datetime.time.min)
            return moment.replace(tzinfo=datetime.UTC), "day"
        if len(value) == 20 and value.endswith("Z"):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return moment.replace(tzinfo=datetime.UTC), "second"
    except ValueError:
        pass
    raise OAIError(
        "badArgument", f"'{value}' is not a date in the form YYYY-MM-DD or {GRANULARITY}."
    )


def _sets() -> list[tuple[str, str]]:
    sets = [("kind", "Resources by kind")]
    sets += [(f"kind:{value}", f"Kind: {label}") for value, label in Resource.Kind.choices]
    sets.append(("audience", "Resources by audience"))
    sets += [(f"audience:{a.code}", f"Audience: {a.label_en}") for a in Audience.objects.all()]
    return sets


def _check_set(spec: str) -> None:
    group, _sep, value = spec.partition(":")
    if group == "kind" and (not value or value in Resource.Kind.values):
        return
    if group == "audience" and (not value or Audience.objects.filter(code=value).exists()):
        return
    raise OAIError("badArgument", f"There is no set '{spec}'. ListSets names them.")


def _records(arguments: dict):
    queryset = selectors.public_resources().order_by("id")
    if arguments.get("from"):
        queryset = queryset.filter(updated_at__gte=_parse_date(arguments["from"], end=False)[0])
    if arguments.get("until"):
        queryset = queryset.filter(updated_at__lte=_parse_date(arguments["until"], end=True)[0])
    spec = arguments.get("set")
    if spec:
        _check_set(spec)
        group, _sep, value = spec.partition(":")
        if group == "kind" and value:
            queryset = queryset.filter(kind=value)
        elif group == "audience":
            queryset = (
                queryset.filter(audiences__code=value)
                if value
                else queryset.filter(audiences__isnull=False).distinct()
            )
    return queryset


def _deleted_records(arguments: dict):
    queryset = DeletedRecord.objects.order_by("id")
    if arguments.get("from"):
        queryset = queryset.filter(deleted_at__gte=_parse_date(arguments["from"], end=False)[0])
    if arguments.get("until"):
        queryset = queryset.filter(deleted_at__lte=_parse_date(arguments["until"], end=True)[0])
    spec = arguments.get("set")
    if spec:
        _check_set(spec)
        # set_specs is space-delimited on both sides: " kind:guideline audience:parents ".
        queryset = queryset.filter(set_specs__contains=f" {spec} " if ":" in spec else f" {spec}:")
    return queryset


def _check_arguments(params) -> tuple[str, dict]:
    for key in params:
        if any(NOT_XML.search(text) for text in [key, *params.getlist(key)]):
            raise OAIError("badArgument", "An argument holds characters that XML cannot carry.")
        if len(params.getlist(key)) > 1:
            raise OAIError("badArgument", f"The argument '{key}' is repeated.")
    verb = params.get("verb")
    if verb not in VERBS:
        raise OAIError("badVerb", "The verb is missing or is not one of the six OAI-PMH verbs.")
    required, optional = VERBS[verb]
    arguments = {k: v for k, v in params.items() if k != "verb"}
    unknown = set(arguments) - required - optional
    if unknown:
        raise OAIError("badArgument", f"{verb} does not take: {', '.join(sorted(unknown))}.")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        return verb, arguments
    missing = required - set(arguments)
    if missing:
        raise OAIError("badArgument", f"{verb} needs: {', '.join(sorted(missing))}.")
    if "from" in arguments and "until" in arguments:
        start, start_granularity = _parse_date(arguments["from"], end=False)
        end, end_granularity = _parse_date(arguments["until"], end=True)
        if start_granularity != end_granularity:
            raise OAIError("badArgument", "from and until must have the same granularity.")
        if start > end:
            raise OAIError("badArgument", "from is later than until.")
    return verb, arguments


def _check_prefix(prefix: str) -> None:
    if prefix != "oai_dc":
        raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not offered; use oai_dc.")


def _deleted_header(parent, request, deleted: DeletedRecord):
    header = _el(parent, "header", status="deleted")
    _el(header, "identifier", f"oai:{_namespace(request)}:{deleted.slug}")
    _el(header, "datestamp", _datestamp(deleted.deleted_at))
    for spec in deleted.set_spec_list:
        _el(header, "setSpec", spec)
    return header


def _header(parent, request, resource: Resource):
    if isinstance(resource, DeletedRecord):
        return _deleted_header(parent, request, resource)
    header = _el(parent, "header")
    _el(header, "identifier", _identifier(request, resource))
    _el(header, "datestamp", _datestamp(resource.updated_at))
    _el(header, "setSpec", f"kind:{resource.kind}")
    for audience in resource.audiences.all():
        _el(header, "setSpec", f"audience:{audience.code}")
    return header


def _dublin_core(parent, request, resource: Resource):
    metadata = _el(parent, "metadata")
    dc = etree.SubElement(
        metadata,
        f"{{{OAI_DC}}}dc",
        nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI},
    )
    dc.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"

    def add(name, text, language=None):
        if text:
            element = etree.SubElement(dc, f"{{{DC}}}{name}")
            element.text = str(text)
            if language:
                element.set(lang_attr, language)

    for code in LANGUAGE_CODES:
        add("title", getattr(resource, f"title_{code}"), code)
    for code in LANGUAGE_CODES:
        add("description", getattr(resource, f"summary_{code}"), code)
    publisher = resource.organisation.name_en if resource.organisation else resource.publisher
    add("creator", publisher or resource.credit)
    add("publisher", publisher)
    for topic in resource.topics.all():
        add("subject", topic.label_en, "en")
    for audience in resource.audiences.all():
        add("subject", f"audience: {audience.label_en}", "en")
    add("type", resource.get_kind_display())
    add("type", "Text")
    if resource.published_on:
        add("date", resource.published_on.isoformat())
    for version in resource.versions.all():
        add("language", version.language)
    add("identifier", request.build_absolute_uri(resource.get_absolute_url()))
    for version in resource.versions.all():
        add("relation", request.build_absolute_uri(version.url))
    if resource.adapts_id:
        add("relation", request.build_absolute_uri(resource.adapts.get_absolute_url()))
    add("rights", resource.get_licence_display() if resource.licence else "")
    for country in resource.countries.all():
        add("coverage", country.iso2)


def _list_page(arguments: dict, phase: str, after: int) -> tuple[int, list]:
    """The total and the next page: public resources by id, then the deleted records by id."""
    records, deleted = _records(arguments), _deleted_records(arguments)
    total = records.count() + deleted.count()
    page: list = []
    if phase == "records":
        page = list(selectors.with_listing_data(records.filter(id__gt=after))[:PAGE_SIZE])
        after = 0
    if len(page) < PAGE_SIZE:
        page += list(deleted.filter(id__gt=after)[: PAGE_SIZE - len(page)])
    return total, page


def _list(request, root, verb: str, arguments: dict):
    if "resumptionToken" in arguments:
        try:
            state = signing.loads(
                arguments["resumptionToken"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE
            )
            arguments = state["arguments"]
            after, cursor = int(state["after"]), int(state["cursor"])
            phase = state.get("phase", "records")
            if phase not in ("records", "deleted"):
                raise ValueError(phase)
            # Only this endpoint signs tokens, but a token from an older release (or another
            # key's signature) must still be an error, not a server error.
            if not isinstance(arguments, dict) or "metadataPrefix" not in arguments:
                raise ValueError(arguments)
            if any(NOT_XML.search(str(v)) for v in [*arguments, *arguments.values()]):
                raise ValueError(arguments)
        except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
            raise OAIError(
                "badResumptionToken", "The resumption token is not valid or has expired."
            ) from error
    else:
        after, cursor, phase = 0, 0, "records"
    _check_prefix(arguments["metadataPrefix"])
    total, page = _list_page(arguments, phase, after)
    if not page:
        if cursor:
            raise OAIError(
                "badResumptionToken", "The resumption token is not valid or has expired."
            )
        raise OAIError("noRecordsMatch", "No record matches these arguments.")
    container = _el(root, verb)
    for item in page:
        if verb == "ListIdentifiers":
            _header(container, request, item)
        else:
            record = _el(container, "record")
            _header(record, request, item)
            if not isinstance(item, DeletedRecord):
                _dublin_core(record, request, item)
    if cursor + len(page) < total:
        last = page[-1]
        token = signing.dumps(
            {
                "arguments": arguments,
                "phase": "deleted" if isinstance(last, DeletedRecord) else "records",
                "after": last.id,
                "cursor": cursor + len(page),
            },
            salt=TOKEN_SALT,
        )
        expires = timezone.now() + datetime.timedelta(seconds=TOKEN_MAX_AGE)
        _el(
            container,
            "resumptionToken",
            token,
            completeListSize=str(total),
            cursor=str(cursor),
            expirationDate=_datestamp(expires),
        )
    elif cursor:
        _el(container, "resumptionToken", "", completeListSize=str(total), cursor=str(cursor))


def _respond(request, root, verb: str, arguments: dict):
    if verb == "Identify":
        identify = _el(root, "Identify")
        _el(identify, "repositoryName", "COP Hub resource repository")
        _el(identify, "baseURL", request.build_absolute_uri("/oai"))
        _el(identify, "protocolVersion", "2.0")
        _el(identify, "adminEmail", parseaddr(settings.DEFAULT_FROM_EMAIL)[1])
        earliest = [
            selectors.public_resources().aggregate(first=Min("updated_at"))["first"],
            DeletedRecord.objects.aggregate(first=Min("deleted_at"))["first"],
        ]
        earliest = min((d for d in earliest if d), default=timezone.now())
        _el(identify, "earliestDatestamp", _datestamp(earliest))
        _el(identify, "deletedRecord", "persistent")
        _el(identify, "granularity", GRANULARITY)
    elif verb == "ListMetadataFormats":
        if "identifier" in arguments:
            _find(request, arguments["identifier"])
        formats = _el(root, "ListMetadataFormats")
        fmt = _el(formats, "metadataFormat")
        _el(fmt, "metadataPrefix", "oai_dc")
        _el(fmt, "schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
        _el(fmt, "metadataNamespace", OAI_DC)
    elif verb == "ListSets":
        if "resumptionToken" in arguments:
            raise OAIError(
                "badResumptionToken", "The list of sets comes in one answer; no token is issued."
            )
        container = _el(root, "ListSets")
        for spec, name in _sets():
            item = _el(container, "set")
            _el(item, "setSpec", spec)
            _el(item, "setName", name)
    elif verb == "GetRecord":
        _check_prefix(arguments["metadataPrefix"])
        resource = _find(request, arguments["identifier"])
        record = _el(_el(root, "GetRecord"), "record")
        _header(record, request, resource)
        if not isinstance(resource, DeletedRecord):
            _dublin_core(record, request, resource)
    else:
        _list(request, root, verb, arguments)


def _find(request, identifier: str) -> Resource | DeletedRecord:
    prefix = f"oai:{_namespace(request)}:"
    slug = identifier[len(prefix) :] if identifier.startswith(prefix) else None
    found = (
        selectors.with_listing_data(selectors.public_resources()).filter(slug=slug).first()
        or DeletedRecord.objects.filter(slug=slug).first()
        if slug
        else None
    )
    if found is None:
        raise OAIError("idDoesNotExist", f"'{identifier}' is not an identifier in this repository.")
    return found


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    params = request.POST if request.method == "POST" else request.GET
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    _el(root, "responseDate", _datestamp(timezone.now()))
    request_element = _el(root, "request", request.build_absolute_uri("/oai"))
    try:
        verb, arguments = _check_arguments(params)
        for key, value in params.items():
            request_element.set(key, value)
        _respond(request, root, verb, arguments)
    except OAIError as error:
        for child in list(root)[2:]:
            root.remove(child)
        _el(root, "error", error.message, code=error.code)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=False)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
