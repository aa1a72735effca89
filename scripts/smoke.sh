#!/usr/bin/env bash
# Install the package as a user would, and check that it works: build the wheel and sdist, install the
# wheel into a fresh `python3 -m venv` with that venv's own pip (no upgrade, no lock: what a user gets
# from `pip install newsledger`), then run the CLI on saved inputs from outside the checkout.
# Fails loudly, naming the step, when an install would not work for a user.
#   scripts/smoke.sh            (make smoke; .ci/run runs it after the tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
build_python=${BUILD_PYTHON:-$root/.venv/bin/python}
work=$(mktemp -d "${TMPDIR:-/tmp}/newsledger-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { printf '\n== smoke: %s\n' "$*"; }
fail() { printf '\nSMOKE FAILED: %s\n' "$*" >&2; exit 1; }

step "build the wheel and the sdist"
"$build_python" -m build --outdir "$work/dist" "$root" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "python -m build"; }
wheel=$(ls "$work"/dist/newsledger-*.whl) && sdist=$(ls "$work"/dist/newsledger-*.tar.gz) || fail "no wheel or sdist built"
# What the code reads at run time must ship in both: data files, templates, static files, migrations.
"$python" -m zipfile -l "$wheel" >"$work/wheel.txt"
tar tzf "$sdist" >"$work/sdist.txt"
for f in newsledger/data/cues.tsv newsledger/data/english.yaml newsledger/data/actors/countries.tsv \
         newsledger/data/times/patterns.yaml newsledger/data/statements/cue_model.tsv \
         newsledger/web/templates/article.html newsledger/store/migrations/; do
  grep -q "^$f" "$work/wheel.txt" || fail "the wheel lacks $f"
  grep -q "/src/$f" "$work/sdist.txt" || fail "the sdist lacks src/$f"
done

step "install the wheel into a fresh venv with its own pip ($("$python" -m pip --version | cut -d' ' -f1-2))"
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$wheel" >"$work/install.log" 2>&1 || { tail -30 "$work/install.log"; fail "pip install of the wheel"; }
nl="$work/venv/bin/newsledger"
cd "$work"      # away from the checkout: only the installed package can be imported

step "newsledger --version"
"$nl" --version | grep -q "newsledger" || fail "--version"

# check NAME CONDITION: CONDITION is Python over the records of $work/out.jsonl (r: the first, a: its article)
cat >"$work/check.py" <<'PY'
import json, sys
name, cond, path = sys.argv[1:4]
records = [json.loads(line) for line in open(path) if line.strip()]
r = records[0] if records else {}
a = r.get("article", {})
ok = bool(records) and eval(cond)
print(f"   {name}: {'ok' if ok else 'FAILED'} (title={a.get('title')!r}, published={a.get('published')!r}, "
      f"{len(a.get('text') or '')} chars, {len(r.get('statements') or [])} statements, {len(r.get('errors') or [])} errors)")
sys.exit(0 if ok else 1)
PY
check() { "$work/venv/bin/python" "$work/check.py" "$1" "$2" "$work/out.jsonl" || fail "$1"; }

step "extract a saved HTML page: title, text and date come out"
"$nl" extract "$root/tests/fixtures/html/article.html" >"$work/out.jsonl" || fail "extract of an HTML page"
check "html page" "a['title'].startswith('Envoys meet in Geneva') and a['published'] == '2025-10-09' and len(a['text']) > 500 and not r.get('errors')"

step "extract a text file"
printf 'The minister said on Monday that the talks would resume in Geneva.\n' >"$work/note.txt"
"$nl" extract "$work/note.txt" --published 2025-09-01 >"$work/out.jsonl" || fail "extract of a text file"
check "text file" "a['published'] == '2025-09-01' and len(r['statements']) == 1 and r['times']"

step "extract a JSONL file"
"$nl" extract "$root/examples/articles.jsonl" >"$work/out.jsonl" || fail "extract of a JSONL file"
check "jsonl file" "len(records) == sum(1 for _ in open('$root/examples/articles.jsonl')) and all(x['statements'] for x in records)"

step "ingest into SQLite, then commitments --json"
"$nl" ingest "$root/examples/articles.jsonl" "$root/tests/fixtures/html/article.html" --db "$work/ledger.db" || fail "ingest"
"$nl" commitments --json --db "$work/ledger.db" >"$work/commitments.json" || fail "commitments --json"
"$work/venv/bin/python" -c "
import json, sys
rows = json.load(open('$work/commitments.json'))
print(f'   commitments: {len(rows)} rows')
sys.exit(0 if rows and all(r.get('kind') and r.get('status') for r in rows) else 1)" || fail "commitments --json gave no usable rows"

printf '\nsmoke: passed\n'
