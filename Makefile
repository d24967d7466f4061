# make briefing: set up what is missing, then build every essay in source/ into output/ (extra flags: ARGS="...").
# make test:     the same set-up, then the tests.
# make watch:    rebuild on every save, with a live preview at http://localhost:4173/.
# make bench:    the speed and memory figures of this machine.
.PHONY: briefing test watch bench eval clean setup chromium typecheck

NPM_STAMP := node_modules/.package-lock.json
SOURCES := $(shell find pipeline -name '*.ts') scripts/bundle.mjs

briefing: setup
	node bin/briefing.mjs build $(ARGS)

watch: setup
	node bin/briefing.mjs watch $(ARGS)

bench: setup
	npx tsx bench/run.ts

eval: $(NPM_STAMP)
	npx tsx bench/eval-timex.ts

test: setup typecheck
	npx vitest run

typecheck: $(NPM_STAMP)
	npx tsc --noEmit

setup: $(NPM_STAMP) dist/cli.mjs chromium

# npm ci when package-lock.json changed or node_modules is absent (npm writes the stamp on every install).
$(NPM_STAMP): package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

dist/cli.mjs: $(SOURCES) $(NPM_STAMP)
	node scripts/bundle.mjs

chromium:
	@sh scripts/ensure-chromium.sh

clean:
	rm -rf dist
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
