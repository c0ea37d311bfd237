"""The OpenAPI 3.1 description of the API, derived from the models so it cannot drift."""
from ..assembly.transfers import eu_member_states
from ..content.loader import Content
from ..render.formats import FORMATS
from ..request import Request

REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict:
    return {"$ref": REF.format(model=name)}


def _json(name: str, description: str, **extra) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": _ref(name)}}, **extra}


def _schemas(content: Content) -> dict:
    request = Request.model_json_schema(ref_template=REF)
    defs = request.pop("$defs", {})
    policy = content.profile.policy
    create = {**request, "title": "DpaCreate",
              "description": "The request of PRODUCT.md, plus the options legal allows.",
              "properties": {**request["properties"], "options": _ref("Options")}}
    sha = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
    url = {"type": "string", "format": "uri"}
    size = {"type": ["integer", "null"], "description": "bytes"}
    return {
        **defs, "Request": request, "DpaCreate": create,
        "Options": {"type": "object", "additionalProperties": False, "properties": {
            "notice_days": {"type": "integer", "minimum": policy.notice_days,
                            "maximum": policy.notice_days_max,
                            "description": f"Notice of sub-processor changes; default "
                                           f"{policy.notice_days}."},
            "governing_law": {"type": "string", "enum": eu_member_states(content.regimes),
                              "description": "EU Member State whose law governs the EU SCCs; "
                                             "default: the customer's own."},
            "bilingual": {"type": "boolean", "description": "A French or Chinese DPA with each "
                          "paragraph in English (which prevails), then translated."},
            "english_for": {"type": "array", "items": {"type": "string"}, "description":
                            "A French or Chinese DPA: the parts whose translation is missing or "
                            "out of date to give in English (clause ids, label.<id>, text.<digest>, "
                            "or all); without them such a DPA is refused on `language`."}}},
        "Dpa": {"type": "object", "required": ["id", "document_id", "issued_at", "sha256", "urls"],
                "properties": {
                    "id": {"type": "string", "description": "The record's id."},
                    "document_id": {"type": "string", "examples": ["DPA-1A2B-3C4D-5E6F-7A8B"]},
                    "issued_at": {"type": "string", "format": "date-time"},
                    "content_version": {"type": "string"},
                    "registry_version": {"type": "string", "format": "date"},
                    "facts": {"type": "object", "additionalProperties": {"type": "string"},
                              "description": "What the DPA states, as issued: transfer "
                                             "mechanism, authority, governing law, notice days."},
                    "options": {"type": "object", "description": "The options chosen, as "
                                "Options; null where the default applied."},
                    "sha256": {"type": "object", "properties": dict.fromkeys(FORMATS, sha)},
                    "sizes": {"type": "object", "properties": dict.fromkeys(FORMATS, size)},
                    "urls": {"type": "object",
                             "properties": {**dict.fromkeys(FORMATS, url), "summary": url}}}},
        "ValidationErrors": {
            "type": "object", "required": ["errors"],
            "properties": {"errors": {
                "type": "object", "additionalProperties": {"type": "string"},
                "description": "Each bad field's dotted path, e.g. customer.contact_email, "
                               "options.notice_days, with a message."}}},
        "Error": {"type": "object", "required": ["error"],
                  "properties": {"error": {"type": "string"}}},
    }


def spec(content: Content, public_url: str) -> dict:
    """The OpenAPI document for the profile the service issues DPAs for."""
    auth = {"401": _json("Error", "No token, or an unknown or revoked one."),
            "403": _json("Error", "The token's user is not sales or admin.")}
    dpa = _json("Dpa", "The issued DPA: its hashes and where to download it.")
    return {
        "openapi": "3.1.0",
        "info": {"title": "DPA Builder API", "version": "1",
                 "description": f"Issue GDPR Data Processing Addendums for "
                                f"{content.profile.product}."},
        "servers": [{"url": public_url.rstrip("/") + "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": {
            "/dpa": {"post": {
                "operationId": "createDpa", "summary": "Issue a DPA (DOCX and PDF).",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _ref("DpaCreate")}}},
                "responses": {
                    "201": {**dpa, "headers": {"Location": {
                        "description": "The new DPA's address in this API.",
                        "schema": {"type": "string", "format": "uri"}}}},
                    "400": _json("Error", "The body is not a JSON object."), **auth,
                    "413": _json("Error", "The body is too large."),
                    "422": _json("ValidationErrors", "Bad fields; nothing was issued."),
                    "429": _json("Error", "Too many requests.")}}},
            "/dpa/{id}": {"get": {
                "operationId": "getDpa", "summary": "An issued DPA.",
                "parameters": [{"name": "id", "in": "path", "required": True,
                                "schema": {"type": "string"}}],
                "responses": {"200": dpa, **auth,
                              "404": _json("Error", "No DPA with this id.")}}},
            "/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This description.", "security": [],
                "responses": {"200": {"description": "OpenAPI 3.1",
                                      "content": {"application/json": {}}}}}},
        },
        "components": {
            "schemas": _schemas(content),
            "securitySchemes": {"bearer": {
                "type": "http", "scheme": "bearer",
                "description": "A token from `dpa token create`, sent as "
                               "`Authorization: Bearer <token>`."}},
        },
    }
