"""Form helpers every app's forms share: error states that assistive technology reads."""

from __future__ import annotations

from django import forms


class AccessibleForm(forms.Form):
    """Marks fields with errors ``aria-invalid`` and ties the error text to the field."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            field = self.fields[name]
            bound = self[name]
            described = [f"{bound.auto_id}-fout"]
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            if not bound.use_fieldset:
                field.widget.attrs["aria-invalid"] = "true"
                field.widget.attrs["aria-describedby"] = " ".join(described)
