#!/usr/bin/env bash
# Installs the Debian packages the tooling needs, when they are missing (apt-get, as root or with
# sudo). Groups, all of them when none is named:
#   build    python3 make g++          node-gyp builds n8n's SQLite binding (scripts/ensure-n8n.sh)
#   queue    postgresql redis-server   queue mode (scripts/queue/lib.ts, npm run test:queue)
#   signals  bsdutils                  `script`: a pseudo-terminal for npm run test:signals
#   browser  chromium fonts-wqy-zenhei Debian's Chromium, driven by playwright-core (npm run test:browser,
#                                      npm run screenshots), and a font for the Chinese and Japanese labels
# Quiet and quick when everything is there.
set -euo pipefail
groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(build queue signals browser)
missing=()
for group in "${groups[@]}"; do
	case "$group" in
	build)
		command -v python3 >/dev/null || missing+=(python3)
		command -v make >/dev/null || missing+=(make)
		command -v g++ >/dev/null || missing+=(g++)
		;;
	queue)
		compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
		command -v redis-server >/dev/null || missing+=(redis-server)
		;;
	signals)
		command -v script >/dev/null || missing+=(bsdutils)
		;;
	browser)
		[ -x /usr/bin/chromium ] || missing+=(chromium)
		[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
		;;
	*)
		echo "ensure-system-packages: unknown group '$group' (build, queue, signals, browser)" >&2
		exit 2
		;;
	esac
done
[ ${#missing[@]} -gt 0 ] || exit 0
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null; then
	sudo=(sudo)
else
	echo "missing Debian packages: ${missing[*]}; install them with  apt-get install -y ${missing[*]}  (as root)" >&2
	exit 1
fi
echo "installing ${missing[*]} (apt-get, one time)" >&2
export DEBIAN_FRONTEND=noninteractive
# another install may be running (tests started together): wait for dpkg's lock instead of failing
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update >&2
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}" >&2
