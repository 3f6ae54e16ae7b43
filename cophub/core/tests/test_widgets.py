from django import forms
from django.http import QueryDict
from django.test import SimpleTestCase

from cophub.core.widgets import LongSelect, LongSelectMultiple

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
    plain = forms.MultipleChoiceField(choices=CHOICES[1:], required=False)
    long = forms.MultipleChoiceField(choices=CHOICES[1:], required=False, widget=LongSelectMultiple)


def test_the_multiple_choice_list_renders_and_reads_what_djangos_does():
    data = QueryDict("plain=KE&plain=CI&long=KE&long=CI")
    form = Compare(data)
    assert form.is_valid() and form.cleaned_data["long"] == ["KE", "CI"]
    SimpleTestCase().assertHTMLEqual(
        str(form["long"]).replace("long", "FIELD"), str(form["plain"]).replace("plain", "FIELD")
    )
