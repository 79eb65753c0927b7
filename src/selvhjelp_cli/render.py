"""Templates to text: the group file (YAML), documents (HTML, Markdown, PDF).

Environments come from one small factory, never from module state. HTML is
autoescaped; an undefined variable is an error, not a blank; a district
office's own templates (--templates DIR) come first in the search path and run
in Jinja's sandbox.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

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
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"]) if html else False,
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
