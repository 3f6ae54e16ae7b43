"""Demo accounts for a local `make run`: one per role, and requests waiting for the secretariat."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from cophub.core.models import Country, Organisation

from .models import AccountRequest, Role, User
from .permissions import is_secretariat
from .security import code_accepted_now, hex_key

DEMO_PASSWORD = "cophub-demo-2026"  # noqa: S105 - printed for the local demo; loaddemo refuses production
# The secretariat signs in with a code too: the demo account's authenticator key is published, so
# that anyone trying the demo can add it to an app (or compute the code) and reach the admin.
DEMO_SECRETARIAT_EMAIL = "secretariat@demo.cophub.invalid"
DEMO_TOTP_SECRET = "COPHUBDEMOSECRETFORLOCALUSEONLY2"  # noqa: S105 - as above

DEMO_USERS = [
    {"email": DEMO_SECRETARIAT_EMAIL, "full_name": "Amina Diallo", "role": Role.SECRETARIAT, "is_superuser": True},
    {"email": "delegate.ke@demo.cophub.invalid", "full_name": "Wanjiru Kamau", "role": Role.MEMBER_STATE, "country": "KE"},
    {"email": "delegate.sa@demo.cophub.invalid", "full_name": "Faisal Al-Harbi", "role": Role.MEMBER_STATE, "country": "SA", "preferred_language": "ar"},
    {"email": "member.iwf@demo.cophub.invalid", "full_name": "Sophie Martin", "role": Role.STAKEHOLDER, "organisation": "iwf", "preferred_language": "fr"},
]  # fmt: skip

DEMO_REQUESTS = [
    {"email": "delegate.br@demo.cophub.invalid", "full_name": "Lucas Pereira", "role": Role.MEMBER_STATE, "country": "BR", "position": "Adviser, Ministry of Communications", "preferred_language": "es"},
    {"email": "delegate.cn@demo.cophub.invalid", "full_name": "王丽", "role": Role.MEMBER_STATE, "country": "CN", "position": "Deputy Director", "preferred_language": "zh"},
    {"email": "policy@demo-telecom.invalid", "full_name": "Olga Petrova", "role": Role.SECTOR_MEMBER, "organisation_name": "Demo Telecom (demo data)", "position": "Head of trust and safety", "preferred_language": "ru"},
]  # fmt: skip


def _resolve(fields: dict) -> dict:
    fields = dict(fields)
    if "country" in fields:
        fields["country"] = Country.objects.get(iso2=fields["country"])
    if "organisation" in fields:
        fields["organisation"] = Organisation.objects.get(code=fields["organisation"])
    return fields


def load_demo(*, stdout) -> None:
    for fields in DEMO_USERS:
        fields = _resolve(fields)
        email = fields.pop("email")
        if not User.objects.filter(email=email).exists():
            user = User.objects.create_user(email, DEMO_PASSWORD, **fields)
            if is_secretariat(user):
                TOTPDevice.objects.create(
                    user=user, name="demo", key=hex_key(DEMO_TOTP_SECRET), confirmed=True
                )
    for fields in DEMO_REQUESTS:
        if not AccountRequest.objects.filter(email=fields["email"]).exists():
            AccountRequest.objects.create(**_resolve(fields))
    stdout.write(
        f"Demo accounts (password {DEMO_PASSWORD}): " + ", ".join(u["email"] for u in DEMO_USERS)
    )
    stdout.write(
        f"The secretariat account also asks for a code: add the key {DEMO_TOTP_SECRET} to an "
        "authenticator app, or run `cophub democode` for the code it accepts now."
    )


def demo_code() -> str:
    """The code the demo secretariat account accepts now (`cophub democode`)."""
    device = TOTPDevice.objects.filter(
        user__email=DEMO_SECRETARIAT_EMAIL, name="demo", confirmed=True
    ).first()
    if device is None:
        raise LookupError("The demo data is not loaded: run `cophub loaddemo` first.")
    return code_accepted_now(device)
