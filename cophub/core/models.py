"""Reference data shared by every module: regions, countries, organisations and the mandate."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """One of the six regions the ITU Telecommunication Development Sector works in."""

    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("ITU region")
        verbose_name_plural = _("ITU regions")

    def __str__(self):
        return self.name


class Country(models.Model):
    """An ISO 3166-1 country or territory; names come from CLDR in the six languages."""

    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, primary_key=True)
    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166-1 numeric"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    itu_member = models.BooleanField(_("ITU Member State"), default=False)
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="countries",
        verbose_name=_("ITU region"),
    )
    # Resolution 179's footnote on developing countries (to RES/2) names four groups: least
    # developed countries, small island developing States, landlocked developing countries and
    # countries with economies in transition.
    ldc = models.BooleanField(_("least developed country"), default=False)
    sids = models.BooleanField(_("small island developing State"), default=False)
    lldc = models.BooleanField(_("landlocked developing country"), default=False)
    transition_economy = models.BooleanField(_("economy in transition"), default=False)

    class Meta:
        ordering = ["iso2"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso2__regex=r"^[A-Z]{2}$"), name="country_iso2_upper"
            ),
        ]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A body that takes part in COP work: the Union and its parts, UN agencies, partners."""

    class Kind(models.TextChoices):
        ITU = "itu", _("International Telecommunication Union")
        ITU_SECTOR = "itu_sector", _("ITU Sector")
        ITU_BUREAU = "itu_bureau", _("ITU Bureau")
        ITU_GENERAL_SECRETARIAT = "itu_general_secretariat", _("ITU General Secretariat")
        UN_AGENCY = "un_agency", _("UN agency or office")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organisation")
        PARTNER = "partner", _("Partner organisation")
        SECTOR_MEMBER = "sector_member", _("ITU Sector Member")
        STAKEHOLDER = "stakeholder", _("Stakeholder organisation")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("part of"),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


# Where the Arabic texts in data/mandate.json come from (see data/SOURCES.md).
SOURCE_DOCUMENTS = {"R1306": "C24/140-A", "R179": "EUR/44A18/1"}


class MandateParagraph(models.Model):
    """An operative paragraph of Council Resolution 1306 or Plenipotentiary Resolution 179.

    Every module's records point at the paragraphs they serve, so that each request of the
    two resolutions can be followed to what was done about it.
    """

    class Resolution(models.TextChoices):
        R1306 = "R1306", _("Council Resolution 1306")
        R179 = "R179", _("Plenipotentiary Resolution 179")

    code = models.CharField(_("code"), max_length=30, unique=True)
    resolution = models.CharField(_("resolution"), max_length=8, choices=Resolution.choices)
    section = models.CharField(_("section"), max_length=12)
    number = models.CharField(_("paragraph number"), max_length=10)
    order = models.PositiveSmallIntegerField(_("order"))
    heading = models.CharField(_("heading"), max_length=250)
    title = models.CharField(_("short title"), max_length=250)
    # The paragraph as the source document has it (`source_text`), and its clean text in the six
    # languages (`text_ar`, ...): in Resolution 179 the source is proposal EUR/44A18/1 with its
    # revision marks flattened, which the clean text resolves (data/r179-doublets.csv).
    text = models.TextField(_("text"))
    source_text = models.TextField(_("text as found in the source"), blank=True)
    text_language = models.CharField(_("language of the source text"), max_length=5, default="ar")

    class Meta:
        ordering = ["resolution", "order"]
        verbose_name = _("mandate paragraph")
        verbose_name_plural = _("mandate paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["resolution", "order"], name="mandate_order_unique"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def source_document(self) -> str:
        """The ITU document the text comes from: Council document or proposal to PP-22."""
        return SOURCE_DOCUMENTS[self.resolution]

    @property
    def has_revision_marks(self) -> bool:
        """Whether the source text carries revision marks that the clean text resolves."""
        return self.source_text != getattr(self, f"text_{self.text_language}")

    @property
    def slug(self) -> str:
        """The code as it stands in URLs: `R179/BDT/5` is written `R179-BDT-5`."""
        return self.code.replace("/", "-")


def mandate_field(**kwargs):
    """The many-to-many field through which any module's record names the paragraphs it serves."""
    return models.ManyToManyField(
        MandateParagraph,
        blank=True,
        related_name="+",
        verbose_name=_("mandate paragraphs served"),
        **kwargs,
    )
