import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import yaml
from docx import Document as open_docx
from sqlalchemy import func, select
from test_customer import form_data

from dpa_builder.content.layout import DOCX_TEMPLATE, LABELS_FILE
from dpa_builder.content.loader import load_content
from dpa_builder.extensions import db
from dpa_builder.legal.preview import clause_preview
from dpa_builder.notices.models import Notice, Objection, Subscriber
from dpa_builder.records.models import DocumentRecord
from dpa_builder.records.service import file_for, issue, rebuild
from dpa_builder.registry import service as registry
from dpa_builder.registry.models import ContentVersion, Publication, RegistryChange
from dpa_builder.request import parse_request

from conftest import csrf_token, docx_text, login, make_request, make_user

CLAUSE = "clause_library/26-subprocessors.yaml"
CLAUSE_URL = f"/legal/clauses/helptal/{CLAUSE}"
PAGES = ["/legal/", CLAUSE_URL, "/legal/templates/helptal", "/legal/registry/helptal"]
TODAY = date.today()


@pytest.fixture
def legal(app, client):
    user = make_user(app, "legal")
    login(client, user.email)
    return user


def edited(helptal, old="Consequence of silence.", new="Silence."):
    text = helptal.text(CLAUSE)
    assert old in text
    return text.replace(old, new)


def hidden(page, name):
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page)
    return match and match.group(1)


def error_for(page, field_id):
    match = re.search(rf'<p class="error" id="{field_id}-error">([^<]*)</p>', page)
    return match and match.group(1)


def post_clause(client, text, action="preview", proof="", note=""):
    data = {"text": text, "proof": proof, "note": note, action: action.title(),
            "csrf_token": csrf_token(client, CLAUSE_URL)}
    return client.post(CLAUSE_URL, data=data)


def versions(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ContentVersion))


def test_sales_is_refused_legal_pages_but_sees_stale_annexes(app, client):
    login(client, make_user(app, "sales").email)
    assert [client.get(url).status_code for url in PAGES] == [403] * len(PAGES)
    assert client.get("/legal/stale").status_code == 200


def test_legal_lands_in_the_workspace(app, client):
    page = login(client, make_user(app, "legal").email)
    assert page.request.path == "/legal/" and "Legal workspace" in page.get_data(as_text=True)


def test_legal_opens_every_page(client, legal):
    assert [client.get(url).status_code for url in [*PAGES, "/legal/stale"]] == [200] * 5


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get("/legal/").headers["Location"].startswith("/staff/login")


def test_unknown_profile_or_file_is_not_found(client, legal):
    assert client.get("/legal/clauses/nobody/" + CLAUSE).status_code == 404
    assert client.get("/legal/clauses/helptal/annexes/helptal/registry.yaml").status_code == 404


def test_clause_preview_diffs_a_sample_dpa(client, legal, helptal):
    page = post_clause(client, edited(helptal)).get_data(as_text=True)
    assert "<del>Consequence of silence.</del>" in page
    assert "<ins>Silence.</ins>" in page
    assert hidden(page, "proof")


def test_the_preview_names_the_sample_customers_country_as_a_sentence_does(helptal):
    path = "clause_library/68-transfers_uk.yaml"  # only the UK customer's DPA changes
    text = helptal.text(path).replace("Transfers from the United Kingdom", "Transfers from the UK")
    preview = clause_preview("helptal", helptal, path, text)
    assert preview.sample == "a sample customer from the United Kingdom (GB) acting as controller, " \
                             "AI features off"


def test_a_yaml_error_is_named_and_cannot_be_published(app, client, legal, helptal):
    version = yaml.safe_load(helptal.text(CLAUSE))["version"]
    text = helptal.text(CLAUSE).replace(f"version: {version}", "version: two")
    response = post_clause(client, text)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and not hidden(page, "proof")
    assert f"{CLAUSE}: version: Input should be a valid integer" in page
    before = versions(app)
    response = post_clause(client, text, "publish", proof="forged", note="Try anyway")
    assert response.status_code == 422 and versions(app) == before


def test_publish_needs_a_preview_of_exactly_that_text(app, client, legal, helptal):
    proof = hidden(post_clause(client, edited(helptal)).get_data(as_text=True), "proof")
    before = versions(app)
    response = post_clause(client, edited(helptal, new="Other."), "publish", proof, "note")
    assert response.status_code == 422 and versions(app) == before
    assert "Preview this text before publishing it" in response.get_data(as_text=True)


def test_publish_needs_a_note(app, client, legal, helptal):
    proof = hidden(post_clause(client, edited(helptal)).get_data(as_text=True), "proof")
    response = post_clause(client, edited(helptal), "publish", proof)
    assert response.status_code == 422
    assert error_for(response.get_data(as_text=True), "note") == "A note is required to publish."


def issue_by_form(client, app, name):
    client.post("/", data=form_data(csrf_token(client, "/"), legal_name=name))
    with app.app_context():
        return db.session.scalars(select(DocumentRecord).where(DocumentRecord.company == name)).one()


def test_publish_is_recorded_and_the_next_dpa_carries_it(app, client, legal, helptal):
    first = issue_by_form(client, app, "Before GmbH")
    proof = hidden(post_clause(client, edited(helptal)).get_data(as_text=True), "proof")
    response = post_clause(client, edited(helptal), "publish", proof, "Shorter heading")
    assert response.status_code == 302 and response.headers["Location"] == "/legal/"
    with app.app_context():
        publication = db.session.scalars(select(Publication)
                                         .order_by(Publication.id.desc())).first()
        assert publication.published_by == legal.id and publication.note == "Shorter heading"
        assert publication.published_at is not None
    index = client.get("/legal/").get_data(as_text=True)
    assert "Shorter heading" in index and "Legal Person" in index and publication.version_id in index
    second = issue_by_form(client, app, "After GmbH")
    assert second.content_version == publication.version_id != first.content_version
    with app.app_context():
        new_text, old_text = (docx_text(file_for(r, "docx")) for r in (second, first))
        assert "Silence. If the Customer" in new_text and "Consequence of silence" not in new_text
        assert "Consequence of silence" in old_text
        assert rebuild(first, "docx") == file_for(first, "docx")


def change_data(client, **changes):
    data = {"kind": "add", "target": "", "entry_id": "hetzner", "brand": "Hetzner",
            "legal_entity": "Hetzner Online GmbH", "address": "Industriestr. 25, 91710 Gunzenhausen",
            "country": "de", "processing_location": "Germany", "category": "hosting",
            "purpose": "Virtual servers.", "workspace_content": "y",
            "announced_on": TODAY.isoformat(), "effective_on": (TODAY + timedelta(30)).isoformat(),
            "csrf_token": csrf_token(client, "/legal/registry/helptal")}
    return {k: v for k, v in {**data, **changes}.items() if v is not None}


def test_a_change_inside_the_notice_period_is_refused_next_to_its_date(app, client, legal):
    late = (TODAY + timedelta(10)).isoformat()
    response = client.post("/legal/registry/helptal", data=change_data(client, effective_on=late))
    assert response.status_code == 422
    assert "falls inside the 30-day notice period" in error_for(response.get_data(as_text=True),
                                                               "effective_on")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(RegistryChange)) == 0


def test_entry_fields_and_backdating_are_refused_next_to_each_field(client, legal):
    data = change_data(client, entry_id="Bad Id", legal_entity="", category="gpu",
                       announced_on=(TODAY - timedelta(30)).isoformat())
    page = client.post("/legal/registry/helptal", data=data).get_data(as_text=True)
    assert error_for(page, "entry_id") == "use lower-case letters, digits, - and _ only"
    assert error_for(page, "legal_entity") == "is required"
    assert error_for(page, "announced_on") == "cannot be in the past: the notices go out today"


def test_a_valid_change_is_recorded_and_notices_queued(app, client, legal):
    now = datetime.now(UTC)
    with app.app_context():
        db.session.add_all([Subscriber(profile="helptal", email="a@x.example", confirmed_at=now),
                            Subscriber(profile="helptal", email="b@x.example", confirmed_at=now),
                            Subscriber(profile="helptal", email="c@x.example"),
                            Subscriber(profile="helpdesk", email="d@x.example", confirmed_at=now)])
        db.session.commit()
    response = client.post("/legal/registry/helptal", data=change_data(client),
                           follow_redirects=True)
    assert response.request.path == "/legal/"
    page = response.get_data(as_text=True)
    assert "2 notices queued" in page and "Addition of Hetzner Online GmbH (Hetzner)" in page
    with app.app_context():
        [change] = db.session.scalars(select(RegistryChange)).all()
        assert change.created_by == legal.id and change.entry["country"] == "DE"
        assert change.entry["since"] == change.effective_on.isoformat()
        assert db.session.scalar(select(func.count()).select_from(Notice)) == 2


def test_stale_lists_dpas_issued_before_a_change_took_effect(app, client):
    with app.app_context():
        issue(parse_request(make_request(customer__legal_name="Early GmbH")), channel="cli",
              formats=("docx",))
        told, _ = issue(parse_request(make_request(customer__legal_name="Told GmbH")),
                        channel="cli", formats=("docx",))
        change = RegistryChange(profile="helptal", kind="remove", target="tappay",
                                announced_on=TODAY - timedelta(40), effective_on=TODAY - timedelta(1))
        db.session.add(change)
        db.session.flush()
        told.announced_changes = [change.id]  # issued while the change was announced
        db.session.commit()
        later, _ = issue(parse_request(make_request(customer__legal_name="Late GmbH")),
                         channel="cli", formats=("docx",))
        assert later.registry_changes
    login(client, make_user(app, "sales").email)
    page = client.get("/legal/stale").get_data(as_text=True)
    assert "Early GmbH" in page and "Late GmbH" not in page and "Told GmbH" not in page
    version = yaml.safe_load(load_content("helptal").text(CLAUSE))["version"]
    assert "Annex III lacks: Removal of" in page and f"subprocessors v{version}" in page


def test_objections_are_listed_in_the_workspace(app, client, legal):
    with app.app_context():
        change = RegistryChange(profile="helptal", kind="remove", target="tappay",
                                announced_on=TODAY, effective_on=TODAY + timedelta(30))
        db.session.add(change)
        db.session.flush()
        db.session.add(Objection(change_id=change.id, company="Objector Ltd", name="Olga Obj",
                                 email="olga@objector.example", reason="We need & <keep> it"))
        db.session.commit()
    page = client.get("/legal/").get_data(as_text=True)
    assert "Objector Ltd" in page and "olga@objector.example" in page
    assert "We need &amp; &lt;keep&gt; it" in page and "Removal of" in page


def template_with(helptal, text):
    docx = open_docx(io.BytesIO(helptal.files[DOCX_TEMPLATE]))
    docx.add_paragraph(text)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def upload(client, data, **fields):
    form = {"csrf_token": csrf_token(client, "/legal/templates/helptal"), **fields}
    if data is not None:
        form["upload"] = (io.BytesIO(data), "dpa.docx")
    return client.post("/legal/templates/helptal", data=form, content_type="multipart/form-data")


def test_a_template_upload_is_checked_before_it_is_published(app, client, legal, helptal):
    response = upload(client, b"MZ not a zip", check="Check")
    assert response.status_code == 422 and "not a zip archive" in response.get_data(as_text=True)
    bad = upload(client, template_with(helptal, "{{ document.titel }}"), check="Check")
    named = f"paragraph {len(open_docx(io.BytesIO(helptal.files[DOCX_TEMPLATE])).paragraphs) + 1} ("
    assert named in bad.get_data(as_text=True) and bad.status_code == 422
    data = template_with(helptal, "Issued as {{ document.id }}")
    page = upload(client, data, check="Check").get_data(as_text=True)
    assert "Every check passed" in page and "<ins>Issued as DPA-" in page
    staged = hidden(page, "staged")
    assert upload(client, None, staged=staged, publish="Publish").status_code == 422
    response = upload(client, None, staged=staged, note="Issue line", publish="Publish")
    assert response.status_code == 302
    with app.app_context():
        publication = db.session.scalars(select(Publication)
                                         .where(Publication.note == "Issue line")).one()
        version = db.session.get(ContentVersion, publication.version_id)
        assert version.snapshot()[DOCX_TEMPLATE] == data and publication.published_by == legal.id


def test_publishing_an_earlier_version_again_keeps_both_publications(app, legal, helptal):
    with app.app_context():
        first = registry.current_publication("helptal")
        edited_files = {**helptal.files, LABELS_FILE: helptal.files[LABELS_FILE] + b"\nextra: Extra\n"}
        registry.publish("helptal", edited_files, legal.id, "edit")
        again = registry.publish("helptal", helptal.files, legal.id, "revert")
        assert again.version_id == first.version_id == registry.current_version_id("helptal")
        notes = db.session.scalars(select(Publication.note).where(Publication.profile == "helptal")
                                   .order_by(Publication.id)).all()
        assert notes == ["first content version, imported at migration", "edit", "revert"]


def test_a_change_posted_without_some_entry_fields_names_each_one(client, legal):
    # A browser sends every field; a hand-made post may not.
    data = change_data(client, country=None, legal_entity=None, category=None)
    page = client.post("/legal/registry/helptal", data=data).get_data(as_text=True)
    assert error_for(page, "country") == "is required"
    assert error_for(page, "legal_entity") == "is required"
    assert error_for(page, "category") == "is required"
