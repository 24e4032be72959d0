# scoplan — the two commands a new developer needs:
#   make run    install what is missing, build, and open the app
#   make test   install what is missing and run every check and test
# (the release build is `make release`, see README.md)
#
# The public targets first run scripts/install-deps.sh, then call make again,
# so that a Go installed by that script is found.

GO          ?= $(shell command -v go 2>/dev/null || ls /usr/local/go/bin/go $(HOME)/.local/go/bin/go 2>/dev/null | head -1)
GOFMT       := $(dir $(GO))gofmt
STATICCHECK := $(shell $(GO) env GOPATH 2>/dev/null)/bin/staticcheck
COMMIT      := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS     := -X scoplan/cli.Commit=$(COMMIT)
SUBMAKE     := $(MAKE) --no-print-directory

export CGO_ENABLED := 1

.PHONY: all deps build run test lint unit e2e release clean _build _lint _unit _e2e

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@$(SUBMAKE) _build
run: deps
	@$(SUBMAKE) _build
	./scoplan
test: deps
	@$(SUBMAKE) _lint _unit _e2e
lint: deps
	@$(SUBMAKE) _lint
unit: deps
	@$(SUBMAKE) _unit
e2e: deps
	@$(SUBMAKE) _e2e

_build:
	$(GO) build -ldflags "$(LDFLAGS)" -o scoplan .

_lint:
	@test -x $(STATICCHECK) || $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	@unformatted=$$($(GOFMT) -l $$(git ls-files '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

_unit:
	$(GO) test ./...
	GO=$(GO) bash scripts/test-nofonts.sh
	$(GO) test -race -run 'TestEngineConcurrentUse' ./data/search

# End-to-end scripts drive the real binary (and its window under Xvfb).
_e2e:
	@for s in scripts/e2e-*.sh; do [ -e "$$s" ] || continue; echo "== $$s"; GO=$(GO) bash "$$s" || exit 1; done

# Linux tarball and Windows .exe in dist/, checked (see scripts/release.sh).
release: deps
	GO=$(GO) bash scripts/release.sh

clean:
	rm -rf scoplan dist
