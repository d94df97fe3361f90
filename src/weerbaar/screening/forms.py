"""Forms of the screening pages; every one works without JavaScript and says in Dutch
what is wrong with a field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Organisation
from weerbaar.accounts.services.access import covered_area_ids
from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services.postcodes import normalise_postcode
from weerbaar.cases.services import keys
from weerbaar.core.forms import AccessibleForm
from weerbaar.screening.models import (
    ApplicationKind,
    Assessment,
    CompanyEventKind,
    FinancingSource,
    LbbDegree,
    LetterKind,
    Outcome,
    PersonRole,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _money(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_digits=12, decimal_places=2
    )


def _date(label: Any, required: bool = True, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE, **kwargs)


def municipalities(organisation: Organisation | None) -> list[Area]:
    """The municipalities the organisation screens for: those in its work area (none, when
    it has no work area: then it cannot register applications)."""
    found = Area.objects.current().filter(level=AreaLevel.GEMEENTE).order_by("name")
    return list(found.filter(pk__in=covered_area_ids(organisation)))


class ApplicationForm(AccessibleForm):
    kind = forms.ModelChoiceField(
        label=_("Soort aanvraag"),
        queryset=ApplicationKind.objects.filter(is_active=True),
        empty_label=_("Kies de soort"),
    )
    requested_decision = forms.CharField(
        label=_("Gevraagd besluit"),
        max_length=300,
        help_text=_("Bijvoorbeeld: exploitatievergunning voor café De Hoek, Grote Markt 1."),
    )
    received_on = _date(_("Aanvraag ontvangen op"))
    applicant_name = forms.CharField(label=_("Naam van de aanvrager"), max_length=200)
    applicant_is_business = forms.TypedChoiceField(
        label=_("De aanvrager is"),
        choices=[("1", _("een onderneming")), ("0", _("een persoon"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    kvk = forms.CharField(
        label=_("KvK-nummer"),
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input-short"}),
    )
    founded_on = _date(_("Ingeschreven bij de KvK op"), required=False)
    street = forms.CharField(label=_("Straat van het pand"), max_length=120)
    house_number = forms.CharField(
        label=_("Huisnummer"), max_length=12, widget=forms.TextInput(attrs={"class": "input-short"})
    )
    postcode = forms.CharField(
        label=_("Postcode"), max_length=7, widget=forms.TextInput(attrs={"class": "input-short"})
    )
    place = forms.CharField(label=_("Plaats"), max_length=80)
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Area.objects.none(), empty_label=_("Kies de gemeente")
    )
    investment = _money(_("Investering (euro)"))
    rent_per_month = _money(_("Huur per maand (euro)"))
    purchase_price = _money(_("Koopsom (euro)"))
    floor_area = forms.IntegerField(
        label=_("Oppervlakte (m²)"), required=False, min_value=1, max_value=1_000_000
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation | None = None,
        colleagues: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Area.objects.filter(  # type: ignore[attr-defined]
            pk__in=[a.pk for a in municipalities(organisation)]
        ).order_by("name")
        self.fields["team"] = forms.MultipleChoiceField(
            label=_("Andere screeningsmedewerkers die deze aanvraag mogen zien"),
            choices=[(str(u.pk), u.get_full_name() or u.username) for u in colleagues or []],
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("U zelf staat er altijd op. Alleen wie hier staat, ziet de aanvraag."),
        )

    def clean_received_on(self) -> Any:
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return value

    def clean_kvk(self) -> str:
        value = "".join(self.cleaned_data["kvk"].split()).replace(".", "")
        if value and not keys.kvk_valid(value):
            raise forms.ValidationError(
                _("Dit is geen geldig KvK-nummer (8 cijfers, met controlecijfer).")
            )
        return value

    def clean_house_number(self) -> str:
        value = self.cleaned_data["house_number"].strip()
        if keys.house_number(value) is None:
            raise forms.ValidationError(_("Vul een huisnummer in, bijvoorbeeld 12 of 12a."))
        return value

    def clean_postcode(self) -> str:
        value = normalise_postcode(self.cleaned_data["postcode"])
        if value is None:
            raise forms.ValidationError(_("Vul een postcode in zoals 9711 AB."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("applicant_is_business") and not data.get("kvk"):
            self.add_error("kvk", _("Vul het KvK-nummer van de onderneming in."))
        founded, received = data.get("founded_on"), data.get("received_on")
        if founded and received and founded > received:
            self.add_error("founded_on", _("De inschrijving ligt na de ontvangst van de aanvraag."))
        return data


class PersonForm(AccessibleForm):
    prefix = "persoon"

    role = forms.ChoiceField(label=_("Rol"), choices=PersonRole.choices)
    name = forms.CharField(label=_("Naam"), max_length=200)
    birth_date = _date(
        _("Geboortedatum"),
        required=False,
        help_text=_("Om personen met dezelfde naam uit elkaar te houden."),
    )
    since = _date(_("Vanaf"), required=False)
    until = _date(_("Tot en met"), required=False)
    share_percent = forms.IntegerField(
        label=_("Aandeel (%)"), required=False, min_value=0, max_value=100
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("Deze datum ligt voor de begindatum."))
        birth = data.get("birth_date")
        if birth and birth > timezone.localdate():
            self.add_error("birth_date", _("Deze datum ligt in de toekomst."))
        return data


class FinancingForm(AccessibleForm):
    prefix = "financiering"

    source = forms.ChoiceField(label=_("Bron"), choices=FinancingSource.choices)
    amount = forms.DecimalField(
        label=_("Bedrag (euro)"), min_value=0.01, max_digits=12, decimal_places=2
    )
    lender = forms.CharField(label=_("Verstrekker"), max_length=200, required=False)
    documented = forms.BooleanField(label=_("Aangetoond met stukken"), required=False)


class CompanyEventForm(AccessibleForm):
    prefix = "kvk"

    kind = forms.ChoiceField(label=_("Wijziging"), choices=CompanyEventKind.choices)
    date = _date(_("Datum"))


class AnswerForm(AccessibleForm):
    text = forms.CharField(
        label=_("Antwoord"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    document = forms.FileField(label=_("Document"), required=False)


class AssessmentForm(AccessibleForm):
    prefix = "beoordeling"

    choice = forms.ChoiceField(
        label=_("Uw beoordeling"), choices=Assessment.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    on = _date(_("Datum"), initial=timezone.localdate)


class DateStepForm(AccessibleForm):
    prefix = "stap"

    on = _date(_("Datum"), initial=timezone.localdate)


class LbbExtensionForm(AccessibleForm):
    prefix = "verlenging"

    weeks = forms.IntegerField(label=_("Verlenging (weken)"), min_value=1, max_value=4)


class ExtensionForm(AccessibleForm):
    prefix = "verdaging"

    weeks = forms.IntegerField(label=_("Verdagen met (weken)"), min_value=1, max_value=52)
    reasons = forms.CharField(
        label=_("Reden"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class LbbAdviceForm(AccessibleForm):
    prefix = "advies"

    degree = forms.ChoiceField(
        label=_("Mate van gevaar volgens het LBB"),
        choices=LbbDegree.choices,
        widget=forms.RadioSelect,
    )
    on = _date(_("Advies ontvangen op"), initial=timezone.localdate)
    note = forms.CharField(
        label=_("Samenvatting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IntentionForm(AccessibleForm):
    prefix = "voornemen"

    reasons = forms.CharField(
        label=_("Redenen voor het voornemen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    weeks = forms.IntegerField(
        label=_("Termijn voor de zienswijze (weken)"), min_value=1, max_value=12, initial=2
    )
    on = _date(_("Verstuurd op"), initial=timezone.localdate)


class DecisionForm(AccessibleForm):
    prefix = "besluit"

    outcome = forms.ChoiceField(
        label=_("Besluit"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    ground = forms.CharField(label=_("Grondslag"), max_length=250)
    reasons = forms.CharField(
        label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4}), max_length=6000
    )
    on = _date(_("Besloten op"), initial=timezone.localdate)


class LetterForm(AccessibleForm):
    prefix = "brief"

    kind = forms.ChoiceField(label=_("Brief"), choices=LetterKind.choices)
