# The two commands: `make run` and `make test`. Everything else is a step of them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Rasa 3.6 runs on Python 3.10 at the newest; pyenv installs are found even when the shim is not active.
PYTHON310 ?= $(shell for candidate in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do \
	if $$candidate -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then echo $$candidate; break; fi; done)

export BIND_ADDRESS ?= 127.0.0.1
export ACTION_PORT ?= 5055
export RASA_PORT ?= 5005
export WEBCHAT_PORT ?= 8080
export PORTAL_PORT ?= 8000
export ACTION_SERVER_URL ?= http://localhost:$(ACTION_PORT)/webhook
export RASA_URL ?= http://localhost:$(RASA_PORT)
export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false

TRAINING_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null | sort)
# Timestamps alone miss a deleted or renamed training file: the list of files is a prerequisite
# too, rewritten (and so newer than the model) only when the set of files changes.
TRAINING_LIST := models/.training-files
$(shell mkdir -p models && (echo "$(TRAINING_INPUTS)" | cmp -s - $(TRAINING_LIST) || echo "$(TRAINING_INPUTS)" > $(TRAINING_LIST)))

.PHONY: help install train migrate run chat test test-without-model lint validate unit bench eval clean webchat chromium postgres telegram scale-test

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	@if [ -z "$(PYTHON310)" ]; then echo "Python 3.10 is required (Rasa 3.6 does not run on newer Pythons): install it, e.g. 'pyenv install 3.10', then run make again."; exit 1; fi
	test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed ## create .venv and install the pinned packages

models/.trained: $(TRAINING_INPUTS) $(TRAINING_LIST) | $(VENV)/.installed
	@mkdir -p models
	$(BIN)/rasa train --out models --fixed-model-name companion --quiet
	touch $@

RISK_CLASSIFIER := models/risk_classifier.joblib

$(RISK_CLASSIFIER): $(wildcard data/safety/corpus/*.jsonl) tests/data/safety/dev.jsonl tests/data/safety/holdout.jsonl tests/data/safety/holdout_round2.jsonl tests/data/safety/holdout_round3.jsonl tests/data/safety/holdout_round4.jsonl tests/data/safety/holdout_round5.jsonl bot/safety/classifier.py | $(VENV)/.installed
	@mkdir -p models
	$(BIN)/python -m bot train-risk

train: models/.trained $(RISK_CLASSIFIER) ## train the Rasa model and the risk classifier when their data changed (and only then)

migrate: $(VENV)/.installed ## bring the database to the newest schema; creates the secrets under var/ on first use
	$(BIN)/python -m bot migrate

WEBCHAT_VENDOR := bot/channels/webchat/static/vendor/socket.io.min.js

$(WEBCHAT_VENDOR): bot/channels/webchat/package-lock.json scripts/build_webchat.sh
	scripts/build_webchat.sh

webchat: $(WEBCHAT_VENDOR) ## build the web chat widget's vendored socket.io client (npm ci)

chromium: ## install Debian's chromium for the browser tests (when missing; needs root)
	scripts/install_chromium.sh

postgres: ## install Debian's PostgreSQL for the tests that run the storage on it (when missing; needs root)
	scripts/install_postgres.sh

# The Telegram bridge starts only when a bot token is set.
PROCESSES := actions rasa webchat portal $(if $(TELEGRAM_BOT_TOKEN),telegram,)

run: models/.trained $(RISK_CLASSIFIER) migrate $(WEBCHAT_VENDOR) ## serve everything on SQLite (actions, Rasa, web chat, Telegram if TELEGRAM_BOT_TOKEN is set)
	@echo "Web chat:      http://localhost:$(WEBCHAT_PORT)/"
	@echo "Portal:        http://localhost:$(PORTAL_PORT)/  (therapists; accounts: python -m bot therapist create EMAIL --password-stdin)"
	@echo "Rasa:          $(RASA_URL)  (REST: POST $(RASA_URL)/webhooks/rest/webhook, Socket.IO: $(RASA_URL)/socket.io)"
	@echo "Rasa HTTP API: $(RASA_URL)  (needs ?token= from RASA_API_TOKEN, by default the file var/rasa_api.token)"
	@echo "Action server: $(ACTION_SERVER_URL)  (answers only Rasa, with ACTION_SERVER_TOKEN)"
	@echo "Listening on:  $(BIND_ADDRESS)  (BIND_ADDRESS)"
	@echo "Telegram:      $(if $(TELEGRAM_BOT_TOKEN),on ($(if $(TELEGRAM_WEBHOOK_URL),webhook,long polling)),off (set TELEGRAM_BOT_TOKEN to start it))"
	@echo "Stop everything with Ctrl-C."
	$(BIN)/honcho start -f Procfile $(PROCESSES)

telegram: models/.trained $(RISK_CLASSIFIER) migrate ## run only the Telegram bridge (needs TELEGRAM_BOT_TOKEN and a running `make run`)
	$(BIN)/python -m bot telegram

chat: models/.trained $(RISK_CLASSIFIER) migrate ## talk to the bot in this terminal (start `make run` or the action server first)
	$(BIN)/python -m bot serve shell

lint: $(VENV)/.installed ## ruff
	$(BIN)/ruff check bot actions tests bench

validate: $(VENV)/.installed ## Rasa's data validation, warnings count as errors
	$(BIN)/rasa data validate --fail-on-warnings --quiet

unit: $(RISK_CLASSIFIER) ## the tests that need no trained Rasa model
	$(BIN)/pytest -m "not conversation and not browser" -q

test-without-model: $(RISK_CLASSIFIER) lint validate $(WEBCHAT_VENDOR) chromium postgres
	$(BIN)/pytest -q -m "not conversation and not browser" --ignore=tests/telegram

# Rasa's training keeps about one core and a third busy: everything that needs no trained model
# (the risk classifier, lint, validation, the widget, Chromium, the tests without a model) runs
# beside it, one job at a time, and the tests that talk to the model run once it is trained, in
# two workers with servers of their own (a test waits on Rasa most of the time; a module stays
# on one worker, so its fixtures are built once).
test: ## install, lint, validate data, run every test, then `rasa test` on the test stories
	$(MAKE) --no-print-directory -j2 --output-sync=target models/.trained test-without-model
	$(BIN)/pytest -q -n 2 --dist loadfile -m "conversation or browser" --ignore=tests/telegram
	$(BIN)/pytest -q tests/telegram
	$(BIN)/rasa test core --model models --stories tests/stories --fail-on-prediction-errors --out results --quiet

eval: $(RISK_CLASSIFIER) ## print the evaluation reports (development and held-out sets) of the risk detector, the apology analyzer and the circle suggestions
	$(BIN)/python -m bot evaluate-safety
	$(BIN)/python -m bot evaluate-safety tests/data/safety/holdout.jsonl
	$(BIN)/python -m bot evaluate-safety tests/data/safety/holdout_round2.jsonl
	$(BIN)/python -m bot evaluate-safety tests/data/safety/holdout_round3.jsonl
	$(BIN)/python -m bot evaluate-safety tests/data/safety/holdout_round4.jsonl
	$(BIN)/python -m bot evaluate-safety tests/data/safety/holdout_round5.jsonl
	$(BIN)/python -m bot evaluate-safety tests/data/safety/holdout_round6.jsonl
	$(BIN)/python -m bot evaluate-apology
	$(BIN)/python -m bot evaluate-apology tests/data/apology/holdout.jsonl
	$(BIN)/python -m bot evaluate-apology tests/data/apology/independent.jsonl
	$(BIN)/python -m bot evaluate-circles
	$(BIN)/python -m bot evaluate-circles tests/data/circles/holdout.jsonl

bench: $(VENV)/.installed ## speed benchmarks (the risk detector on every message)
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

scale-test: models/.trained $(RISK_CLASSIFIER) postgres ## two Rasa replicas and action servers behind nginx, on PostgreSQL and Redis, one killed mid-run; checks every conversation (not part of make test)
	scripts/install_scale.sh
	$(BIN)/python bench/scale_test.py

clean: ## remove trained models and test output (keeps var/, your data)
	rm -rf models results test-output .pytest_cache
