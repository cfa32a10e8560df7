# Văn Thư Desktop — `make run` starts the app, `make test` runs every check. Both install what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := resources/translations/vanthu_vi.ts
QM := resources/translations/vanthu_vi.qm

.PHONY: run test system venv translations lint typecheck imports pytest bench demo two-office-demo check clean

run: system venv translations
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != "offscreen" ]; then \
		echo "No display found: starting on a virtual screen (xvfb-run). Set DISPLAY to use your desktop."; \
		xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m app $(ARGS); \
	else $(BIN)/python -m app $(ARGS); fi

test: system venv translations lint typecheck imports pytest

system:
	@installer/install-system-packages.sh

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@touch $(STAMP)

# Vietnamese is the default UI language: the .ts holds the translations, the .qm is what Qt loads.
translations: venv $(QM)

$(QM): $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm $(QM)

# Collect new UI strings into the .ts (developers run this, then translate the new entries).
update-translations: venv
	$(BIN)/pyside6-lupdate $$(find app -name '*.py') -ts $(TS) -no-obsolete

# Every Python tree the project has (axis_sandbox/ joins when it exists).
PY_TREES = $(wildcard app axis_sandbox tests bench)

lint: venv
	$(BIN)/ruff check $(PY_TREES)

typecheck: venv
	$(BIN)/mypy $(filter app axis_sandbox,$(PY_TREES))

imports: venv
	$(BIN)/lint-imports

pytest: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 --dist loadgroup -q $(PYTEST_ARGS)

bench: venv
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

demo: system venv translations
	$(BIN)/python -m app demo

# The sandbox axis and two demo offices (one window each) that send documents to each other; ARGS e.g. --base DIR.
two-office-demo: system venv translations
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != "offscreen" ]; then \
		echo "No display found: starting on a virtual screen (xvfb-run). Set DISPLAY to use your desktop."; \
		xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python -m app two-office-demo $(ARGS); \
	else $(BIN)/python -m app two-office-demo $(ARGS); fi

check: venv
	$(BIN)/python -m app check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
