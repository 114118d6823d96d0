from wagtail.admin.forms import WagtailAdminModelForm

from glossary.hierarchy import relation_errors


class ConceptAdminForm(WagtailAdminModelForm):
    """The begrip's edit form in the admin: the hierarchy rules need the chosen relations,
    which the model sees only after saving."""

    def clean(self):
        cleaned_data = super().clean()
        model = self._meta.model
        errors = relation_errors(
            self.instance.pk,
            [c.pk for c in cleaned_data.get("broader") or []],
            [c.pk for c in cleaned_data.get("related") or []],
            model.broader.through,
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned_data
