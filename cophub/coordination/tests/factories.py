import datetime

from cophub.accounts.permissions import SYSTEM
from cophub.coordination import services
from cophub.coordination.models import Activity


def make_activity(**overrides) -> Activity:
    fields = {
        "organisation": "bdt",
        "kind": Activity.Kind.CAMPAIGN,
        "titles": {"en": "Cyberbullying awareness campaign in Kenyan schools"},
        "descriptions": {
            "en": "Posters and assemblies on online bullying for pupils and teachers."
        },
        "original_language": "en",
        "starts_on": datetime.date(2025, 2, 1),
        "ends_on": datetime.date(2025, 11, 30),
        "countries": ["KE"],
    }
    fields = {"created_by": SYSTEM, **fields, **overrides}
    return services.record_activity(**fields)
