"""Form widgets shared by the modules."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


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


class LongSelectMultiple(LongSelect, forms.SelectMultiple):
    """The same for a list where several options can be chosen (countries to compare)."""
