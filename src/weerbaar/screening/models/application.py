"""A screened application (permit, subsidy, tender, real-estate transaction) and the data
about it: the applicant, the premises, the persons in its structure, the financing and the
company's history. Persons' data are criminal-law (special-category) data: only the named
screening staff of the owning organisation see an application at all."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.core.append_only import AppendOnlyMixin


def normal_name(name: str) -> str:
    """Case, accents, dots and spacing do not make another person."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace(".", " ").split())


class State(models.TextChoices):
    SCREENING = "screening", _("eigen onderzoek")
    INFO_REQUESTED = "aanvulling", _("aanvulling gevraagd")
    LBB = "lbb", _("advies LBB gevraagd")
    HEARING = "zienswijze", _("voornemen tot weigeren (zienswijze)")
    DECIDED = "besloten", _("besloten")
    WITHDRAWN = "ingetrokken", _("aanvraag ingetrokken")


class Assessment(models.TextChoices):
    NONE = "geen", _("geen aanwijzingen")
    QUESTIONS = "vragen", _("aanwijzingen: nadere vragen stellen")
    LBB = "lbb", _("advies vragen aan het Landelijk Bureau Bibob")


class LbbDegree(models.TextChoices):
    NONE = "geen", _("geen mate van gevaar")
    LESSER = "mindere", _("mindere mate van gevaar")
    SERIOUS = "ernstig", _("ernstig gevaar")


class Outcome(models.TextChoices):
    GRANTED = "verleend", _("verleend")
    CONDITIONS = "voorschriften", _("verleend met voorschriften")
    REFUSED = "geweigerd", _("geweigerd")
    WITHDRAWN = "ingetrokken", _("aanvraag ingetrokken")


class Application(models.Model):
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    kind = models.ForeignKey(
        "screening.ApplicationKind", verbose_name=_("soort"), on_delete=models.PROTECT
    )
    questionnaire = models.ForeignKey(
        "screening.Questionnaire", on_delete=models.PROTECT, related_name="+"
    )
    applicant_name = models.CharField(_("aanvrager"), max_length=200)
    applicant_is_business = models.BooleanField(_("aanvrager is een onderneming"), default=True)
    kvk = models.CharField(_("KvK-nummer"), max_length=8, blank=True, db_index=True)
    founded_on = models.DateField(_("ingeschreven bij de KvK op"), null=True, blank=True)
    premises = models.ForeignKey(
        "cases.Subject",
        verbose_name=_("pand"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    business = models.ForeignKey(
        "cases.Subject",
        verbose_name=_("onderneming (object)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "areas.Area", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    requested_decision = models.CharField(_("gevraagd besluit"), max_length=300)
    received_on = models.DateField(_("ontvangen op"))
    extended_weeks = models.PositiveSmallIntegerField(_("besluit verdaagd (weken)"), default=0)
    investment = models.DecimalField(
        _("investering (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    rent_per_month = models.DecimalField(
        _("huur per maand (euro)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    purchase_price = models.DecimalField(
        _("koopsom (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    floor_area = models.PositiveIntegerField(_("oppervlakte (m²)"), null=True, blank=True)
    state = models.CharField(
        _("fase"), max_length=20, choices=State.choices, default=State.SCREENING
    )
    assessment = models.CharField(
        _("beoordeling"), max_length=10, choices=Assessment.choices, blank=True
    )
    lbb_requested_on = models.DateField(_("advies LBB gevraagd op"), null=True, blank=True)
    lbb_extension_weeks = models.PositiveSmallIntegerField(
        _("verlenging adviestermijn LBB (weken)"), default=0
    )
    lbb_advice_on = models.DateField(_("advies LBB ontvangen op"), null=True, blank=True)
    lbb_degree = models.CharField(
        _("mate van gevaar (LBB)"), max_length=10, choices=LbbDegree.choices, blank=True
    )
    hearing_sent_on = models.DateField(_("voornemen verstuurd op"), null=True, blank=True)
    hearing_weeks = models.PositiveSmallIntegerField(_("termijn zienswijze (weken)"), default=2)
    hearing_reasons = models.TextField(_("redenen voornemen"), blank=True)
    outcome = models.CharField(_("besluit"), max_length=15, choices=Outcome.choices, blank=True)
    decision_ground = models.CharField(_("grondslag"), max_length=250, blank=True)
    decision_reasons = models.TextField(_("motivering"), blank=True)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("bestuursorgaan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("screeningsmedewerkers"),
        related_name="+",
        help_text=_("Alleen deze medewerkers zien de aanvraag en de gegevens van personen."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    purged_at = models.DateTimeField(_("persoonsgegevens verwijderd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("Bibob-aanvraag")
        verbose_name_plural = _("Bibob-aanvragen")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.reference} {self.applicant_name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("screening:application", args=[self.pk])

    # access: the owner organisation only, and within it only the named team
    owner_only = True

    def restricted_user_ids(self) -> set[int]:
        return set(self.team.values_list("pk", flat=True))

    def scope_area_ids(self) -> Iterable[int]:
        return [self.municipality_id]


class PersonRole(models.TextChoices):
    DIRECTOR = "bestuurder", _("bestuurder")
    SHAREHOLDER = "aandeelhouder", _("aandeelhouder")
    FINANCIER = "financier", _("financier")
    LANDLORD = "verhuurder", _("verhuurder")
    MANAGER = "leidinggevende", _("leidinggevende")


class Person(models.Model):
    """Someone in the applicant's structure. Only name, date of birth (to tell people
    apart), role and period: no BSN, no other personal data."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="persons")
    role = models.CharField(_("rol"), max_length=20, choices=PersonRole.choices)
    name = models.CharField(_("naam"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    since = models.DateField(_("vanaf"), null=True, blank=True)
    until = models.DateField(_("tot en met"), null=True, blank=True)
    share_percent = models.PositiveSmallIntegerField(_("aandeel (%)"), null=True, blank=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["role", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name_key = normal_name(self.name)
        super().save(*args, **kwargs)


class FinancingSource(models.TextChoices):
    OWN = "eigen", _("eigen middelen")
    BANK = "bank", _("lening van een bank")
    LOAN = "lening", _("andere lening")
    GIFT = "schenking", _("schenking")
    CASH = "contant", _("contant geld")


class FinancingLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="financing")
    source = models.CharField(_("bron"), max_length=10, choices=FinancingSource.choices)
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=12, decimal_places=2)
    lender = models.CharField(_("verstrekker"), max_length=200, blank=True)
    documented = models.BooleanField(
        _("aangetoond"), default=False, help_text=_("Met bankafschrift, leningsovereenkomst e.d.")
    )

    class Meta:
        verbose_name = _("financieringsbron")
        verbose_name_plural = _("financiering")
        ordering = ["-amount"]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.amount}"


class CompanyEventKind(models.TextChoices):
    DIRECTOR = "bestuurder", _("wisseling van bestuurder")
    ADDRESS = "adres", _("adreswijziging")


class CompanyEvent(models.Model):
    """A change in the Chamber of Commerce register, as entered from the extract."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="company_events"
    )
    kind = models.CharField(_("soort"), max_length=12, choices=CompanyEventKind.choices)
    date = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("wijziging KvK")
        verbose_name_plural = _("wijzigingen KvK")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d-%m-%Y}"


class SuspensionKind(models.TextChoices):
    INFO = "aanvulling", _("aanvulling gevraagd (art. 4:15 Awb)")
    LBB_QUESTIONS = "lbb-vragen", _("aanvrager beantwoordt vragen van het LBB")


class Suspension(models.Model):
    """A period in which the decision period stands still (besides the LBB advice itself,
    which is on the application)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="suspensions"
    )
    kind = models.CharField(_("soort"), max_length=12, choices=SuspensionKind.choices)
    start = models.DateField(_("vanaf"))
    end = models.DateField(_("tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("opschorting")
        verbose_name_plural = _("opschortingen")
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} vanaf {self.start:%d-%m-%Y}"


class Event(AppendOnlyMixin):
    """The application's timeline: who did what, when; never changed."""

    append_only_noun = "Tijdlijnregels"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30)
    text = models.TextField()
    snapshot = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
