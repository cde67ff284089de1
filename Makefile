# ovop-report: the two commands of the README, and a few helpers.
SWIFT ?= swift
BIN = .build/release/ovop-report
PERIOD ?= 2026-10

.PHONY: all deps build report test bench bench-huge sample clean

# Install what is missing, build, and write a full report from the bundled sample data.
all: report

deps:
	./scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product ovop-report

# Exit status 1 means "done, with rejected lines": the sample has a few on purpose.
report: build
	rm -f output/ovop.sqlite output/ovop.sqlite-wal output/ovop.sqlite-shm
	$(BIN) run --inbox samples/inbox --period $(PERIOD) --warehouse output/ovop.sqlite --output output; \
	  s=$$?; [ $$s -eq 0 ] || [ $$s -eq 1 ]
	@echo "report written to output/$(PERIOD)/"

# Every test: unit, integration (the real binary on real files) and renderer read-backs.
test:
	./scripts/install-deps.sh --test
	$(SWIFT) build --build-tests
	OVOP_BIN=$(CURDIR)/.build/debug/ovop-report $(SWIFT) test --disable-xctest

# Benchmark figures (not a test): lines per second, seconds per stage, peak memory.
bench: build
	./scripts/bench.sh

# The report of one month of a million lines: time and peak memory (takes a few minutes).
bench-huge: build
	./scripts/bench.sh huge

# Regenerate the bundled sample data.
sample: build
	rm -rf samples/inbox
	$(BIN) sample --output samples/inbox --months 13 --end $(PERIOD) --seed 2026 --lines 2600

clean:
	rm -rf .build output/*/ output/ovop.sqlite*
