"""schema.org descriptions of documents and meetings, embedded in their pages as JSON-LD."""

from django.urls import reverse


def _organisation(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def document(document, request) -> dict:
    authors = [
        {"@type": "Country", "name": c.name, "identifier": c.iso2} for c in document.countries.all()
    ]
    authors += [_organisation(o.name) for o in document.organisations.all()]
    if document.secretariat_source:
        authors.append(_organisation("ITU"))
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": request.build_absolute_uri(reverse("workgroup:document", args=[document.slug])),
        "identifier": document.number,
        "name": document.title,
        "description": document.abstract,
        "inLanguage": [file.language for file in document.files.all()],
        "datePublished": document.registered_at.date().isoformat()
        if document.registered_at
        else None,
        "author": authors,
        "isPartOf": {"@type": "Event", "name": document.meeting.code},
        "encoding": [
            {
                "@type": "MediaObject",
                "inLanguage": file.language,
                "encodingFormat": file.kind,
                "contentSize": file.size,
                "contentUrl": request.build_absolute_uri(
                    reverse("workgroup:document-file", args=[document.slug, file.language])
                ),
            }
            for file in document.files.all()
        ],
    }
    if document.status == "withdrawn":
        data["creativeWorkStatus"] = "Withdrawn"
    return data


def meeting(meeting, request) -> dict:
    location = (
        {"@type": "VirtualLocation", "url": request.build_absolute_uri()}
        if meeting.online and not meeting.place
        else {"@type": "Place", "name": meeting.place}
    )
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": request.build_absolute_uri(reverse("workgroup:meeting", args=[meeting.code])),
        "name": f"{meeting.code}: {meeting.group.name}",
        "identifier": meeting.code,
        "startDate": meeting.starts_on.isoformat(),
        "endDate": meeting.ends_on.isoformat(),
        "eventAttendanceMode": "https://schema.org/"
        + (
            "MixedEventAttendanceMode"
            if meeting.online and meeting.place
            else "OnlineEventAttendanceMode"
            if meeting.online
            else "OfflineEventAttendanceMode"
        ),
        "location": location,
        "organizer": _organisation(meeting.group.name),
    }
