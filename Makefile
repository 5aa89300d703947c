# Contact Ledger — the two commands of the README: `make site` and `make test`.
# Everything is installed into .venv from pinned versions (requirements.txt).
SHELL := /bin/sh
VENV  := .venv
BIN   := $(VENV)/bin
PY    := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: site test serve validate check bench system-deps clean setup bytecode

$(STAMP): requirements.txt
	@PYTHON=$$(scripts/python.sh) && { $$PYTHON -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $$PYTHON -m venv $(VENV); \
	  else echo "请先安装 python3-venv: sudo apt-get install -y python3-venv" >&2; exit 1; fi; }; }
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@# the venv knows the package from any folder (a cron job's /srv/ledger/.venv/bin/python -m generator …):
	@# a .pth file in its site-packages names this repository
	@$(PY) -c 'import pathlib, sys, sysconfig; pathlib.Path(sysconfig.get_paths()["purelib"], "contact-ledger.pth").write_text(sys.argv[1] + "\n", encoding="utf-8")' "$(CURDIR)"
	@touch $@

## bytecode: the package's modules compiled once, as installing a package compiles them: where
## PYTHONDONTWRITEBYTECODE is set (many containers and CI images), Python would otherwise compile
## every module it imports again on each run (≈70 ms of each `python -m generator`). Only the
## modules changed since are compiled again; Python itself ignores a compiled file whose source
## has changed since.  First the quick path's C extension (generator/_quickscan.c, scripts/quickscan.sh), built
## only when its source is newer than the module: without a C compiler the program runs without it, and says so.
bytecode: $(STAMP)
	@scripts/quickscan.sh $(PY)
	@$(PY) -m compileall -q generator

## LEDGER_TODAY (the site's "today", site/guide/site.md; the daily CI build sets it): validate judges
## the records as of the same day (which periods are archived), not the clock's
TODAY_ARG = $(if $(LEDGER_TODAY),--today "$(LEDGER_TODAY)")

## make site: set up, validate the records and build the site into public/ (with the web form
## at public/admin/ when CMS_ARGS, as for `make admin`, names the Git host; Node's packages are installed
## only then: without a repository the form cannot log in, and /admin/ is a page saying how to configure it)
site: bytecode $(if $(strip $(CMS_ARGS)),node-deps-optional)
	$(PY) -m generator validate $(TODAY_ARG)
	NO_MKDOCS_2_WARNING=1 LEDGER_CMS_ARGS="$(CMS_ARGS)" $(BIN)/mkdocs build --strict --quiet

## make test: set up (system packages for the browser tests too) and run every test
test: bytecode system-deps node-deps
	$(PY) -m pytest -q

## make pr-test BASE=<commit>: a pull request's tests: `make test`, unless every file it changes
## since BASE is a record (records/, CODEOWNERS; scripts/records-only.sh). A cadre's ledger cannot
## change what the program's tests test, and the pull request's other steps check the records.
.PHONY: pr-test
pr-test:
	@if scripts/records-only.sh "$(BASE)"; then \
	  echo "只改动了记录（records/、CODEOWNERS），程序没有变：不运行程序测试，记录已由前面的步骤检查。(records only: the program's tests are not run)"; \
	else $(MAKE) --no-print-directory test; fi

## make protected-names: CI's step before validate and the site: the students' names of the secret
## PROTECTED_STUDENT_NAMES written outside the checkout, CONTACT_LEDGER_PROTECTED_NAMES set for the later steps
## (scripts/protected-names.sh; site/guide/privacy.md). Without the secret it does nothing.
.PHONY: protected-names
protected-names:
	@scripts/protected-names.sh

## make serve: live preview at http://127.0.0.1:8000 (rebuilds when a record changes)
serve: bytecode
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

## make setup: only install .venv from requirements.txt and compile the package (CI workflows start with it)
setup: bytecode

validate: bytecode
	$(PY) -m generator validate $(TODAY_ARG)

system-deps:
	@scripts/system-deps.sh

clean:
	rm -rf $(VENV) build public .pytest_cache

## make admin: the web form (Decap CMS, in Chinese) into build/admin/, copied to public/admin/
## when the site is built; CMS_ARGS passes the Git host, e.g.
##   make admin CMS_ARGS="--backend gitlab --repo xgb/ledger --app-id ID --base-url https://git.example.edu.cn"
.PHONY: admin cms-trial node-deps
admin: bytecode node-deps
	$(PY) -m generator cms-admin --out build/admin $(CMS_ARGS)
	@if [ -d public ]; then rm -rf public/admin && cp -r build/admin public/admin; fi

## make cms-trial: try the form locally (scratch clone + decap-server; no account needed)
cms-trial: bytecode node-deps
	$(PY) -m generator cms-trial $(TRIAL_ARGS)

node-deps: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@scripts/node-deps.sh

## node-deps-optional: node-deps when it can work (root, or npm present); never fails `make site`
.PHONY: node-deps-optional
node-deps-optional:
	@if [ "$$(id -u)" = 0 ] || command -v npm >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory node-deps || echo "网页表单的 Node 程序包安装失败，网站照常生成（不含表单）；稍后可运行 make node-deps" >&2; \
	else echo "未安装 Node.js：网站照常生成，不含网页填报表单；安装 Node.js 后运行 make node-deps" >&2; fi

## make bench: the benchmark (bench/run.py) on 1k, 5k and 12k ledgers; results in bench/RESULTS.md's format.
##   make bench SIZES=1000          (1k only; `make test` runs it once, --reps 1, as its smoke test)      BENCH_ARGS="--reps 5 --no-site"
##   make bench BENCH_ARGS="--records DIR"   (a records folder of your own, measured on a copy)
##   (Chromium and the CJK fonts, system-deps, only when the built pages are opened: not with --no-browser or --no-site)
##   (with --records no --sizes is passed, unless SIZES is given: run.py then says it is not used)
SIZES ?= 1000,5000,12000
SIZES_ARG = $(if $(and $(filter --records --records=%,$(BENCH_ARGS)),$(filter file,$(origin SIZES))),,--sizes $(SIZES) )
bench: bytecode $(if $(filter --no-browser --no-site,$(BENCH_ARGS)),,system-deps)
	$(PY) bench/run.py $(SIZES_ARG)$(BENCH_ARGS)
