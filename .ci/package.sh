#!/usr/bin/env bash
# Packaging CI (issue #19), run by .ci/run after the test suite, or alone: bash .ci/package.sh
#
#  1. python -m build (sdist + wheel) and twine check --strict;
#  2. a fresh venv with only the wheel: `cleannews --version`, `cleannews extract` on a
#     page, and the pytest plugin in two scratch projects (one opted in: its case runs;
#     one not: the plugin does nothing and --cleannews-update is refused);
#  3. the sdist's own tests, from the unpacked sdist, on Python 3.10 (cleannews built
#     from the sdist) and 3.13 (from the wheel): the fast tests, never the corpus ones;
#  4. the datatrove step with datatrove installed; 5. mkdocs build --strict;
#  6. the gates, ruff and mypy --strict: a finding fails the run (CLEANNEWS_GATES=0
#     only reports, for a local run in the middle of a refactor).
# Every step installs what it needs: nothing is assumed of the machine but python3,
# and the two pyenv interpreters (a missing one is reported and skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
PY=${PY:-.venv/bin/python}        # the project's venv, as .ci/run made it from the README
if [ ! -x "$PY" ]; then python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]'; PY=.venv/bin/python; fi
PYTHONS=${PYTHONS:-"/root/.pyenv/versions/3.10.13/bin/python3 /root/.pyenv/versions/3.13.0/bin/python3"}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cleannews-package.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
START=$SECONDS
step() { echo; echo "== [package $((SECONDS - START))s] $*"; }
fail() { echo "package.sh: FAILED: $*" >&2; exit 1; }

step "build the sdist and the wheel, twine check"
"$PY" -m pip install -q build twine
"$PY" -m build --outdir "$WORK/dist" . >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; fail "python -m build"; }
"$PY" -m twine check --strict "$WORK"/dist/*
WHEEL=$(ls "$WORK"/dist/*.whl)
SDIST=$(ls "$WORK"/dist/*.tar.gz)
ls -l "$WORK/dist"
# what each artefact must carry: the licence everywhere; the sdist what its tests read
# (listings go to files first: `grep -q` closing a pipe early fails the pipeline under pipefail)
"$PY" -m zipfile -l "$WHEEL" >"$WORK/wheel.txt"
tar tzf "$SDIST" >"$WORK/sdist.txt"
grep -q "licenses/LICENSE" "$WORK/wheel.txt" || fail "the wheel has no LICENSE"
grep -q "cleannews/py.typed" "$WORK/wheel.txt" || fail "the wheel has no py.typed"
# every language's words (cleannews/lang/data/*.toml, read with importlib.resources at import)
for f in cleannews/lang/data/en.toml cleannews/lang/data/de.toml; do
  grep -q "$f" "$WORK/wheel.txt" || fail "the wheel lacks $f"
  grep -q "^cleannews-[^/]*/src/$f$" "$WORK/sdist.txt" || fail "the sdist lacks src/$f"
done
for f in LICENSE tests/conftest.py fixtures/example/harbour-ferry.html benchmarks/__init__.py docs/article.md; do
  grep -q "^cleannews-[^/]*/$f$" "$WORK/sdist.txt" || fail "the sdist lacks $f"
done
echo "artefacts carry LICENSE, py.typed, the lang data; the sdist its tests, fixtures, benchmarks and docs"

step "a fresh venv with the wheel only"
python3 -m venv "$WORK/wheel-venv"
V="$WORK/wheel-venv/bin"
"$V/pip" install -q "$WHEEL" pytest
cd "$WORK"   # never the tree: the installed package must be the one that runs
"$V/python" -c "import cleannews, sys; p = cleannews.__file__; print('cleannews from', p); sys.exit('$WORK/wheel-venv' not in p)"
"$V/cleannews" --version >"$WORK/version.txt" || fail "cleannews --version"
echo "cleannews --version: $(cat "$WORK/version.txt")"
"$V/cleannews" extract "$ROOT/fixtures/example/harbour-ferry.html" >"$WORK/extract.jsonl"
"$V/python" - "$WORK/extract.jsonl" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf8")]
assert len(rows) == 1 and rows[0]["title"] and len(rows[0]["body"]) > 200, rows
print(f"cleannews extract: title {rows[0]['title']!r}, {len(rows[0]['body'])} body characters, {len(rows[0]['quotes'])} quotes")
EOF

step "the pytest plugin from the wheel: a scratch project that opted in"
OPTED="$WORK/opted-in"
mkdir -p "$OPTED/fixtures/example"
cp "$ROOT"/fixtures/example/harbour-ferry.html "$ROOT"/fixtures/example/harbour-ferry.expected.json "$OPTED/fixtures/example/"
printf '[pytest]\ntestpaths = fixtures\ncleannews_fixtures = fixtures\n' >"$OPTED/pytest.ini"
(cd "$OPTED" && "$V/python" -m pytest -v -p no:cacheprovider) | tee "$WORK/opted.txt"
grep -q "fixtures/example/harbour-ferry.html::harbour-ferry PASSED" "$WORK/opted.txt" || fail "the opted-in case did not run"
grep -q "site-cleaner-coverage PASSED" "$WORK/opted.txt" || fail "no coverage test in the opted-in project"

step "the pytest plugin from the wheel: a project that did not opt in"
PLAIN="$WORK/not-opted-in"
mkdir -p "$PLAIN/fixtures/emails" "$PLAIN/tests"
printf '# e-mail templates\n' >"$PLAIN/fixtures/README.md"
cp "$ROOT/fixtures/example/harbour-ferry.html" "$PLAIN/fixtures/emails/welcome.html"
printf 'def test_own():\n    assert True\n' >"$PLAIN/tests/test_own.py"
printf '[pytest]\ntestpaths = fixtures tests\n' >"$PLAIN/pytest.ini"
(cd "$PLAIN" && "$V/python" -m pytest -v -p no:cacheprovider) | tee "$WORK/plain.txt"
grep -Eq "^=+ 1 passed in" "$WORK/plain.txt" || fail "the plugin collected something in a project that did not opt in"
if grep -Eq "README|welcome|site-cleaner-coverage" "$WORK/plain.txt"; then fail "cleannews items in an unrelated project"; fi
set +e
(cd "$PLAIN" && "$V/python" -m pytest -q -p no:cacheprovider --cleannews-update) >"$WORK/update.txt" 2>&1
rc=$?
set -e
cat "$WORK/update.txt"
[ "$rc" = 4 ] || fail "--cleannews-update in a project that did not opt in exited $rc, not 4 (usage error)"
[ -z "$(find "$PLAIN" -name '*.expected.json')" ] || fail "--cleannews-update wrote into a project that did not opt in"
echo "not opted in: only the project's own test ran; --cleannews-update refused, nothing written"
cd "$ROOT"

step "new-site from the wheel writes into the project, never into site-packages"
PLUG="$WORK/plugin-project"
mkdir -p "$PLUG/src/harbour_sites"
: >"$PLUG/src/harbour_sites/__init__.py"
printf '[project]\nname = "harbour-sites"\nversion = "0.1"\n\n[project.entry-points."cleannews.cleaners"]\nharbour = "harbour_sites"\n\n[tool.pytest.ini_options]\ncleannews_fixtures = "fixtures"\n' >"$PLUG/pyproject.toml"
(cd "$PLUG/src" && "$V/cleannews" new-site www.coastal-ledger.example "$ROOT/fixtures/example/harbour-ferry.html") | tee "$WORK/new-site.txt"
[ -f "$PLUG/src/harbour_sites/coastal_ledger.py" ] || fail "new-site did not write into the project's entry-point package"
[ -z "$(find "$WORK/wheel-venv" -name 'coastal_ledger.py')" ] || fail "new-site wrote into site-packages"
hint=$(grep -E '^ +pytest ' "$WORK/new-site.txt" | sed -E 's/^ +//; s/ &&.*//')
echo "+ (cd src && $hint)"
# shellcheck disable=SC2086 # the hint is a command line to split
(cd "$PLUG/src" && "$V/python" -m $hint -p no:cacheprovider -q) || fail "the printed next: pytest command failed"

step "the sdist's own tests on other Pythons (fast tests, from the unpacked sdist)"
mkdir -p "$WORK/sdist"
tar xzf "$SDIST" -C "$WORK/sdist"
SRC=$(ls -d "$WORK"/sdist/cleannews-*)
for interp in $PYTHONS; do
  if [ ! -x "$interp" ]; then echo "skipped: $interp is not installed"; continue; fi
  ver=$("$interp" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  venv="$WORK/venv-$ver"
  "$interp" -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  # 3.10 builds cleannews from the sdist (the sdist must build), the others take the wheel
  if [ "$ver" = 3.10 ]; then pkg=$SDIST; else pkg=$WHEEL; fi
  "$venv/bin/pip" install -q "$pkg" pytest hypothesis pytest-xdist beautifulsoup4
  mark=()
  if (cd "$SRC" && "$venv/bin/python" -m pytest --markers -p no:cacheprovider 2>/dev/null | grep -q "^@pytest.mark.corpus"); then
    mark=(-m "not corpus")
  fi
  echo "-- Python $ver ($(basename "$pkg")), ${mark[*]:-no corpus marker: the corpus tests skip without ../shared}"
  (cd "$SRC" && "$venv/bin/python" -c "import cleannews; assert '$venv' in cleannews.__file__, cleannews.__file__" \
    && "$venv/bin/python" -m pytest -q -p no:cacheprovider "${mark[@]}") || fail "the sdist's tests on Python $ver"
done

step "extras into the project venv: datatrove, docs, lint"
"$PY" -m pip install -q -e '.[dev,datatrove,docs,lint]'

step "the datatrove step, datatrove installed"
"$PY" -m pytest -q -p no:cacheprovider tests/test_datatrove.py -rs | tee "$WORK/datatrove.txt"
grep -q "2 passed" "$WORK/datatrove.txt" || fail "the datatrove tests did not run"

step "the docs site: mkdocs build --strict"
"$PY" -m mkdocs build --strict -q -d "$WORK/site"
echo "built $(find "$WORK/site" -name '*.html' | wc -l) pages"

step "gates: ruff and mypy --strict"
gate_failed=()
"$PY" -m ruff check src tests benchmarks || gate_failed+=(ruff)
"$PY" -m mypy --strict src/cleannews >"$WORK/mypy.txt" 2>&1 || gate_failed+=(mypy)
tail -n 1 "$WORK/mypy.txt"
# The gates fail the run; CLEANNEWS_GATES=0 only reports (a local run mid-refactor).
GATES=${CLEANNEWS_GATES:-1}
if [ "${#gate_failed[@]}" -gt 0 ]; then
  if [ "$GATES" = 1 ]; then fail "gates: ${gate_failed[*]}"; fi
  echo "gates (report only, CLEANNEWS_GATES=$GATES): failing: ${gate_failed[*]}"
else
  echo "gates: ruff and mypy --strict clean"
fi

step "done in $((SECONDS - START)) s"
