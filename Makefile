# make briefing: set up what is missing, then build every essay in source/ into output/ (extra flags: ARGS="...").
# make test:     the same set-up, then the code checks (Biome: format, lint, imports; tsc) and the tests.
# make format:   format the code and apply Biome's safe fixes.
# make watch:    rebuild on every save, with a live preview at http://localhost:4780/.
# make bench:    the speed and memory figures of this machine.
.PHONY: briefing test watch bench eval clean setup chromium typecheck style format

NPM_STAMP := node_modules/.package-lock.json
# The project's own tools, run directly: npx would cost half a second of npm's start-up each.
BIN := node_modules/.bin
# Types are checked by TypeScript 7, the native compiler (1.7 s here against 6.3 s for TypeScript 6, which stays for its
# JavaScript API: scripts/view-schemas.ts).
TSC := node_modules/typescript-7/bin/tsc
SOURCES := $(shell find pipeline -name '*.ts') scripts/bundle.mjs

briefing: setup
	node bin/briefing.mjs build $(ARGS)

watch: setup
	node bin/briefing.mjs watch $(ARGS)

bench: setup
	$(BIN)/tsx bench/run.ts

eval: $(NPM_STAMP)
	$(BIN)/tsx bench/eval-timex.ts

test: setup style typecheck
	$(BIN)/vitest run

typecheck: $(NPM_STAMP)
	$(TSC) --noEmit

# Formatting (120 columns), lint rules and import order, as biome.jsonc sets them; fails on any difference.
style: $(NPM_STAMP)
	$(BIN)/biome ci --error-on-warnings .

format: $(NPM_STAMP)
	$(BIN)/biome check --write .

setup: $(NPM_STAMP) dist/cli.mjs chromium

# npm ci when package-lock.json changed or node_modules is absent (npm writes the stamp on every install).
$(NPM_STAMP): package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

# npm ci bundles too (the package's prepare script): the stamp is an order-only prerequisite, so a fresh install does
# not bundle a second time; a changed lock file or source does.
dist/cli.mjs: $(SOURCES) package-lock.json | $(NPM_STAMP)
	node scripts/bundle.mjs

chromium:
	@sh scripts/ensure-chromium.sh

clean:
	rm -rf dist
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
