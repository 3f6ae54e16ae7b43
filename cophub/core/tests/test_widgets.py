from django import forms
from django.http import QueryDict
from django.test import SimpleTestCase

from cophub.core.widgets import LongSelect, SearchableCheckboxes

CHOICES = [("", "All"), ("KE", "Kenya"), ("CI", "Côte d’Ivoire"), ("XS", "<script>x</script>")]


class Filter(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False, help_text="A country")
    long = forms.ChoiceField(
        choices=CHOICES, required=False, help_text="A country", widget=LongSelect
    )


class LongSelectTests(SimpleTestCase):
    def rendered(self, data):
        form = Filter(data)
        form.is_valid()
        plain, long = str(form["plain"]), str(form["long"])
        return plain.replace("plain", "FIELD"), long.replace("long", "FIELD")

    def test_renders_what_djangos_select_renders(self):
        for value in ("", "KE", "XS"):
            with self.subTest(value=value):
                plain, long = self.rendered({"plain": value, "long": value})
                self.assertHTMLEqual(long, plain)
        self.assertIn(
            '<option value="KE" selected>Kenya</option>', self.rendered({"long": "KE"})[1]
        )
        self.assertNotIn("<script>", self.rendered({})[1])

    def test_keeps_the_error_attributes(self):
        plain, long = self.rendered({"plain": "ZZ", "long": "ZZ"})
        self.assertIn('aria-invalid="true"', long)
        self.assertHTMLEqual(long, plain)


class Compare(forms.Form):
    countries = forms.MultipleChoiceField(
        choices=CHOICES[1:], required=False, widget=SearchableCheckboxes
    )


def test_the_searchable_list_is_check_boxes_that_read_as_a_multiple_choice():
    form = Compare(QueryDict("countries=KE&countries=CI"))
    assert form.is_valid() and form.cleaned_data["countries"] == ["KE", "CI"]
    html = str(form["countries"])
    # Check boxes (nothing to Ctrl-click), each with its label, the chosen ones checked.
    assert '<input type="checkbox" name="countries" value="KE" id="id_countries_0" checked>' in html
    assert '<input type="checkbox" name="countries" value="XS" id="id_countries_2">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'data-multi-pick data-filter-label="Type to narrow the list"' in html
    assert html.count("<label>") == 3
    refused = Compare(QueryDict("countries=ZZ"))
    assert not refused.is_valid()
