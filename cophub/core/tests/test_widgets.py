from django import forms
from django.test import SimpleTestCase

from cophub.core.widgets import LongSelect

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
