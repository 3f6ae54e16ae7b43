"""The session and CSRF cookies as the production settings profile sends them at sign-in."""

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from cophub.accounts.models import User

    call_command("migrate", verbosity=0)
    User.objects.create_user("d@example.org", "a long and safe passphrase", full_name="D")
    client = Client(HTTP_HOST="cophub.example.org")
    response = client.post(
        "/en/accounts/login/",
        {"username": "d@example.org", "password": "a long and safe passphrase"},
        secure=True,
    )
    cookies = {
        name: {key: response.cookies[name][key] for key in ("secure", "httponly", "samesite")}
        for name in ("sessionid", "csrftoken")
    }
    print(json.dumps({"status": response.status_code, "cookies": cookies,
                      "age": settings.SESSION_COOKIE_AGE, "hsts": settings.SECURE_HSTS_SECONDS}))
    """
)


def test_production_sends_secure_httponly_samesite_cookies_at_sign_in(production_env, tmp_path):
    env = production_env | {"DJANGO_SETTINGS_MODULE": "cophub.settings"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 302
    session, csrf = answer["cookies"]["sessionid"], answer["cookies"]["csrftoken"]
    assert session == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert csrf == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert answer["age"] == 8 * 60 * 60
    assert answer["hsts"] >= 31_536_000
