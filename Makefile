# The two commands of the README, and the steps they are made of.
#   make run    install what is missing, build, create the demo database, serve
#   make test   install what is missing, build, run every test (SQLite, PostgreSQL, browser)
#   make check  between edits: build the tests and run the unit and storage tiers (SQLite)
BUILD_DIR ?= build
HOST ?= 127.0.0.1
PORT ?= 8080
DB ?= var/cchc.db
JOBS ?= $(shell nproc)

.PHONY: run test check build setup bench clean

run:
	@bash scripts/setup.sh run
	@$(MAKE) --no-print-directory build TARGET=cchc
	@if [ ! -f "$(DB)" ]; then ./$(BUILD_DIR)/cchc demo --db "$(DB)"; \
	 else echo "Using the existing $(DB) (delete it to load the demo data again)."; fi
	./$(BUILD_DIR)/cchc serve --db "$(DB)" --host $(HOST) --port $(PORT)

test:
	@bash scripts/test.sh

check:
	@bash scripts/check.sh

build:
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j$(JOBS) $(if $(TARGET),--target $(TARGET))

setup:
	@bash scripts/setup.sh test

bench:
	@bash bench/run.sh

clean:
	rm -rf $(BUILD_DIR)
