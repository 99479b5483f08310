# Sourced by the install_*.sh scripts: apt_install PACKAGE... installs Debian packages, as root
# or through sudo, and says plainly what to do where neither apt-get nor root is to be had.

apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: apt-get not found. Install these yourself: $*" >&2
        exit 1
    fi
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "error: installing $* needs root. Run this script as root (or install sudo)." >&2
        exit 1
    fi
    echo "Installing $* with apt-get (this takes a minute)..."
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
