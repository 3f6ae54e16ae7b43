import factory

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
    role = Role.SECRETARIAT
    is_staff = True
    is_superuser = True


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
