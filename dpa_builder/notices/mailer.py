"""Send mail through the configured SMTP relay, keeping one connection open."""
import smtplib
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit


class Mailer:
    """`DPA_SMTP_URL`: smtp://[user:password@]host[:port], smtp+starttls://… or smtps://…"""

    def __init__(self, url: str, timeout: float = 30):
        self.parts, self.timeout = urlsplit(url), timeout
        if self.parts.scheme not in ("smtp", "smtp+starttls", "smtps"):
            raise ValueError(f"DPA_SMTP_URL: unsupported scheme {self.parts.scheme!r}")
        self.connection: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        scheme, host = self.parts.scheme, self.parts.hostname or "localhost"
        port = self.parts.port or (465 if scheme == "smtps" else 25)
        cls = smtplib.SMTP_SSL if scheme == "smtps" else smtplib.SMTP
        connection = cls(host, port, timeout=self.timeout)
        if scheme == "smtp+starttls":
            connection.starttls()
        if self.parts.username:
            connection.login(unquote(self.parts.username), unquote(self.parts.password or ""))
        return connection

    def send(self, message: EmailMessage) -> None:
        """Deliver one message; raise on refusal so the caller can retry it later."""
        if self.connection is None:
            self.connection = self._connect()
        try:
            self.connection.send_message(message)
        except (smtplib.SMTPServerDisconnected, ConnectionError):
            self.close()
            self.connection = self._connect()
            self.connection.send_message(message)

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self.connection = None
