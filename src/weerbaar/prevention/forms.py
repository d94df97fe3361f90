"""Forms of the prevention pages. Every check a user can fail is here, in Dutch."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services import postcodes
from weerbaar.core.forms import AccessibleForm
from weerbaar.prevention.models import Bus, OrganisationKind, PartyRole, RequestState
from weerbaar.prevention.services.bookings import WindowInput

WINDOW_ROWS = 3
VISIT_CHOICES = [
    (60, _("1 uur")),
    (90, _("1,5 uur")),
    (120, _("2 uur")),
    (180, _("3 uur")),
    (240, _("4 uur")),
]
WEEKDAYS = [
    (0, _("maandag")),
    (1, _("dinsdag")),
    (2, _("woensdag")),
    (3, _("donderdag")),
    (4, _("vrijdag")),
    (5, _("zaterdag")),
    (6, _("zondag")),
]


def municipality_choices() -> list[tuple[str, Any]]:
    return [
        ("", _("Kies de gemeente")),
        *Area.objects.current()
        .filter(level=AreaLevel.GEMEENTE)
        .order_by("name")
        .values_list("code", "name"),
    ]


class WindowsMixin:
    """Up to three rows of date + from + until; a row is used when any part is filled."""

    prefix_label = _("Moment")

    def add_window_fields(self, rows: int, required_rows: int) -> None:
        fields: Any = self.fields  # type: ignore[attr-defined]
        for row in range(1, rows + 1):
            required = row <= required_rows
            fields[f"datum_{row}"] = forms.DateField(
                label=_("Datum %(n)s") % {"n": row},
                required=required,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            fields[f"van_{row}"] = forms.TimeField(
                label=_("Vanaf (uur) %(n)s") % {"n": row},
                required=required,
                widget=forms.TimeInput(attrs={"type": "time"}),
            )
            fields[f"tot_{row}"] = forms.TimeField(
                label=_("Tot (uur) %(n)s") % {"n": row},
                required=required,
                widget=forms.TimeInput(attrs={"type": "time"}),
            )
        self.window_rows = rows

    def window_rows_bound(self) -> list[tuple[Any, Any, Any]]:
        form: Any = self
        return [
            (form[f"datum_{row}"], form[f"van_{row}"], form[f"tot_{row}"])
            for row in range(1, self.window_rows + 1)
        ]

    def clean_windows(self, data: dict[str, Any], minimum_minutes: int) -> list[WindowInput]:
        form: Any = self
        windows = []
        today = timezone.localdate()
        for row in range(1, self.window_rows + 1):
            date, start, end = (
                data.get(f"datum_{row}"),
                data.get(f"van_{row}"),
                data.get(f"tot_{row}"),
            )
            if not any((date, start, end)):
                continue
            if not (date and start and end):
                for name, value in (
                    (f"datum_{row}", date),
                    (f"van_{row}", start),
                    (f"tot_{row}", end),
                ):
                    if not value and name not in form.errors:
                        form.add_error(name, _("Vul datum, begin- en eindtijd allemaal in."))
                continue
            if date <= today:
                form.add_error(f"datum_{row}", _("Kies een datum na vandaag."))
                continue
            if date > today + dt.timedelta(days=366):
                form.add_error(f"datum_{row}", _("Kies een datum binnen een jaar."))
                continue
            length = (
                dt.datetime.combine(date, end) - dt.datetime.combine(date, start)
            ).seconds // 60
            if end <= start:
                form.add_error(f"tot_{row}", _("De eindtijd moet na de begintijd liggen."))
            elif length < minimum_minutes:
                form.add_error(
                    f"tot_{row}",
                    _("Dit tijdvak (%(have)s min) is korter dan het bezoek (%(need)s min).")
                    % {"have": length, "need": minimum_minutes},
                )
            else:
                windows.append(WindowInput(date, start, end))
        return windows


class BusRequestForm(WindowsMixin, AccessibleForm):
    organisation_name = forms.CharField(label=_("Naam van uw organisatie"), max_length=160)
    organisation_kind = forms.ChoiceField(
        label=_("Soort organisatie"), choices=OrganisationKind.choices, widget=forms.RadioSelect
    )
    street = forms.CharField(label=_("Straat en huisnummer waar de bus kan staan"), max_length=160)
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "input-short"}),
    )
    place = forms.CharField(
        label=_("Plaats"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    municipality_code = forms.ChoiceField(label=_("Gemeente"))
    audience = forms.CharField(
        label=_("Voor wie is het bezoek?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: ouders van leerlingen uit groep 8 en de brugklas."),
    )
    expected_visitors = forms.IntegerField(
        label=_("Hoeveel bezoekers verwacht u?"), min_value=1, max_value=5000
    )
    visit_minutes = forms.TypedChoiceField(
        label=_("Hoe lang moet de bus er zijn?"), choices=VISIT_CHOICES, coerce=int, initial=120
    )
    contact_name = forms.CharField(
        label=_("Uw naam"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    contact_email = forms.EmailField(
        label=_("Uw e-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    contact_phone = forms.CharField(
        label=_("Uw telefoonnummer"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    listed_publicly = forms.BooleanField(
        label=_("De naam van onze organisatie mag bij het bezoek op de website staan"),
        required=False,
    )
    remarks = forms.CharField(
        label=_("Opmerkingen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["municipality_code"]
        field.choices = municipality_choices()
        self.add_window_fields(WINDOW_ROWS, 1)

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip().upper().replace(" ", "")
        if postcodes.pc4(value) is None or len(value) not in (4, 6):
            raise forms.ValidationError(_("Vul een postcode in zoals 9712 AB."))
        return f"{value[:4]} {value[4:]}".strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        minutes = int(data.get("visit_minutes") or 0)
        self.windows = self.clean_windows(data, minutes)
        if not self.windows and not any(
            name.startswith(("datum_", "van_", "tot_")) for name in self.errors
        ):
            self.add_error("datum_1", _("Geef minstens één datum met tijdvak op."))
        postcode = data.get("postcode")
        code = data.get("municipality_code")
        if postcode and code:
            found = postcodes.municipality_for(postcode)
            if found is not None and found.code != code:
                self.add_error(
                    "municipality_code",
                    _(
                        "Postcode %(postcode)s ligt in %(name)s. Kies die gemeente of controleer de postcode."
                    )
                    % {"postcode": postcode, "name": found.name},
                )
        return data

    def request_fields(self) -> dict[str, object]:
        names = [
            "organisation_name",
            "organisation_kind",
            "street",
            "postcode",
            "place",
            "municipality_code",
            "audience",
            "expected_visitors",
            "visit_minutes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "listed_publicly",
            "remarks",
        ]
        fields = {name: self.cleaned_data[name] for name in names}
        code = fields.pop("municipality_code")
        fields["municipality"] = Area.objects.current().get(level=AreaLevel.GEMEENTE, code=code)
        return fields


class DecisionForm(WindowsMixin, AccessibleForm):
    state = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (RequestState.ACCEPTED, _("Accepteren op een van de gevraagde momenten")),
            (RequestState.RESCHEDULED, _("Accepteren op een ander moment (vul dat hieronder in)")),
            (RequestState.DECLINED, _("Afwijzen")),
            (RequestState.DONE, _("De bus is geweest")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Bericht aan de aanvrager"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De aanvrager leest dit op de statuspagina. Verplicht bij afwijzen."),
    )

    def __init__(self, *args: Any, visit_minutes: int = 60, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visit_minutes = visit_minutes
        self.add_window_fields(2, 0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.windows = self.clean_windows(data, self.visit_minutes)
        if data.get("state") == RequestState.RESCHEDULED and not self.windows and not self.errors:
            self.add_error("datum_1", _("Geef het nieuwe moment op."))
        if data.get("state") == RequestState.DECLINED and not (data.get("message") or "").strip():
            self.add_error("message", _("Schrijf de aanvrager waarom de aanvraag is afgewezen."))
        return data


class PositionForm(AccessibleForm):
    latitude = forms.DecimalField(
        label=_("Breedtegraad"),
        min_value=50,
        max_value=54,
        decimal_places=6,
        max_digits=9,
        localize=True,
    )
    longitude = forms.DecimalField(
        label=_("Lengtegraad"),
        min_value=3,
        max_value=8,
        decimal_places=6,
        max_digits=9,
        localize=True,
    )


class PlanForm(AccessibleForm):
    bus = forms.ModelChoiceField(
        label=_("Bus"), queryset=Bus.objects.filter(is_active=True), empty_label=None
    )
    first_day = forms.DateField(
        label=_("Eerste dag"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(
        label=_("Laatste dag"), widget=forms.DateInput(attrs={"type": "date"})
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Rijdagen"),
        choices=WEEKDAYS,
        coerce=int,
        initial=[0, 1, 2, 3, 4],
        widget=forms.CheckboxSelectMultiple,
    )
    excluded = forms.CharField(
        label=_("Dagen zonder bus"),
        required=False,
        help_text=_("Datums als 2027-04-27, gescheiden door komma's (bijvoorbeeld feestdagen)."),
    )
    priority_indicator = forms.ChoiceField(
        label=_("Voorrang voor gebieden van zorg"),
        required=False,
        help_text=_(
            "Aanvragen uit gemeenten die op deze indicator ongunstig scoren, vallen het laatst af."
        ),
    )
    priority_percentile = forms.IntegerField(
        label=_("Gebied van zorg vanaf percentiel"), min_value=1, max_value=99, initial=75
    )

    def __init__(
        self, *args: Any, indicators: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["priority_indicator"]
        field.choices = [("", _("Geen voorrang")), *(indicators or [])]

    def clean_excluded(self) -> list[dt.date]:
        days = []
        for part in self.cleaned_data["excluded"].replace(";", ",").split(","):
            if not part.strip():
                continue
            try:
                days.append(dt.date.fromisoformat(part.strip()))
            except ValueError:
                raise forms.ValidationError(
                    _("'%(part)s' is geen datum als 2027-04-27.") % {"part": part.strip()}
                ) from None
        return days

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("De laatste dag ligt vóór de eerste."))
        elif first and last and (last - first).days >= 92:
            self.add_error("last_day", _("Plan hoogstens 92 dagen tegelijk."))
        if not data.get("weekdays") and "weekdays" not in self.errors:
            self.add_error("weekdays", _("Kies minstens één rijdag."))
        return data


PARTY_ROWS = 6


class CovenantForm(AccessibleForm):
    title = forms.CharField(label=_("Titel"), max_length=200)
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=Area.objects.none())
    signed_on = forms.DateField(
        label=_("Ondertekend op"), widget=forms.DateInput(attrs={"type": "date"})
    )
    review_on = forms.DateField(
        label=_("Evalueren op"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Loopt tot"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    scope = forms.CharField(
        label=_("Afspraken en reikwijdte"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    contact = forms.CharField(label=_("Contactpersoon gemeente"), max_length=160, required=False)

    def __init__(self, *args: Any, municipalities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["municipality"]
        field.queryset = municipalities if municipalities is not None else Area.objects.none()
        for row in range(1, PARTY_ROWS + 1):
            self.fields[f"partij_{row}"] = forms.CharField(
                label=_("Partij %(n)s: naam") % {"n": row}, max_length=160, required=False
            )
            self.fields[f"rol_{row}"] = forms.ChoiceField(
                label=_("Partij %(n)s: rol") % {"n": row},
                choices=[("", "—"), *PartyRole.choices],
                required=False,
            )

    def party_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"partij_{row}"], self[f"rol_{row}"]) for row in range(1, PARTY_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        signed, review, ends = data.get("signed_on"), data.get("review_on"), data.get("ends_on")
        if signed and review and review <= signed:
            self.add_error("review_on", _("De evaluatie ligt na de ondertekening."))
        if signed and ends and ends <= signed:
            self.add_error("ends_on", _("De einddatum ligt na de ondertekening."))
        self.parties: list[tuple[str, str]] = []
        for row in range(1, PARTY_ROWS + 1):
            name, role = (data.get(f"partij_{row}") or "").strip(), data.get(f"rol_{row}")
            if name and not role:
                self.add_error(f"rol_{row}", _("Kies de rol van deze partij."))
            elif role and not name:
                self.add_error(f"partij_{row}", _("Vul de naam van deze partij in."))
            elif name:
                self.parties.append((name, str(role)))
        roles = {role for _, role in self.parties}
        if not self.errors and not {PartyRole.SCHOOL, PartyRole.MUNICIPALITY} <= roles:
            self.add_error(
                "partij_1", _("Een convenant heeft minstens een school en de gemeente als partij.")
            )
        return data


class LostLinkForm(AccessibleForm):
    reference = forms.RegexField(
        label=_("Kenmerk van de aanvraag"),
        regex=r"^\s*[Bb][Uu][Ss]-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\s*$",
        help_text=_(
            "Bijvoorbeeld BUS-AB12-CD34. Het staat in de e-mail en op de pagina van uw aanvraag."
        ),
        error_messages={
            "required": _("Vul het kenmerk van de aanvraag in."),
            "invalid": _("Een kenmerk ziet er zo uit: BUS-AB12-CD34."),
        },
    )
    email = forms.EmailField(
        label=_("E-mailadres dat u bij de aanvraag gaf"),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een e-mailadres in zoals naam@school.nl."),
        },
    )
