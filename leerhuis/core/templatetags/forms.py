from django import forms, template

register = template.Library()


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def is_choice_group(bound_field):
    """Radio buttons or checkboxes to choose from: a group that a legend names, as one
    label cannot."""
    widget = bound_field.field.widget
    return isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))


@register.simple_tag
def described_widget(bound_field):
    """The widget, tied to its help text and errors for screen readers."""
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_helptext")
    attrs = {}
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag
def summary_error(bound_field, error):
    """One line of the error summary. A message written for the field (its own
    error_messages) says what to fix by itself, as GOV.UK writes them ("Kies een
    workshop."); a generic one ("Dit veld is verplicht.") needs the question beside it."""
    field = bound_field.field
    defaults = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    own = {
        str(message)
        for code, message in field.error_messages.items()
        if str(message) != str(defaults.get(code, ""))
    }
    if str(error) in own or is_checkbox(bound_field):
        return str(error)
    return f"{bound_field.label}: {error}"
