"""Nothing ties a child to an address: a whole consultation through the real server (`cophub
serve`, gunicorn, its access log), then its logs, the database, the cache (Redis) and a backup
are searched for the child's network address and for the signed form."""

import json
import re
import socket
import subprocess
import sys
import tarfile
import time
import zlib

import httpx
import pytest
import redis

CLIENT_ADDRESS = "203.0.113.77"  # a documentation address, sent only as a header
REDIS_DB = "redis://127.0.0.1:6379/6"
FORM_FIELD = re.compile(r'name="p" value="([^"]+)"')
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

SETUP = """
import json
from cophub.consultations.tests.factories import answers_for, consultation
item = consultation(slug="no-trace")
print(json.dumps({"slug": item.slug,
                  "ordinary": answers_for(item, text="More lessons about privacy please"),
                  "disclosure": answers_for(item, text="a man from the game says we meet, "
                                            "just us two, and not to tell mum")}))
"""


def _cophub(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "cophub", *args],
        env=env, capture_output=True, text=True, timeout=300, check=True, **kwargs,
    )  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _take_part(client, slug, answers, country):
    consent = client.get(f"/en/consultations/{slug}/take-part/").text
    page = client.post(
        f"/en/consultations/{slug}/take-part/",
        data={"csrfmiddlewaretoken": CSRF_FIELD.search(consent).group(1), "age_band": "13-15",
              "sex": "girl", "country": country, "consent": "on"},
    )  # fmt: skip
    assert page.status_code == 200 and "?p=" not in page.text
    token = FORM_FIELD.search(page.text).group(1)
    data = {"csrfmiddlewaretoken": CSRF_FIELD.search(page.text).group(1), "p": token} | answers
    thanks = client.post(f"/en/consultations/{slug}/questions/", data=data)
    assert thanks.status_code == 200
    return token, thanks.text


def _backup_text(env, folder) -> bytes:
    archive = folder / "backup.tar"
    _cophub(env, "backup", str(archive))
    found = b""
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            data = tar.extractfile(member).read()
            if data.startswith(b"PGDMP"):  # pg_dump's own format: read back as SQL
                dump = folder / "restore.dump"
                dump.write_bytes(data)
                data = subprocess.run(
                    ["pg_restore", "--file", "-", str(dump)], capture_output=True, check=True
                ).stdout
            else:
                try:
                    data = zlib.decompress(data, 47)  # gzip or zlib
                except zlib.error:
                    pass
            found += data
    return found


@pytest.mark.timeout(900)
def test_a_consultation_leaves_no_address_and_no_form_anywhere(tmp_path, migrated_database):
    import os

    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env |= {
        "DATABASE_URL": migrated_database,
        "DJANGO_ENV": "test",
        "COPHUB_DATA_DIR": str(tmp_path),
        "COPHUB_ENV_FILE": str(tmp_path / "none.env"),
        "BEHIND_PROXY": "1",  # the client's address is the one the load balancer adds
        "REDIS_URL": REDIS_DB,
        "LOG_LEVEL": "INFO",
        "LANG": "C.UTF-8",
    }
    cache = redis.Redis.from_url(REDIS_DB)
    cache.flushdb()
    _cophub(env, "migrate", "--noinput")
    setup = json.loads(_cophub(env, "shell", "-c", SETUP).stdout.strip().splitlines()[-1])
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "cophub", "serve", "--bind", f"127.0.0.1:{port}",
             "--workers", "1", "--threads", "2"],
            env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        client = httpx.Client(
            base_url=f"http://127.0.0.1:{port}",
            headers={"X-Forwarded-For": CLIENT_ADDRESS, "User-Agent": "ChildPhone/1.0"},
            timeout=30,
        )
        for _ in range(120):
            try:
                if client.get("/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        tokens = []
        for kind, country in (("ordinary", "LA"), ("disclosure", "BO")):
            token, thanks = _take_part(client, setup["slug"], setup[kind], country)
            tokens.append(token)
            assert ("You are not alone" in thanks) == (kind == "disclosure")
        # A reload of an old link with a form in it carries nothing further.
        client.get(f"/en/consultations/{setup['slug']}/questions/?p={tokens[0]}")
    finally:
        server.terminate()
        server.wait(timeout=60)

    places = {
        "server log": log.read_bytes(),
        "database": _cophub(env, "dumpdata", "--natural-foreign").stdout.encode()
        + subprocess.run(
            ["pg_dump", "--data-only", migrated_database], capture_output=True, check=True
        ).stdout,
        "cache": b" ".join(
            key + b" " + (cache.dump(key) or b"") for key in cache.scan_iter(count=1000)
        ),
        "backup": _backup_text(env, tmp_path),
    }
    # The search is real: the log has the requests, the database and backup the answers.
    assert b"POST /en/consultations/no-trace/questions/" in places["server log"]
    assert b"More lessons about privacy please" in places["database"]
    assert b"More lessons about privacy please" in places["backup"]
    assert places["cache"], "the rate limits count in Redis"
    for name, content in places.items():
        assert CLIENT_ADDRESS.encode() not in content, name
        assert b"ChildPhone" not in content, name
        for token in tokens:
            assert token.encode() not in content, name
            assert token.split(":")[0].encode() not in content, name
    assert b"?p=" not in places["server log"]
    cache.flushdb()
