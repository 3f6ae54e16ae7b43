"""Take the screenshots that the README shows: six pages in Arabic, Chinese and English, on a
desktop (1280 px wide) and a phone (390 px), the first screen of each, as WebP.

Run it against a COP Hub with the demo data loaded (`cophub loaddemo`):

    .venv/bin/python docs/screens.py http://127.0.0.1:8000

It writes docs/screens/<page>-<lang>-<desktop|phone>.webp and prints their total size, which
must stay well under 2 MB (the README loads them all).
"""

import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from cophub.testing import CHROMIUM, CHROMIUM_ARGS

PAGES = {
    "home": "/{lang}/",
    "registry": "/{lang}/documents/",
    "help": "/{lang}/help/KE/",
    "consultation": "/{lang}/consultations/safe-online/",
    "country": "/{lang}/countries/KE/",
    "comparison": "/{lang}/countries/compare/",
}
LANGUAGES = ("ar", "zh", "en")
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
OUT = Path(__file__).resolve().parent / "screens"
QUALITY = 60


def take(base_url: str) -> int:
    OUT.mkdir(exist_ok=True)
    total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        for size, (width, height) in SIZES.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, reduced_motion="reduce"
            )
            page = context.new_page()
            for name, path in PAGES.items():
                for lang in LANGUAGES:
                    response = page.goto(base_url + path.format(lang=lang))
                    if response is None or response.status != 200:
                        raise SystemExit(
                            f"{path.format(lang=lang)}: {response and response.status}"
                        )
                    page.wait_for_load_state("networkidle")
                    image = Image.open(io.BytesIO(page.screenshot()))
                    target = OUT / f"{name}-{lang}-{size}.webp"
                    image.save(target, "WEBP", quality=QUALITY, method=6)
                    total += target.stat().st_size
            context.close()
        browser.close()
    return total


if __name__ == "__main__":
    size = take(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
    print(f"{len(PAGES) * len(LANGUAGES) * len(SIZES)} screenshots, {size / 1024:.0f} KiB in all")
