"""Pieces the e-services' public forms share (complaints, feedback)."""


class AccessibleErrorsMixin:
    """Ties each error message to its field for screen readers (aria-describedby, aria-invalid)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            field = self.fields[name]
            bound = self[name]
            ids = [f"{bound.auto_id}_error"] + ([f"{bound.auto_id}_helptext"] if field.help_text else [])
            field.widget.attrs["aria-describedby"] = " ".join(ids)
            field.widget.attrs["aria-invalid"] = "true"
