"""Form widgets shared by the modules."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _


class LongSelect(forms.Select):
    """A single-choice list of a few hundred options (the world's countries) rendered without a
    template per option: Django's option template costs about 0.1 ms an option, which made a
    country filter the most expensive part of a public list page. The HTML is the same as
    Django's Select, with the attributes Django adds (aria-describedby, aria-invalid)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, " selected" if str(option_value) in selected else "", label)
                for option_value, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class SearchableCheckboxes(forms.CheckboxSelectMultiple):
    """A long list where several can be chosen (countries, organisations), as check boxes in a
    box of their own: nothing to Ctrl-click, and it works without JavaScript. core/multi-pick.js
    adds a filter field above the list and a count of the chosen ones. Rendered without a
    template per option, like LongSelect, since a list of countries has a few hundred."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        base_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        options = format_html_join(
            "",
            '<li><label><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label></li>',
            (
                (
                    name,
                    option_value,
                    base_id,
                    index,
                    " checked" if str(option_value) in selected else "",
                    label,
                )
                for index, (option_value, label) in enumerate(self.choices)
                if str(option_value) != ""
            ),
        )
        return format_html(
            '<div class="multi-pick" id="{}" data-multi-pick data-filter-label="{}" '
            'data-chosen-label="{}"><ul class="multi-pick-options">{}</ul></div>',
            base_id,
            _("Type to narrow the list"),
            _("Chosen: %(count)s"),
            options,
        )

    def id_for_label(self, id_, index=None):
        return id_
