#!/usr/bin/env bash
# Makes (once) the Python virtual environment of the browser tests in $1: Selenium, axe-selenium-python 3 (axe-core 4.10,
# which needs Python 3.12 or later: on Python 3.11 pip silently picks a 2018 axe-core), pytest, and the real parsers the
# data tests read the site's open data with: icalendar (calendar feeds), jsonschema (model.json, Popolo) and pyld (JSON-LD).
set -euo pipefail
venv=$1
packages=(selenium axe-selenium-python==3.0.0 pytest icalendar jsonschema pyld)
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import selenium, axe_selenium_python, pytest, icalendar, jsonschema, pyld' 2>/dev/null; then exit 0; fi

recent() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
python=""
for candidate in python3 python3.12 python3.13; do
  # pyenv's shims exist for every version it has, but fail for one that is not selected: try each, keep one that runs.
  if command -v "$candidate" >/dev/null 2>&1 && recent "$candidate"; then python=$(command -v "$candidate"); break; fi
done
if [ -z "$python" ]; then
  root=$( (pyenv root 2>/dev/null) || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  for candidate in $(ls -d "$root"/versions/3.12*/bin/python3 "$root"/versions/3.1[3-9]*/bin/python3 2>/dev/null); do
    if recent "$candidate"; then python=$candidate; break; fi
  done
fi
if [ -z "$python" ]; then
  echo "error: the browser tests need Python 3.12 or later (axe-selenium-python 3); install it, e.g. 'pyenv install 3.12'" >&2
  exit 2
fi
echo "Making the browser tests' environment in $venv with $("$python" --version)"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "${packages[@]}"
