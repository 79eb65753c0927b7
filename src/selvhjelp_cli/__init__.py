"""selvhjelp – verktøy for selvorganiserte selvhjelpsgrupper."""

__version__ = "0.1.0"
