"""DPA Builder: assemble GDPR Data Processing Addendums from one source of truth.

Import-free on purpose: `dpa generate` must not load the web stack. The web
application is built by `dpa_builder.app.create_app`.
"""
