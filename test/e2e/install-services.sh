#!/usr/bin/env bash
# Redis and Postgres for the queue-mode end-to-end test, from Debian's packages, installed only when
# missing. The test starts its own instances on loopback ports and stops them by PID; a service the
# package starts on its own is left alone.
set -euo pipefail

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || need+=(postgresql)
if ((${#need[@]})); then
	echo "queue-mode services: installing ${need[*]} from Debian"
	export DEBIAN_FRONTEND=noninteractive
	# Root here and in CI; a developer's machine or GitHub's runners go through sudo.
	sudo=""
	[[ "$(id -u)" == 0 ]] || sudo="sudo"
	if ! $sudo apt-get install -y --no-install-recommends "${need[@]}" >/tmp/install-services.log 2>&1; then
		$sudo apt-get update >>/tmp/install-services.log 2>&1
		$sudo apt-get install -y --no-install-recommends "${need[@]}" >>/tmp/install-services.log 2>&1 ||
			{ tail -n 30 /tmp/install-services.log; echo "Could not install ${need[*]}: the queue-mode test needs them"; exit 1; }
	fi
fi
echo "queue-mode services: $(redis-server --version | cut -d' ' -f1-3), $(ls -d /usr/lib/postgresql/*/bin | head -1)"
