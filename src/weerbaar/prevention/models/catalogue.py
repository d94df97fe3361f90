"""The catalogue of interventions (the "online vindplaats"): what an intervention is, for
whom, and what recognition it has — or a plain warning when the evidence advises against
an approach. Recognition is history: every assessment is a row of its own."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Problem(models.Model):
    """A problem an intervention addresses, and the monitor indicator that shows it."""

    slug = models.SlugField(
        max_length=60, unique=True, verbose_name=_("korte naam (in het webadres)")
    )
    name = models.CharField(_("naam"), max_length=120)
    indicator_code = models.CharField(
        _("indicator in de monitor"),
        max_length=80,
        blank=True,
        help_text=_("Een gebied met een hoge waarde op deze indicator heeft dit probleem."),
    )

    class Meta:
        verbose_name = _("probleem")
        verbose_name_plural = _("problemen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.TextChoices):
    CHILDREN = "kinderen", _("Kinderen en jongeren zelf")
    PARENTS = "ouders", _("Ouders en verzorgers")
    SCHOOL = "school", _("School (leerlingen en docenten)")
    PROFESSIONALS = "professionals", _("Professionals")
    NEIGHBOURHOOD = "wijk", _("Buurt en wijk")


class Setting(models.TextChoices):
    SCHOOL = "school", _("School")
    HOME = "thuis", _("Thuis en gezin")
    STREET = "wijk", _("Straat en wijk")
    ONLINE = "online", _("Online")
    SPORTS = "sport", _("Sport en vrije tijd")
    JUSTICE = "justitie", _("Justitieel kader")
    CARE = "instelling", _("Instelling of pleeggezin")


class Level(models.TextChoices):
    """Recognition levels as the Dutch intervention databases use them (lowest first)."""

    NOT_RECOGNISED = "niet_erkend", _("Niet erkend")
    WELL_DESCRIBED = "goed_beschreven", _("Goed beschreven")
    WELL_FOUNDED = "goed_onderbouwd", _("Goed onderbouwd")
    FIRST = "effectief_eerste", _("Effectief volgens eerste aanwijzingen")
    GOOD = "effectief_goede", _("Effectief volgens goede aanwijzingen")
    STRONG = "effectief_sterke", _("Effectief volgens sterke aanwijzingen")


LEVEL_RANK = {level.value: rank for rank, level in enumerate(Level)}


class Intervention(models.Model):
    slug = models.SlugField(
        max_length=80, unique=True, verbose_name=_("korte naam (in het webadres)")
    )
    name = models.CharField(_("naam"), max_length=160)
    summary = models.TextField(_("korte beschrijving"), max_length=1000)
    target_group = models.CharField(_("doelgroep"), max_length=20, choices=TargetGroup.choices)
    age_min = models.PositiveIntegerField(
        _("leeftijd vanaf"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    age_max = models.PositiveIntegerField(
        _("leeftijd tot en met"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    goal = models.TextField(_("doel"), max_length=1000)
    method = models.TextField(_("werkwijze"), max_length=2000, blank=True)
    setting = models.CharField(_("setting"), max_length=20, choices=Setting.choices)
    duration = models.CharField(_("duur"), max_length=120, blank=True)
    cost = models.CharField(_("kostenindicatie"), max_length=120, blank=True)
    provider = models.CharField(_("aanbieder"), max_length=160, blank=True)
    source = models.CharField(
        _("bron van deze beschrijving"),
        max_length=300,
        help_text=_("Waar de feiten in deze beschrijving vandaan komen."),
    )
    problems = models.ManyToManyField(Problem, blank=True, verbose_name=_("problemen"))
    warning = models.TextField(
        _("waarschuwing"),
        blank=True,
        max_length=1000,
        help_text=_("Leeg, of waarom het onderzoek afraadt om dit zo te doen."),
    )
    is_active = models.BooleanField(_("tonen"), default=True)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("gewijzigd op"))

    class Meta:
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def ages(self) -> str:
        if self.age_min is None and self.age_max is None:
            return ""
        if self.age_max is None:
            return f"vanaf {self.age_min} jaar"
        if self.age_min is None:
            return f"tot en met {self.age_max} jaar"
        return f"{self.age_min}–{self.age_max} jaar"

    def current_recognition(self) -> Recognition | None:
        """The row the source marks as preferred, else the newest dated one."""
        items = list(self.recognitions.all())
        preferred = [r for r in items if r.preferred]
        if preferred:
            return preferred[0]
        dated = [(r.date, r) for r in items if r.date is not None]
        if dated:
            return max(dated, key=lambda pair: pair[0])[1]
        return items[0] if items else None


class Recognition(models.Model):
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.CASCADE,
        related_name="recognitions",
        verbose_name=_("interventie"),
    )
    committee = models.CharField(_("erkenningscommissie"), max_length=200, blank=True)
    level = models.CharField(_("niveau"), max_length=30, choices=Level.choices, blank=True)
    level_text = models.CharField(
        _("niveau zoals de bron het noemt"),
        max_length=500,
        blank=True,
        help_text=_("Letterlijk; ook als het niet in één niveau past (per uitkomstmaat)."),
    )
    date = models.DateField(_("datum besluit"), null=True, blank=True)
    date_text = models.CharField(_("datum zoals de bron die noemt"), max_length=200, blank=True)
    outcome = models.CharField(_("gemeten uitkomst"), max_length=400, blank=True)
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    source_url = models.URLField(_("bron"), max_length=500, blank=True)
    preferred = models.BooleanField(
        _("voorkeursrij"),
        default=False,
        help_text=_("De rij die de bron als de geldende aanwijst, als er meer zijn."),
    )

    class Meta:
        verbose_name = _("erkenning")
        verbose_name_plural = _("erkenningen")
        ordering = ["-preferred", "-date"]

    def __str__(self) -> str:
        year = f", {self.date:%Y}" if self.date else ""
        return f"{self.shown_level} ({self.committee}{year})"

    @property
    def shown_level(self) -> str:
        return str(self.get_level_display()) if self.level else self.level_text

    @property
    def shown_date(self) -> str:
        return self.date.strftime("%d-%m-%Y") if self.date else self.date_text


class EvidenceWarning(models.Model):
    """What research says against an approach, with its source (``weerbaar import
    interventies``); shown in the catalogue and on a matching intervention's page."""

    topic = models.CharField(_("onderwerp"), max_length=80)
    subject = models.CharField(_("aanpak of interventie"), max_length=300)
    finding = models.TextField(_("bevinding"), max_length=2000)
    date_text = models.CharField(_("datum van de bron"), max_length=80, blank=True)
    source_url = models.URLField(_("bron"), max_length=500)
    source_type = models.CharField(_("soort bron"), max_length=200, blank=True)
    intervention = models.ForeignKey(
        Intervention,
        verbose_name=_("interventie in de catalogus"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence_warnings",
    )

    class Meta:
        verbose_name = _("waarschuwing uit onderzoek")
        verbose_name_plural = _("waarschuwingen uit onderzoek")
        ordering = ["topic", "pk"]

    def __str__(self) -> str:
        return self.subject
