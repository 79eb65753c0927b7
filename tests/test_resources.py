"""core/resources.py: the data, templates and catalogues, in a checkout and in the installed wheel."""

from __future__ import annotations

from selvhjelp_cli.core.resources import data_file, locale_dir, templates_dir


def test_each_folder_is_found_with_what_the_program_reads_from_it():
    assert data_file("districts.json").is_file()
    assert (templates_dir() / "app" / "base.html.j2").is_file()
    assert (locale_dir() / "nn" / "LC_MESSAGES" / "selvhjelp.mo").is_file()


def test_a_missing_file_is_not_pretended():
    assert not data_file("no-such-file.json").is_file()
