import html
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from conftest import squash
from smtp_server import announce, app, smtp  # noqa: F401 - fixtures

ATOM = "{http://www.w3.org/2005/Atom}"


def section(page: str, name: str) -> str:
    match = re.search(rf'<section id="{name}".*?</section>', page, re.S)
    assert match, f"no section {name}"
    return html.unescape(match.group(0))


def test_page_lists_every_entity_and_location_by_category(client, helptal):
    response = client.get("/subprocessors")
    assert response.status_code == 200
    listed = section(response.get_data(as_text=True), "subprocessors")
    for s in helptal.registry.subprocessors:
        assert s.legal_entity in listed and s.address in listed and s.processing_location in listed
    for category in helptal.registry.categories:
        assert category.title in listed
    assert listed.count("<strong>(opt-in)</strong>") == sum(s.opt_in for s in helptal.registry.subprocessors)


def test_integrations_are_apart_and_not_sub_processors(client, helptal):
    page = client.get("/subprocessors").get_data(as_text=True)
    integrations, listed = section(page, "integrations"), section(page, "subprocessors")
    assert "not sub-processors" in integrations
    for integration in helptal.integrations:
        assert integration.providers in integrations and integration.providers not in listed


def test_page_states_the_policy_and_offers_feed_and_subscription(client):
    response = client.get("/subprocessors")
    page = squash(html.unescape(response.get_data(as_text=True)))
    assert "at least 30 days" in page and "by email and in-product notice" in page
    assert "refund prepaid fees for the unused portion of the term" in page
    assert 'action="/subscriptions"' in page and 'name="csrf_token"' in page
    assert 'rel="alternate"; type="application/atom+xml"' in response.headers["Link"]
    assert "/subprocessors/changelog.atom" in response.headers["Link"]


def test_upcoming_change_is_shown_with_its_summary(app, client, helptal):
    with app.app_context():
        change = announce(days=30)
        summary = change.summary(helptal.registry)
    upcoming = section(client.get("/subprocessors").get_data(as_text=True), "upcoming")
    assert summary in upcoming and "Example Hosting GmbH" in upcoming
    # Not in effect yet: the current list does not show it.
    assert "Example Hosting GmbH" not in section(client.get("/subprocessors").get_data(as_text=True),
                                                 "subprocessors")


def test_json_has_the_same_data(app, client, helptal):
    with app.app_context():
        change = announce(days=45)
    data = client.get("/subprocessors.json").get_json()
    assert data["version"] == helptal.registry.version.isoformat()
    assert [s["legal_entity"] for s in data["subprocessors"]] == \
        [s.legal_entity for s in helptal.registry.subprocessors]
    assert [i["name"] for i in data["integrations"]] == [i.name for i in helptal.integrations]
    assert data["policy"]["notice_days"] == 30 and data["policy"]["changelog_months"] == 24
    [upcoming] = data["upcoming_changes"]
    assert upcoming["summary"] == change.summary(helptal.registry)
    assert upcoming["effective_on"] == (date.today() + timedelta(days=45)).isoformat()
    assert upcoming["announced_on"] == date.today().isoformat()


def test_changelog_lists_every_change_newest_first(app, client):
    with app.app_context():
        old = announce(days=20, announced_on=date.today() - timedelta(days=90), kind="remove",
                       target="tappay")
        new = announce(days=30)
    page = squash(client.get("/subprocessors/changelog").get_data(as_text=True))
    assert "kept for at least 24 months" in page
    assert page.index(f'id="change-{new.id}"') < page.index(f'id="change-{old.id}"')
    assert "Removal of" in page and "TapPay" in page and "(upcoming)" in page


def test_feed_is_atom_with_stable_ids(app, client, helptal):
    with app.app_context():
        change = announce(days=30)
    response = client.get("/subprocessors/changelog.atom")
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}updated") is not None
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == change.summary(helptal.registry)
    assert entry.find(f"{ATOM}id").text.endswith(f":helptal/changes/{change.id}")
    assert entry.find(f"{ATOM}updated").text == f"{date.today().isoformat()}T00:00:00Z"
    assert ET.fromstring(client.get("/subprocessors/changelog.atom").data).find(
        f"{ATOM}entry/{ATOM}id").text == entry.find(f"{ATOM}id").text


def test_another_profile_and_an_unknown_one(client, helpdesk):
    page = html.unescape(client.get("/subprocessors?profile=helpdesk").get_data(as_text=True))
    assert helpdesk.registry.subprocessors[0].legal_entity in page
    assert client.get("/subprocessors?profile=nope").status_code == 404
