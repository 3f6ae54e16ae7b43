import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from cophub.accounts.models import AccountRequest, Role, User
from cophub.core.models import Country, Organisation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    role = Role.PUBLIC
    password = factory.PostGenerationMethodCall("set_password", "a long and safe passphrase")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SecretariatFactory(UserFactory):
    """A secretariat account with its confirmed TOTP device, which the account must have.

    The device is also left on the instance as `otp_device`, as django-otp's OTP-aware forms leave
    it, so that `client.force_login(user)` gives a session that has passed both steps of signing
    in. `SecretariatFactory(otp=False)` makes an account that has not set up its device yet.
    """

    role = Role.SECRETARIAT
    is_staff = True
    is_superuser = True

    @factory.post_generation
    def otp(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            with_verified_device(obj)


def with_verified_device(user):
    """Give `user` a confirmed TOTP device and leave it on the instance, so that
    `client.force_login(user)` gives a session that has passed both steps of signing in."""
    user.otp_device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


class DelegateFactory(UserFactory):
    role = Role.MEMBER_STATE
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="KE"))


class AccountRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountRequest

    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    full_name = factory.Faker("name")
    role = Role.MEMBER_STATE
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="FR"))
    position = "Counsellor"


def organisation(code="iwf"):
    return Organisation.objects.get(code=code)
