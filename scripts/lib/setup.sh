# Shared by scripts/test, scripts/demo and scripts/bench: install what is missing, then build.
# Sourced, not run.

# Debian packages evident builds and tests with.
EVIDENT_APT_PACKAGES=(pkg-config libsqlite3-dev libarchive-dev libarchive-tools libpsl-dev publicsuffix openssh-client gzip python3 python3-pip chromium)

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

# Installs the Python tools the tests call: JSON Schema validation, and the auditors' BagIt validators
# (bagit_profile.py needs pkg_resources, which setuptools 81 and later no longer ship).
evident_install_python_tools() {
    local wanted=("jsonschema" "bagit==1.9.0" "bagit-profile==1.3.1" "setuptools<81")
    if ! python3 -c 'import jsonschema, referencing, bagit, pkg_resources' 2>/dev/null \
        || ! command -v bagit.py >/dev/null || ! command -v bagit_profile.py >/dev/null; then
        echo "==> installing ${wanted[*]}" >&2
        python3 -m pip install --quiet "${wanted[@]}" \
            || python3 -m pip install --quiet --break-system-packages "${wanted[@]}"
    fi
}

evident_require_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "error: the Swift toolchain (6.2 or later) is not on PATH; install it from swift.org first" >&2
        exit 1
    fi
}
