#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session bus, in a
# throw-away HOME, so keytar tests exercise the real thing without touching the developer's own keyring.
#
#   bash scripts/with-keyring.sh npx vitest run electron/core/vault
#
# Exits with the command's own status.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 64
fi

missing=()
command -v dbus-run-session >/dev/null 2>&1 || missing+=("dbus-run-session (Debian package: dbus-daemon, or dbus on older releases)")
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=("gnome-keyring-daemon (Debian package: gnome-keyring)")
if [[ ${#missing[@]} -gt 0 ]]; then
  {
    echo "with-keyring.sh: cannot start a Secret Service, missing:"
    printf '  - %s\n' "${missing[@]}"
    echo "Install with:  sudo apt-get install dbus gnome-keyring libsecret-1-dev"
  } >&2
  exit 127
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-keyring.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/runtime"
chmod 700 "$scratch/runtime"

# A fresh HOME means a fresh login keyring, created and unlocked with the throw-away password below.
export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
# Inside this script a Secret Service is the whole point: tests that need one fail, rather than skip, when it
# does not answer (electron/core/vault/keychain-real.test.ts).
export SWITCHBOARD_REQUIRE_KEYCHAIN=1

# shellcheck disable=SC2016 # expanded by the inner shell, on the private bus
exec_inner='
set -euo pipefail
# The daemon prints NAME=value lines (GNOME_KEYRING_CONTROL, sometimes SSH_AUTH_SOCK); export them.
while IFS= read -r line; do
  case "$line" in
    [A-Z_]*=*) export "${line?}" ;;
  esac
done < <(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)

# The daemon forks and claims its bus name a moment later: wait for it (up to 10 s), and fail here, with a
# reason, rather than in the middle of a test run.
if command -v dbus-send >/dev/null 2>&1; then
  for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      exec "$@"
    fi
    sleep 0.1
  done
  echo "with-keyring.sh: gnome-keyring-daemon started but no Secret Service (org.freedesktop.secrets) appeared on the bus." >&2
  exit 69
fi
exec "$@"
'

# In containers dbus-daemon may print "Failed to set fd limit": harmless noise.
set +e
dbus-run-session -- bash -c "$exec_inner" with-keyring "$@"
status=$?
set -e
exit "$status"
