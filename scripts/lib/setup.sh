# Shared by scripts/test, scripts/demo and scripts/bench: install what is missing, then build.
# Sourced, not run.

# Debian packages evident builds and tests with.
EVIDENT_APT_PACKAGES=(pkg-config libsqlite3-dev libarchive-dev libarchive-tools python3 python3-pip)

evident_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are not installed yet (apt-get update only when needed).
evident_install_packages() {
    local missing=()
    for package in "${EVIDENT_APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "==> installing ${missing[*]}" >&2
        evident_as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive evident_as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Installs the Python tools the tests call (JSON Schema validation).
evident_install_python_tools() {
    if ! python3 -c 'import jsonschema, referencing' 2>/dev/null; then
        echo "==> installing jsonschema" >&2
        python3 -m pip install --quiet jsonschema || python3 -m pip install --quiet --break-system-packages jsonschema
    fi
}

evident_require_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "error: the Swift toolchain (6.2 or later) is not on PATH; install it from swift.org first" >&2
        exit 1
    fi
}
