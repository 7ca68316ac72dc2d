# presslens: `make help` lists the targets.
# Every target sets up .venv from requirements.lock by itself, the first time.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.presslens-installed
REPORTS := reports
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# The corpus the notebooks run on: empty means the bundled seeds/.
CORPUS  ?=
CORPUS_PARAM := $(if $(CORPUS),-p corpus $(abspath $(CORPUS)),)
# Use this venv's python3 kernel, whatever kernels the user has installed elsewhere.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.DEFAULT_GOAL := help
.PHONY: help venv analysis test test-unit test-notebooks test-browser lab notebooks lint clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3" >/dev/null
	touch $(STAMP)

venv: $(STAMP) ## create .venv from the lock file (done by every target)

analysis: $(STAMP) ## run every notebook on seeds/ (or CORPUS=path) into reports/ (.ipynb, .html, index.html, CSV)
	mkdir -p $(REPORTS)
	@for nb in $(NOTEBOOKS); do \
	  name=$$(basename $$nb); \
	  echo "analysis: $$name"; \
	  $(BIN)/papermill --no-progress-bar --log-level WARNING --cwd notebooks -k python3 \
	    $$nb $(REPORTS)/$$name $(CORPUS_PARAM) || exit 1; \
	  $(BIN)/jupyter nbconvert --log-level WARN --to html $(REPORTS)/$$name --output-dir $(REPORTS) || exit 1; \
	done
	$(BIN)/python -m presslens.views.report $(REPORTS) $(if $(CORPUS),--corpus $(abspath $(CORPUS)),)
	@echo "analysis: reports written to $(REPORTS)/ (open $(REPORTS)/index.html)"

test: test-unit test-notebooks test-browser ## unit tests, strict nbval, then every notebook in JupyterLab

test-unit: $(STAMP) ## run the unit tests only
	$(BIN)/pytest tests

test-notebooks: $(STAMP) ## check every committed notebook with strict nbval
	$(BIN)/pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
	  -p no:cacheprovider $(NOTEBOOKS)

notebooks: $(STAMP) ## re-execute the committed notebooks in place, to refresh their outputs
	@for nb in $(NOTEBOOKS); do \
	  echo "notebooks: $$nb"; \
	  (cd notebooks && ../$(BIN)/jupyter nbconvert --log-level WARN --to notebook --execute \
	    --ExecutePreprocessor.record_timing=False \
	    --inplace $$(basename $$nb)) || exit 1; \
	done

test-browser: $(STAMP) ## run every notebook in JupyterLab (Chromium); screenshots in reports/screenshots/
	PRESSLENS_BROWSER=1 $(BIN)/pytest -p no:cacheprovider tests/browser

lab: $(STAMP) ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab --notebook-dir=notebooks

lint: $(STAMP) ## ruff over the package and the tests
	$(BIN)/ruff check src tests benchmarks

clean: ## remove reports/ (keeps .venv)
	rm -rf $(REPORTS)

.PHONY: quality
QUALITY_TEXTS ?= benchmarks/quality/texts

quality: $(STAMP) ## score quotes, dates and cleaning on the labelled real articles (texts rebuilt by hand, see README), beside the peer
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r benchmarks/quality/peer.lock
	$(BIN)/python -m benchmarks.quality benchmarks/quality/gold $(QUALITY_TEXTS) --batches a b c d e f g h i j k l m n o p q r s t u v w x y z aa ab ac ad ae af ag ah ai aj ak al am an ao ap aq ar as at au av aw ax ay az ba bb bc bd be bf bg bh bi bj bk bl bm bn bo bp bq br bs bt bu bv bw bx bz cb cg
	$(BIN)/python -m benchmarks.quality benchmarks/quality/gold $(QUALITY_TEXTS) --batches by ca cc ce cd cf --misses 0

.PHONY: bench bench-small
BENCH_WORK ?= $(or $(TMPDIR),/tmp)/presslens-bench

bench: $(STAMP) ## benchmark stages vs baselines at 1k, 10k, 100k generated articles (about an hour)
	$(BIN)/python -m benchmarks.run --sizes 1000 10000 100000 --work $(BENCH_WORK) \
	  --results benchmarks/results.md

bench-small: $(STAMP) ## the same benchmark at 1k and 10k articles (minutes)
	$(BIN)/python -m benchmarks.run --sizes 1000 10000 --work $(BENCH_WORK) \
	  --results benchmarks/results-small.md
