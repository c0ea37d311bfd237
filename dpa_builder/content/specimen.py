"""Which configured values make a DPA a specimen: example values and unset variables.

A DPA built on them must say so on every page and cannot be issued in
production (DPA_ENV=production); see README, "Configuration".
"""
import os
import re

# RFC 2606 / RFC 6761 reserve these names for examples and tests: no real
# mailbox can exist under them.
_RESERVED_DOMAIN = re.compile(
    r"@(?:[^@\s]+\.)?(?:example|test|invalid|localhost|example\.(?:com|net|org))$", re.I)
_EXAMPLE_WORD = re.compile(r"\bexample\b", re.I)


def is_example(value: str) -> bool:
    """True for demo values such as "Alex Example" or "privacy@helptal.example"."""
    return bool(_RESERVED_DOMAIN.search(value.strip()) or _EXAMPLE_WORD.search(value))


def unset_placeholder(variable: str) -> str:
    """What a DPA shows where a configured value is missing."""
    return f"[{variable} not set]"


def configured_value(variable: str, reasons: list[str]) -> str:
    """The variable's value, or a placeholder; each unset or example value adds a reason."""
    value = os.environ.get(variable, "").strip()
    if not value:
        reasons.append(f"{variable} is not set")
        return unset_placeholder(variable)
    if is_example(value):
        reasons.append(f"{variable} is an example value ({value})")
    return value


def production(environ=os.environ) -> bool:
    return environ.get("DPA_ENV", "").strip().lower() == "production"


class SpecimenRefused(Exception):
    """Production refuses to issue a specimen; the message names the configuration."""

    def __init__(self, profile: str, reasons: tuple[str, ...]):
        super().__init__(f"The {profile} profile can only produce a specimen DPA, which is not "
                         f"issued in production: {'; '.join(reasons)}.")
        self.profile, self.reasons = profile, reasons


def refuse_in_production(profile: str, reasons: tuple[str, ...], environ=os.environ) -> None:
    if reasons and production(environ):
        raise SpecimenRefused(profile, reasons)
