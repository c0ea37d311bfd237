import html
import io
import re
import time

from docx import Document as open_docx
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import func, select

from dpa_builder.app import create_app
from dpa_builder.extensions import db
from dpa_builder.records.models import DocumentRecord

from conftest import csrf_token, docx_text, make_request, pdf_text, squash

FIELDS = ["legal_name", "address", "country", "registration_number", "contact_name",
          "contact_email", "signatory_name", "signatory_title", "signatory_email", "workspace",
          "ai_features", "language", "effective_date", "authorised"]


def form_data(token, **changes):
    """The example request as the form posts it, with fields replaced."""
    request = make_request()
    signatory = {f"signatory_{k}": v for k, v in request["signatory"].items()}
    data = {**request["customer"], **signatory, "role": "controller", "workspace": "acme",
            "language": "en", "effective_date": "2026-12-01", "authorised": "y",
            "csrf_token": token}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def records(app):
    with app.app_context():
        return db.session.scalars(select(DocumentRecord)).all()


def count(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(DocumentRecord))


def error_for(page, field_id):
    match = re.search(rf'<p class="error" id="{field_id}-error">([^<]*)</p>', page)
    return match and html.unescape(match.group(1))


def test_form_renders_with_a_token_and_labelled_fields(client):
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and csrf_token(client, "/")
    for name in FIELDS:
        assert re.search(rf'<label for="{name}">[^<]+</label>', page), name
    assert '<select autocomplete="country" id="country" name="country">' in page
    assert 'autocomplete="section-signatory email"' in page and 'href="#main"' in page
    assert 'aria-describedby="legal_name-hint"' in page and 'id="legal_name-hint"' in page
    assert '<option value="DE">Germany</option>' in page
    for legend in ("Company", "Signatory", "Processing", "Delivery"):
        assert f"<legend>{legend}</legend>" in page


def test_round_trip_issues_a_dpa_with_both_files(client, app):
    response = client.post("/", data=form_data(csrf_token(client, "/")))
    assert response.status_code == 303
    [record] = records(app)
    assert response.location == f"/documents/{record.id}"
    assert record.channel == "form" and record.country == "DE"
    summary = client.get(response.location).get_data(as_text=True)
    assert "Acme Robotics GmbH" in summary and record.document_id in summary
    # No relay is configured here, so the page must not claim an email went out.
    assert record.emailed_at is None and "We could not email you the link" in summary
    docx = client.get(f"/documents/{record.id}/docx").data
    pdf = client.get(f"/documents/{record.id}/pdf").data
    assert "Acme Robotics GmbH" in docx_text(docx)
    assert "Acme Robotics GmbH" in squash(pdf_text(pdf))


def test_bad_fields_are_named_next_to_each_field_and_kept(client, app):
    data = form_data(csrf_token(client, "/"), contact_email="nope", signatory_name="",
                     country="ZZ", legal_name="Acme & <Sons>")
    response = client.post("/", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert error_for(page, "contact_email").startswith("Enter an email address such as name@")
    assert error_for(page, "signatory_name") == "Enter the name of the person who signs."
    assert error_for(page, "country") == "Choose the country where the company is established."
    assert page.count('class="error"') == 3 and "Please correct these 3 fields" in page
    assert 'aria-describedby="signatory_name-error" aria-invalid="true"' in page
    assert 'value="nope"' in page and 'value="Acme &amp; &lt;Sons&gt;"' in page
    assert count(app) == 0


def test_an_empty_form_names_every_required_field_in_plain_words(client, app):
    response = client.post("/", data={"csrf_token": csrf_token(client, "/")})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert error_for(page, "legal_name") == "Enter the company's legal name, as registered."
    assert error_for(page, "signatory_title") == "Enter the signatory's job title, such as CEO."
    assert error_for(page, "authorised").startswith("Please confirm that you are authorised")
    assert "is required" not in page and "Input should" not in page and "customer:" not in page
    assert page.count('class="error"') == 8


def expired_token(app, client) -> str:
    """The form's CSRF token as it would read after an hour: signed with an older time."""
    csrf_token(client, "/")
    with client.session_transaction() as session:
        raw = session["csrf_token"]

    class AnHourAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 3600

    return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token",
                                  signer=AnHourAgo).dumps(raw)


def test_an_expired_token_keeps_what_was_typed(app, client):
    app.config["WTF_CSRF_TIME_LIMIT"] = 60
    token = expired_token(app, client)
    response = client.post("/", data=form_data(token, legal_name="Zürich Ærø AG"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Please press the button again" in page
    assert 'value="Zürich Ærø AG"' in page and 'value="jane@acme.example"' in page
    assert count(app) == 0
    response = client.post("/", data=form_data(re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                                                         page).group(1)))
    assert response.status_code == 303 and count(app) == 1


def test_post_without_a_token_is_refused(client, app):
    response = client.post("/", data=form_data(None))
    assert response.status_code == 400 and "Please press the button again" in response.get_data(True)
    assert count(app) == 0


def test_the_same_form_posted_twice_issues_once(client, app):
    page = client.get("/").get_data(as_text=True)
    key = re.search(r'name="idempotency_key" type="hidden" value="([^"]+)"', page).group(1)
    data = form_data(csrf_token(client, "/"), idempotency_key=key)
    first, second = client.post("/", data=data), client.post("/", data=data)
    assert first.status_code == second.status_code == 303
    assert first.location == second.location and count(app) == 1
    edited = client.post("/", data={**data, "legal_name": "Acme Robotics AG"})
    assert edited.location != first.location and count(app) == 2


def test_unchecked_authorised_is_refused(client, app):
    response = client.post("/", data=form_data(csrf_token(client, "/"), authorised=None))
    assert response.status_code == 422
    assert "authorised to sign" in error_for(response.get_data(as_text=True), "authorised")
    assert count(app) == 0


def test_template_syntax_and_markup_come_back_literally(client, app):
    name = "{{ 7*7 }} <script>alert(1)</script> GmbH"
    response = client.post("/", data=form_data(csrf_token(client, "/"), legal_name=name),
                           follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "{{ 7*7 }} &lt;script&gt;alert(1)&lt;/script&gt; GmbH" in page
    assert "<script>" not in page
    [record] = records(app)
    assert name in docx_text(client.get(f"/documents/{record.id}/docx").data)
    assert name in squash(pdf_text(client.get(f"/documents/{record.id}/pdf").data))


def test_the_longest_name_allowed_issues_a_dpa_that_names_it_whole(client, app):
    name = "Acme " + "Robotics " * 21 + "GmbH"
    assert len(name) == 198
    response = client.post("/", data=form_data(csrf_token(client, "/"), legal_name=name))
    assert response.status_code == 303
    [record] = records(app)
    docx = client.get(f"/documents/{record.id}/docx").data
    assert name in docx_text(docx)
    # A file property holds 255 characters: the subject (which names both parties) is cut there.
    core = open_docx(io.BytesIO(docx)).core_properties
    assert core.title == f"Data Processing Addendum — {name}"
    assert core.subject.startswith("Data Processing Addendum under Article 28 GDPR between Evith")
    assert len(core.subject) == 255


def test_posts_are_rate_limited(app):
    limited = create_app({
        "TESTING": True, "SECRET_KEY": "test-secret", "RATELIMIT_ENABLED": True,
        "DPA_RATE_LIMIT": "2 per minute",
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "DPA_STORAGE_DIR": app.config["DPA_STORAGE_DIR"]})
    client = limited.test_client()
    token = csrf_token(client, "/")
    codes = [client.post("/", data=form_data(token, legal_name="")).status_code
             for _ in range(3)]
    assert codes == [422, 422, 429]
    assert client.get("/").status_code == 200


def test_security_headers(client):
    headers = client.get("/").headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_request_larger_than_the_limit_is_refused(client, app):
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/", data=form_data(csrf_token(client, "/"), address=big))
    assert response.status_code == 413 and count(app) == 0


def test_an_unreadable_date_is_refused_not_replaced_by_today(client, app):
    response = client.post("/", data=form_data(csrf_token(client, "/"), effective_date="1.12.26"))
    assert response.status_code == 422
    assert error_for(response.get_data(as_text=True), "effective_date")
    assert count(app) == 0


def test_a_german_customer_chooses_its_land_and_the_dpa_names_its_authority(client, app):
    page = client.get("/").get_data(as_text=True)
    assert '<optgroup label="Germany"><option value="DE-BW">Baden-Württemberg</option>' in page
    assert '<option value="US-CA">California</option>' in page
    response = client.post("/", data=form_data(csrf_token(client, "/"), region="DE-BY"))
    assert response.status_code == 303
    [record] = records(app)
    assert record.facts["region"] == "Bayern"
    assert record.facts["authority"].startswith("Bayerisches Landesamt für Datenschutzaufsicht")
    docx = client.get(f"/documents/{record.id}/docx").data
    assert "Bayerisches Landesamt für Datenschutzaufsicht" in docx_text(docx)


def test_a_land_of_another_country_is_named_beside_the_field(client, app):
    response = client.post("/", data=form_data(csrf_token(client, "/"), country="FR",
                                               region="DE-BY"))
    assert response.status_code == 422 and count(app) == 0
    assert "region of the customer" in error_for(response.get_data(as_text=True), "region")
