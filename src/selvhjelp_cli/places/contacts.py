"""The offices and contact points of a directory, as plain data: who they are, how
to reach them and what they cover. directory.py chooses the directory; directory_file.py
reads one from a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property

from selvhjelp_cli.core.i18n import _

HEAD_OFFICE_KEYS = ("name", "email", "web", "phone", "address")


@dataclass(frozen=True)
class Coverage:
    """What an office covers, as 2024 municipalities and postcodes."""

    counties: tuple[tuple[str, frozenset[str]], ...] = ()  # (name as written, its 2024 municipalities)
    municipalities: frozenset[str] = frozenset()
    postcodes: frozenset[str] = frozenset()

    def county_municipalities(self) -> frozenset[str]:
        return _union(self.counties)


@cache
def _union(counties: tuple[tuple[str, frozenset[str]], ...]) -> frozenset[str]:
    return frozenset().union(*(numbers for _unused, numbers in counties))


@dataclass(frozen=True)
class Contact:
    """An office or contact point."""

    id: str
    office: str  # its name
    phone: str | None = None
    email: str | None = None
    web: str | None = None
    address: str | None = None
    kind: str | None = None
    covers: tuple[str, ...] = ()  # as written, for people to read
    coverage: Coverage = field(default_factory=Coverage)

    def as_json(self) -> dict:
        answer = {"id": self.id, "office": self.office, "phone": self.phone, "covers": list(self.covers)}
        for key in ("email", "web", "address", "kind"):
            if getattr(self, key):
                answer[key] = getattr(self, key)
        return answer

    @property
    def reach(self) -> str:
        """How to reach it, on one line: «telefon 55 00 00 00, post@example.no»."""
        parts = [_("telefon {phone}").format(phone=self.phone)] if self.phone else []
        parts += [value for value in (self.email, self.web) if value]
        return ", ".join(parts)


@dataclass(frozen=True)
class HeadOffice:
    name: str
    email: str | None = None
    web: str | None = None
    phone: str | None = None
    address: str | None = None

    def as_json(self) -> dict:
        return {key: getattr(self, key) for key in HEAD_OFFICE_KEYS if getattr(self, key)}

    @property
    def reach(self) -> str:
        phone = _("telefon {phone}").format(phone=self.phone) if self.phone else None
        return ", ".join(v for v in (self.email, self.web, phone) if v)


@dataclass(frozen=True)
class Directory:
    as_of: date
    source: str
    notice: str
    head_office: HeadOffice
    contacts: tuple[Contact, ...]
    builtin: bool = False
    path: str | None = None

    @property
    def shown_notice(self) -> str:
        """The notice in the program's language: the built-in one is in the catalogues, a file's is the office's own."""
        return _(self.notice) if self.builtin else self.notice

    def info_json(self) -> dict:
        return {"as_of": self.as_of.isoformat(), "source": self.source, "notice": self.shown_notice}

    def contact(self, contact_id: str) -> Contact | None:
        return self._by_id.get(contact_id)

    @cached_property
    def _by_id(self) -> dict[str, Contact]:
        return {c.id: c for c in self.contacts}

    @property
    def dated(self) -> str:
        """«Kontaktlisten er fra 1. juli 2019 (kilde: …).»"""
        from selvhjelp_cli.core.dates import plain_date

        return _("Listen er fra {as_of} (kilde: {source}).").format(as_of=plain_date(self.as_of), source=self.source)


