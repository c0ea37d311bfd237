"""Load: 30 parallel identical submissions, over real HTTP, make one record."""
import re
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select
from test_customer import form_data

from dpa_builder.extensions import db
from dpa_builder.records.models import DocumentRecord

from conftest import api_token, make_request, make_user

PARALLEL = 30


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(DocumentRecord))


def in_parallel(post) -> list[requests.Response]:
    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(lambda _: post(), range(PARALLEL)))


def test_thirty_parallel_posts_of_one_form_make_one_record(app, live_server):
    browser = requests.Session()
    page = browser.get(live_server + "/").text
    token, key = (re.search(rf'name="{name}" type="hidden" value="([^"]+)"', page).group(1)
                  for name in ("csrf_token", "idempotency_key"))
    data = form_data(token, idempotency_key=key)
    cookies = browser.cookies.get_dict()
    answers = in_parallel(lambda: requests.post(live_server + "/", data=data, cookies=cookies,
                                                allow_redirects=False, timeout=120))
    assert {a.status_code for a in answers} == {303}
    assert len({a.headers["Location"] for a in answers}) == 1
    assert count(app) == 1


def test_thirty_parallel_api_calls_with_one_key_make_one_record(app, live_server):
    headers = {"Authorization": f"Bearer {api_token(app, make_user(app))}",
               "Idempotency-Key": "crm-deal-42"}
    answers = in_parallel(lambda: requests.post(live_server + "/api/v1/dpa", json=make_request(),
                                                headers=headers, timeout=120))
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert sum(a.headers.get("Idempotent-Replayed") == "true" for a in answers) == PARALLEL - 1
    assert count(app) == 1
