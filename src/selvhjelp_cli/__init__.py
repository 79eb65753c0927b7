"""selvhjelp – verktøy for selvorganiserte selvhjelpsgrupper."""

import os

__version__ = "0.1.0"

# Pydantic finds every installed "pydantic plugin" (by reading all packages' metadata, about 20 ms at each
# start) and lets each one watch every validation. A group file holds people's names: no other installed
# package is to see them.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
