"""Templates to text: the group file (YAML), documents (HTML, Markdown, PDF).

Environments come from one small factory, never from module state. HTML is
autoescaped; an undefined variable is an error, not a blank; a district
office's own templates (--templates DIR) come first in the search path and run
in Jinja's sandbox.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.errors import UserError

if TYPE_CHECKING:
    from jinja2 import Environment


def yaml_quote(value: Any) -> str:
    """A value as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def environment(*, user_dir: str | None = None, html: bool = True) -> Environment:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from selvhjelp_cli.resources import templates_dir

    loaders: list[jinja2.BaseLoader] = []
    if user_dir:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    cls = SandboxedEnvironment if user_dir else jinja2.Environment
    env = cls(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "html.j2", "htm", "xml"]) if html else False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_quote
    return env


def render_text(template: str, **context: Any) -> str:
    """A plain-text template (no HTML escaping), such as the group file."""
    return environment(html=False).get_template(template).render(**context)


_MARKDOWN_INLINE = set("\\`*_[]<>|")
_MARKDOWN_LINE_START = re.compile(r"^(?:(?P<mark>[#>+-])|(?P<number>\d+)(?P<dot>[.)])\s)")


def markdown_escape(value: Any) -> str:
    """Names and places as literal text in Markdown, whatever characters they hold.

    Inline markup characters are always escaped; list, heading and quote
    markers only where they would start a line, so "kl. 18.00" stays readable.
    """
    text = " ".join(str(value).split())
    text = "".join("\\" + c if c in _MARKDOWN_INLINE else c for c in text)
    # "\\- Ola" for a marker; "1\\. Liv" for a number, whose digits cannot be escaped.
    return _MARKDOWN_LINE_START.sub(
        lambda m: "\\" + m["mark"] if m["mark"] else f"{m['number']}\\{m['dot']} ", text)


def _document_environment(user_dir: str | None) -> Environment:
    env = environment(user_dir=user_dir)
    env.filters["md"] = markdown_escape
    return env


def render_html(document, user_dir: str | None = None) -> str:
    env = _document_environment(user_dir)
    return env.get_template(f"{document.template}.html.j2").render(**document.context)


def render_markdown(document, user_dir: str | None = None) -> str:
    env = _document_environment(user_dir)
    text = env.get_template(f"{document.template}.md.j2").render(**document.context)
    # Collapse the blank lines template logic leaves behind.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


class PdfEngineMissing(Exception):
    """WeasyPrint or its system libraries (Pango) are not installed."""


def _load_weasyprint():
    import logging

    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise PdfEngineMissing(str(error)) from None
    # WeasyPrint logs the URLs it could not load; those may name local files.
    for name in ("weasyprint", "weasyprint.progress", "fontTools"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL)
        logger.propagate = False
    return weasyprint


def _fetcher(weasyprint, allowed_dirs: list[str]):
    """A URL fetcher that loads only data: URLs and files inside allowed_dirs.

    WeasyPrint's default fetcher would follow any link a template holds,
    across the network or to any local file (and embed it as an attachment).
    """
    import os
    from urllib.parse import unquote, urlparse

    roots = [os.path.realpath(d) + os.sep for d in allowed_dirs]

    def allowed(url: str) -> bool:
        parsed = urlparse(url)
        if parsed.scheme == "data":
            return True
        if parsed.scheme != "file":
            return False
        path = os.path.realpath(unquote(parsed.path))
        return any(path.startswith(root) for root in roots)

    urls = weasyprint.urls
    if hasattr(urls, "URLFetcher"):  # WeasyPrint 66 and later

        class SafeFetcher(urls.URLFetcher):
            def fetch(self, url, headers=None):
                if not allowed(url):
                    raise ValueError("blocked by selvhjelp")
                return super().fetch(url, headers)

        return SafeFetcher(allowed_protocols={"file", "data"})

    def fetch(url, *args, **kwargs):  # older WeasyPrint: a plain function
        if not allowed(url):
            raise ValueError("blocked by selvhjelp")
        return urls.default_url_fetcher(url, *args, **kwargs)

    return fetch


def html_to_pdf(html: str, *, user_dir: str | None = None) -> bytes:
    from pathlib import Path

    from selvhjelp_cli.resources import templates_dir

    weasyprint = _load_weasyprint()
    package_dir = str(templates_dir())
    allowed = [package_dir] + ([user_dir] if user_dir else [])
    base = Path(user_dir or package_dir).resolve().as_uri() + "/"
    document = weasyprint.HTML(string=html, base_url=base, url_fetcher=_fetcher(weasyprint, allowed))
    return document.write_pdf()


PDF_ENGINE_HELP = (
    "PDF krever WeasyPrint og systembiblioteket Pango, som ikke ble funnet. Installer Pango "
    "(Debian/Ubuntu: sudo apt install libpango-1.0-0 libpangoft2-1.0-0; macOS: brew install pango; "
    "Windows: se installasjonsveiledningen til WeasyPrint). I mellomtiden virker --format html: "
    "åpne filen i nettleseren og skriv ut derfra."
)


def render_document(document, output_format: str, *, user_dir: str | None = None) -> bytes:
    """The document as PDF, HTML or Markdown bytes; UserError for template or engine problems."""
    import jinja2
    from jinja2.sandbox import SecurityError

    try:
        if output_format == "md":
            return render_markdown(document, user_dir).encode("utf-8")
        html = render_html(document, user_dir)
    except jinja2.TemplateSyntaxError as error:
        raise UserError(f"Malen har en syntaksfeil: {error.message}", path=error.filename or error.name,
                        line=error.lineno) from None
    except jinja2.TemplateNotFound as error:
        raise UserError(f"Fant ikke malen {error.name}.") from None
    except jinja2.UndefinedError as error:
        raise UserError(f"Malen bruker en verdi som ikke finnes: {error.message}") from None
    except SecurityError:
        raise UserError("Malen prøver å gjøre noe som ikke er tillatt i egne maler.") from None
    if output_format == "html":
        return html.encode("utf-8")
    try:
        return html_to_pdf(html, user_dir=user_dir)
    except PdfEngineMissing:
        raise UserError(PDF_ENGINE_HELP) from None
