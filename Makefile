# Thin wrapper over CMake: `make` builds, `make test` builds and runs every test, `make demo`
# builds and runs the main job, `make bench` runs the benchmark against the installed peers.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# make install PREFIX=/usr [LIBDIR=lib/x86_64-linux-gnu] [DESTDIR=/tmp/stage]
PREFIX ?= /usr/local
LIBDIR ?=
DESTDIR ?=

.PHONY: all deps configure build test demo bench clean sanitize tsan install

all: build

deps:
	@bash scripts/install-deps

$(BUILD)/CMakeCache.txt:
	@bash scripts/install-deps --check-build
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The test packages first, then configure again: a test is registered only where what it runs is
# installed (a build made by `make demo` was configured without them).
test:
	@bash scripts/install-deps --check-test
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@bash scripts/install-deps --check-demo
	$(BUILD)/safeblas-demo

bench: build
	@bash scripts/install-deps --check-bench
	$(BUILD)/safeblas-bench $(BENCH_ARGS)

# Sanitizer builds of the unit tests (CI runs both).
sanitize:
	@bash scripts/install-deps --check-test
	cmake -S . -B build-asan -DSAFEBLAS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS) -L unit

install:
	@bash scripts/install-deps --check-build
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(if $(LIBDIR),-DCMAKE_INSTALL_LIBDIR=$(LIBDIR))
	cmake --build $(BUILD) -j $(JOBS)
	DESTDIR=$(DESTDIR) cmake --install $(BUILD)

# ThreadSanitizer build of the runtime and the torture cases 1-5 (CI runs it).
tsan:
	@bash scripts/install-deps --check-build
	cmake -S . -B build-tsan -DSAFEBLAS_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-tsan -j $(JOBS)
	cd build-tsan && ctest --output-on-failure -L tsan

clean:
	rm -rf $(BUILD) build-asan build-tsan
