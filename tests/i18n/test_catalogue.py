"""The Welsh catalogue is complete: every marked string in the code has a Welsh translation, none fuzzy,
and the committed .mo is the compiled .po. CI runs these on a clean clone (see README, Languages)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PO_PATH = BASE_DIR / "locale" / "cy" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
WELSH_PLURAL_FORMS = "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;"
# What `make messages` passes to makemessages, so the check sees exactly what a developer would.
IGNORED = [".venv/*", "node_modules/*", "staticfiles/*", "media/*", "tests/*", "test-results/*", "scripts/*"]
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "staticfiles", "media", "test-results", "__pycache__", "*.sqlite3*", "*.mo"
)


def _key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def _describe(keys):
    return sorted(f"{msgid!r}" + (f" (context {ctx!r})" if ctx else "") for ctx, msgid, _plural in keys)


def test_the_welsh_catalogue_uses_welshs_four_plural_forms():
    catalogue = polib.pofile(str(PO_PATH))
    assert catalogue.metadata["Language"] == "cy"
    assert catalogue.metadata["Plural-Forms"] == WELSH_PLURAL_FORMS


def test_every_welsh_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(PO_PATH))
    entries = [e for e in catalogue if not e.obsolete]
    assert len(entries) > 600
    empty = [e.msgid for e in entries if not e.translated() and "fuzzy" not in e.flags]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    plurals_short = [e.msgid for e in entries if e.msgid_plural and sorted(e.msgstr_plural) != [0, 1, 2, 3]]
    assert empty == [], "Welsh missing: translate these in locale/cy/LC_MESSAGES/django.po"
    assert fuzzy == [], "fuzzy (guessed by msgmerge): check the Welsh and remove the fuzzy flag"
    assert plurals_short == [], "plural entries need all four Welsh forms"


def test_the_compiled_mo_is_the_compiled_po():
    """The .mo is committed so the site speaks Welsh without gettext installed; it must match the .po."""
    po = {_key(e): (e.msgstr, dict(e.msgstr_plural)) for e in polib.pofile(str(PO_PATH)) if e.translated()}
    mo = {_key(e): (e.msgstr, dict(e.msgstr_plural)) for e in polib.mofile(str(MO_PATH)) if e.msgid}
    assert mo == po, "locale/cy/LC_MESSAGES/django.mo is stale: run `make messages` (it compiles the .po)"


def test_every_string_marked_in_the_code_is_in_the_welsh_catalogue(tmp_path):
    """makemessages on a copy of the project (so the working tree is never touched), compared with the .po."""
    if not (shutil.which("xgettext") and shutil.which("msgmerge")):
        if os.environ.get("QSITE_REQUIRE_SERVICES") == "1":
            pytest.fail("GNU gettext (xgettext, msgmerge) is required in CI: scripts/system-deps.sh installs it")
        pytest.skip("GNU gettext is not installed: the makemessages check NOT run (apt-get install gettext)")
    copy = tmp_path / "project"
    shutil.copytree(BASE_DIR, copy, ignore=NOT_COPIED, symlinks=True)
    command = [sys.executable, "manage.py", "makemessages", "--locale", "cy", "--no-obsolete"]
    command += [f"--ignore={pattern}" for pattern in IGNORED]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "qsite.settings.test"}
    result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr

    extracted = polib.pofile(str(copy / "locale" / "cy" / "LC_MESSAGES" / "django.po"))
    committed = polib.pofile(str(PO_PATH))
    in_code = {_key(e) for e in extracted if not e.obsolete}
    in_po = {_key(e) for e in committed if not e.obsolete}
    assert _describe(in_code - in_po) == [], "marked in the code but not in the Welsh .po: run `make messages`"
    assert _describe(in_po - in_code) == [], "in the Welsh .po but no longer in the code: run `make messages`"
