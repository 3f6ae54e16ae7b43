import json

from cophub.core.jsonld import as_script_text


def test_a_title_cannot_close_the_script_element():
    data = {"name": "</script><script>alert(1)</script> & <!--", "inLanguage": "ar"}
    text = as_script_text(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
