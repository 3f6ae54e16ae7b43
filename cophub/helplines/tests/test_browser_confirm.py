"""The secretariat confirms a waiting entry in Arabic, on a phone and at desktop size, and a
child's help page for the country then shows it."""

import pytest

from cophub.accounts.tests.factories import SecretariatFactory
from cophub.accounts.tests.signing_in import sign_in
from cophub.testing import check_accessibility

from .factories import ChannelFactory, HelplineFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_the_secretariat_confirms_an_entry_and_children_see_it(page, live_server, size):
    helpline = HelplineFactory(
        key="child-helpline-kh",
        name_en="Child Helpline Cambodia 1280",
        country_id="KH",
        active=False,
        source_name="Child Helpline Cambodia: free 24-hour helpline 1280",
        source_url="https://childhelplinecambodia.org/page/8",
    )
    ChannelFactory(helpline=helpline, value="1280", works_in=["KH"], timezone="Asia/Phnom_Penh")
    SecretariatFactory(email="clerk@itu.example")
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{live_server.url}/ar/help/KH/")
    assert "Child Helpline Cambodia 1280" not in page.content()
    sign_in(page, live_server, "ar", "clerk@itu.example")
    page.goto(f"{live_server.url}/ar/help/manage/")
    page.get_by_role("link", name="مداخل تنتظر التأكيد").click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "https://childhelplinecambodia.org/page/8" in page.content()
    check_accessibility(page)
    # Refusing without a reason is answered on the page, in Arabic; nothing changes.
    page.get_by_role("button", name="رفض وحذف").click()
    assert "اذكر سبب رفض المدخل." in page.locator("#error-summary").inner_text()
    page.get_by_role("button", name="تأكيد وإظهار للأطفال").click()
    assert "لا شيء ينتظر التأكيد." in page.content()
    page.goto(f"{live_server.url}/ar/help/KH/")
    assert page.get_by_text("Child Helpline Cambodia 1280").count() >= 1
    assert page.locator('a[href="tel:1280"]').count() == 1
