"""The one validation of a new signal, used by the public form, the officials' form, the
public API and the partner API, so every door says the same (Dutch) thing about bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models.confidentiality import levels_up_to
from weerbaar.areas.services.postcodes import normalise_postcode
from weerbaar.core.forms import AccessibleForm
from weerbaar.core.images import MAX_PIXELS_PER_REQUEST, ImageRejected, clean_image, pixel_count
from weerbaar.signals.models import (
    Category,
    ChecklistIndicator,
    Confidentiality,
    LocationKind,
    Platform,
    Source,
)
from weerbaar.signals.services import location as places
from weerbaar.signals.services.intake import IntakeInput, LocationInput
from weerbaar.signals.uploads import max_file_bytes, max_files

NL_LATITUDE = (Decimal("50.70"), Decimal("53.70"))
NL_LONGITUDE = (Decimal("3.20"), Decimal("7.30"))
ANSWER_PREFIX = "answer_"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.Field):
    """Zero or more uploads; each is checked and cleaned in ``clean_attachments``."""

    widget = MultipleFileInput

    def clean(self, value: Any) -> list[Any]:
        if not value:
            return []
        return list(value) if isinstance(value, list | tuple) else [value]


#: Shorter than this is no description anyone can act on ("x", "12").
DESCRIPTION_MIN = 10


class Prepared(BaseChoiceIterator):
    """Choices already in Django's form (pairs, groups of pairs), given to a field as they
    are: assigning a plain list normalises every pair again, 3.8 ms a report form for the
    354 municipalities and the region's districts."""

    def __init__(self, choices: list[tuple[Any, Any]]) -> None:
        self.choices = choices

    def __iter__(self) -> Any:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def __deepcopy__(self, memo: dict[int, Any]) -> Prepared:
        return self  # never changed after it is made


class SignalForm(AccessibleForm):
    description = forms.CharField(
        label=_("Wat heeft u gezien of gehoord?"),
        min_length=DESCRIPTION_MIN,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Beschrijf wat u heeft gezien of gehoord."),
            "min_length": _(
                "Beschrijf iets meer, zodat we er iets mee kunnen (minstens %(limit_value)d tekens)."
            ),
            "max_length": _("Uw beschrijving is te lang (maximaal %(limit_value)d tekens)."),
        },
    )
    category = forms.ChoiceField(
        label=_("Waar gaat het over?"),
        required=False,
        error_messages={
            "invalid_choice": _("Onbekende categorie: kies een van de categorieën uit de lijst.")
        },
    )
    location_kind = forms.ChoiceField(
        label=_("Waar is het?"),
        required=False,
        choices=LocationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Kies een van de mogelijkheden voor de plaats.")},
    )
    street = forms.CharField(label=_("Straat"), max_length=120, required=False)
    house_number = forms.IntegerField(
        label=_("Huisnummer"),
        required=False,
        min_value=1,
        max_value=99999,
        error_messages={
            "invalid": _("Een huisnummer bestaat alleen uit cijfers, bijvoorbeeld 12.")
        },
    )
    house_letter = forms.RegexField(
        label=_("Huisletter"),
        regex=r"^[A-Za-z]$",
        required=False,
        max_length=1,
        error_messages={"invalid": _("Een huisletter is één letter, bijvoorbeeld A.")},
    )
    house_addition = forms.RegexField(
        label=_("Toevoeging"),
        regex=r"^[A-Za-z0-9]{1,4}$",
        required=False,
        max_length=4,
        error_messages={"invalid": _("Een toevoeging is hoogstens 4 letters of cijfers.")},
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=8, required=False)
    place = forms.CharField(label=_("Plaats"), max_length=80, required=False)
    municipality = forms.ChoiceField(
        label=_("Gemeente"),
        required=False,
        error_messages={"invalid_choice": _("Onbekende gemeente: kies een gemeente uit de lijst.")},
    )
    district = forms.CharField(label=_("Wijk of buurt"), max_length=120, required=False)
    district_code = forms.ChoiceField(
        label=_("Wijk"),
        required=False,
        error_messages={"invalid_choice": _("Onbekende wijk: kies een wijk uit de lijst.")},
    )
    latitude = forms.DecimalField(
        label=_("Breedtegraad"), required=False, max_digits=8, decimal_places=5
    )
    longitude = forms.DecimalField(
        label=_("Lengtegraad"), required=False, max_digits=8, decimal_places=5
    )
    platform = forms.ChoiceField(
        label=_("Welk platform of welke app?"),
        required=False,
        choices=[("", _("kies…")), *Platform.choices],
        error_messages={"invalid_choice": _("Kies een platform uit de lijst.")},
    )
    handle = forms.CharField(
        label=_("Naam van het account, de groep of het kanaal"), max_length=120, required=False
    )
    occurred_at = forms.DateField(
        label=_("Wanneer was het? (datum)"),
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": _("Vul een datum in als dag-maand-jaar, bijvoorbeeld 21-11-2026.")
        },
    )
    occurred_note = forms.CharField(
        label=_("Wanneer (in eigen woorden)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: elke vrijdagavond, al een paar maanden."),
    )
    attachments = AttachmentsField(
        label=_("Foto's of schermafbeeldingen"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)  # honeypot

    def __init__(
        self, *args: Any, official: bool = False, clearance: str | None = None, **kwargs: Any
    ) -> None:
        """``clearance``: the recording official's; they cannot record a level they could
        not read back."""
        super().__init__(*args, **kwargs)
        self.official = official
        self.images: list[Any] = []
        self.category_choices = {c.slug: c for c in Category.objects.filter(is_active=True)}
        category_field: Any = self.fields["category"]
        category_field.choices = [
            ("", _("weet ik niet")),
            *((slug, category.label) for slug, category in self.category_choices.items()),
        ]
        offered = places.choices()
        municipality_field: Any = self.fields["municipality"]
        municipality_field.choices = Prepared([("", _("weet ik niet")), *offered.municipalities])
        district_field: Any = self.fields["district_code"]
        self.district_groups = offered.districts
        district_field.choices = Prepared([("", _("weet ik niet")), *self.district_groups])
        if not official:
            # a point comes only from the map (JavaScript), which picks it itself
            kind_field: Any = self.fields["location_kind"]
            kind_field.choices = [c for c in LocationKind.choices if c[0] != LocationKind.PUNT]
        if official:
            self.fields["category"].required = True
            self.fields["category"].error_messages["required"] = _("Kies een categorie.")
            self.fields["indicators"] = forms.ModelMultipleChoiceField(
                label=_("Indicatoren (checklist)"),
                queryset=ChecklistIndicator.objects.filter(is_active=True),
                to_field_name="slug",
                error_messages={"invalid_choice": _("Onbekende indicator: %(value)s.")},
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.fields["source"] = forms.ChoiceField(
                label=_("Bron"),
                choices=[c for c in Source.choices if c[0] != Source.MELDER],
                initial=Source.EIGEN,
                required=False,
                error_messages={"invalid_choice": _("Onbekende bron.")},
            )
            self.fields["source_reference"] = forms.CharField(
                label=_("Kenmerk van de bron (bijvoorbeeld MMA-nummer)"),
                max_length=60,
                required=False,
            )
            self.fields["confidentiality"] = forms.ChoiceField(
                label=_("Vertrouwelijkheid"),
                choices=[
                    c
                    for c in Confidentiality.choices
                    if clearance is None or c[0] in levels_up_to(clearance)
                ],
                initial=Confidentiality.NORMAAL,
                required=False,
                error_messages={"invalid_choice": _("Onbekende vertrouwelijkheid.")},
            )
        self.question_keys = self._question_keys()

    def _question_keys(self) -> list[str]:
        """Follow-up questions of the chosen category, as fields answer_<key>."""
        slug = self.data.get("category") if self.is_bound else self.initial.get("category")
        category = self.category_choices.get(str(slug or ""))
        keys = []
        for question in category.question_list() if category else []:
            name = ANSWER_PREFIX + question["key"]
            self.fields[name] = forms.CharField(
                label=question["label"], max_length=1000, required=False
            )
            keys.append(question["key"])
        return keys

    def question_fields(self) -> list[forms.BoundField]:
        return [self[ANSWER_PREFIX + key] for key in self.question_keys]

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "")
        if not value:
            return ""
        postcode = normalise_postcode(value)
        if postcode is None:
            raise forms.ValidationError(
                _(
                    "Dit is geen geldige postcode. Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 9711 AB."
                )
            )
        return postcode

    def clean_occurred_at(self) -> dt.date | None:
        value = self.cleaned_data.get("occurred_at")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return value

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Uw melding kon niet worden verwerkt."))
        return ""

    def clean_attachments(self) -> list[Any]:
        files: list[UploadedFile] = list(self.cleaned_data.get("attachments") or [])
        files = [f for f in files if getattr(f, "size", 0) or getattr(f, "too_large", False)]
        if len(files) > max_files():
            raise forms.ValidationError(
                _("U kunt maximaal %(n)d bestanden meesturen.") % {"n": max_files()}
            )
        raws = []
        for number, upload in enumerate(files, start=1):
            if getattr(upload, "too_large", False) or (upload.size or 0) > max_file_bytes():
                raise forms.ValidationError(
                    _("Bestand %(n)d is te groot: het mag hoogstens %(mb)d MB zijn.")
                    % {"n": number, "mb": max_file_bytes() // (1024 * 1024)}
                )
            raws.append(upload.read())
        # Counted from the headers before a single pixel is decoded.
        if sum(pixel_count(raw) for raw in raws) > MAX_PIXELS_PER_REQUEST:
            raise forms.ValidationError(
                _(
                    "De foto's zijn samen te groot (meer dan %(mp)d megapixel). Stuur minder "
                    "foto's tegelijk of maak ze kleiner."
                )
                % {"mp": MAX_PIXELS_PER_REQUEST // 1_000_000}
            )
        images = []
        for number, raw in enumerate(raws, start=1):
            try:
                images.append(clean_image(raw))
            except ImageRejected as exc:
                raise forms.ValidationError(
                    _("Bestand %(n)d: %(reason)s") % {"n": number, "reason": str(exc)}
                ) from exc
        self.images = images
        return images

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("location_kind") or self._guess_kind(data)
        data["location_kind"] = kind
        if kind == LocationKind.ADRES:
            has_postcode = bool(data.get("postcode")) and data.get("house_number")
            has_street = (
                bool(data.get("street"))
                and data.get("house_number")
                and (data.get("place") or data.get("municipality"))
            )
            if not (has_postcode or has_street) and not self.errors.keys() & {
                "postcode",
                "house_number",
            }:
                self.add_error(
                    "house_number",
                    _("Vul een postcode en huisnummer in, of een straat, huisnummer en plaats."),
                )
        if kind == LocationKind.PUNT:
            lat, lon = data.get("latitude"), data.get("longitude")
            if lat is None or lon is None:
                self.add_error("latitude", _("Vul zowel de breedtegraad als de lengtegraad in."))
            elif not (
                NL_LATITUDE[0] <= lat <= NL_LATITUDE[1]
                and NL_LONGITUDE[0] <= lon <= NL_LONGITUDE[1]
            ):
                self.add_error("latitude", _("Dit punt ligt niet in Nederland."))
        if kind == LocationKind.ONLINE and not data.get("platform"):
            self.add_error("platform", _("Kies op welk platform of in welke app het gebeurt."))
        if (
            kind == LocationKind.GEBIED
            and not data.get("municipality")
            and not data.get("district_code")
        ):
            self.add_error("municipality", _("Kies de gemeente of de wijk."))
        return data

    @staticmethod
    def _guess_kind(data: dict[str, Any]) -> str:
        if data.get("latitude") is not None or data.get("longitude") is not None:
            return LocationKind.PUNT
        if data.get("postcode") or data.get("house_number") or data.get("street"):
            return LocationKind.ADRES
        if data.get("platform") or data.get("handle"):
            return LocationKind.ONLINE
        if data.get("municipality") or data.get("district_code"):
            return LocationKind.GEBIED
        return LocationKind.ONBEKEND

    def to_input(self) -> IntakeInput:
        data = self.cleaned_data
        answers = {
            key: data[ANSWER_PREFIX + key].strip()
            for key in self.question_keys
            if data.get(ANSWER_PREFIX + key, "").strip()
        }
        kind = data["location_kind"]
        location = LocationInput(
            kind=kind,
            street=data.get("street", "").strip() if kind == LocationKind.ADRES else "",
            house_number=data.get("house_number") if kind == LocationKind.ADRES else None,
            house_letter=(data.get("house_letter") or "").upper()
            if kind == LocationKind.ADRES
            else "",
            house_addition=(data.get("house_addition") or "").upper()
            if kind == LocationKind.ADRES
            else "",
            postcode=data.get("postcode", "") if kind == LocationKind.ADRES else "",
            place=data.get("place", "").strip(),
            municipality=places.municipality(data.get("municipality") or ""),
            district=data.get("district", "").strip(),
            area=places.district(data.get("district_code") or "")
            if kind == LocationKind.GEBIED
            else None,
            latitude=data.get("latitude") if kind == LocationKind.PUNT else None,
            longitude=data.get("longitude") if kind == LocationKind.PUNT else None,
            platform=data.get("platform", "") if kind == LocationKind.ONLINE else "",
            handle=data.get("handle", "").strip() if kind == LocationKind.ONLINE else "",
        )
        return IntakeInput(
            description=data["description"].strip(),
            category=self.category_choices.get(data.get("category") or ""),
            answers=answers,
            location=location,
            occurred_on=data.get("occurred_at"),
            occurred_note=data.get("occurred_note", "").strip(),
            images=self.images,
            indicators=list(data.get("indicators") or []),
            source=data.get("source") or "",
            source_reference=data.get("source_reference", ""),
            confidentiality=data.get("confidentiality") or Confidentiality.NORMAAL,
        )


class ReporterMessageForm(AccessibleForm):
    text = forms.CharField(
        label=_("Wat wilt u aanvullen of antwoorden?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Schrijf uw aanvulling of antwoord.")},
    )


class StatusLookupForm(AccessibleForm):
    receipt = forms.CharField(label=_("Ontvangstcode"), max_length=20)
    secret = forms.CharField(label=_("Geheime code"), max_length=40)


class UpdatesForm(AccessibleForm):
    email = forms.EmailField(
        label=_("Uw e-mailadres (niet verplicht)"),
        help_text=_(
            "We sturen alleen een e-mail dat er nieuws is, niet wat het is. We bewaren het "
            "adres apart van uw melding; wie de melding behandelt, ziet het niet. Als de "
            "melding is afgesloten, wissen we het."
        ),
        error_messages={
            "required": _("Vul uw e-mailadres in, of sla deze stap over."),
            "invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        },
    )
