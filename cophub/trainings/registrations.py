"""What the trainings module adds to core's shared interfaces: what serves the mandate."""

from django.utils.translation import gettext_lazy

from cophub.core import mandate, navigation

# Resolution 179: resolves 5 (capacity building), instructs BDT 9 (training for the groups
# around children), invites Member States 4-6 (awareness, training of parents, educators and
# industry, and of children themselves).
MANDATE = ("R179/RES/5", "R179/BDT/9", "R179/MS/4", "R179/MS/5", "R179/MS/6")


def register_all() -> None:
    navigation.register(
        navigation.NavEntry(
            url_name="trainings:list",
            label=gettext_lazy("Trainings"),
            order=65,
            description=gettext_lazy(
                "Trainings on child online protection for policymakers, educators, parents, "
                "industry and young people, on site or online."
            ),
        )
    )
    mandate.register_feature(
        mandate.MandateFeature(
            key="trainings",
            label=gettext_lazy("Trainings and capacity building"),
            description=gettext_lazy(
                "Dated trainings for policymakers, educators, parents, industry and young "
                "people, in their language, on site or online; a Member State's delegate asks "
                "for one and the secretariat plans it."
            ),
            url_name="trainings:list",
            paragraphs=MANDATE,
        )
    )
