"""Taking part in a consultation as a young person does, for browser tests: the consent step,
then the questions, through the real pages."""

from cophub.testing import check_accessibility

from .factories import answers_for


def take_part(page, base, item, *, lang, age_band, sex, country, text, check=check_accessibility):
    """Open the consultation, give the profile and consent, answer its four questions and send.
    `check` runs on every page (axe-core by default; it cannot run with JavaScript turned off)."""
    page.goto(f"{base}/{lang}/consultations/{item.slug}/")
    check(page)
    page.click(f'a[href="/{lang}/consultations/{item.slug}/take-part/"]')
    check(page)
    page.check(f'input[name="age_band"][value="{age_band}"]')
    page.check(f'input[name="sex"][value="{sex}"]')
    page.select_option('select[name="country"]', country)
    page.check('input[name="consent"]')
    page.click('button[type="submit"]')
    # The questions answer the consent post: the address stays the consent step's.
    page.wait_for_selector('input[name="p"]', state="attached")
    assert "?" not in page.url
    check(page)
    answers = answers_for(item, text=text)
    single, multiple, scale, free = list(answers)
    page.check(f'input[name="{single}"][value="{answers[single][0]}"]')
    for value in answers[multiple]:
        page.check(f'input[name="{multiple}"][value="{value}"]')
    page.check(f'input[name="{scale}"][value="4"]')
    page.fill(f'textarea[name="{free}"]', text)
    page.click('button[type="submit"]')
    page.wait_for_load_state()
    check(page)
