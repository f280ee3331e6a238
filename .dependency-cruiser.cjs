// The layer rule of DESIGN.md, enforced by `npm run lint`:
//   common <- node <- {electron, host}; preload imports only common; src-renderer only common;
//   common <- node <- tooling <- host (the demo generator and discovery are CLI tooling, not runtime).
// Run: npx depcruise src-main src-renderer --config .dependency-cruiser.cjs
// tests/unit/layer-rule.test.ts proves each rule fires on a planted violation and that the
// relative `.ts` imports really resolve (a rule over unresolved imports would pass vacuously).
//
// Type-only imports count (tsPreCompilationDeps): a layer should not even know the types of a
// layer it may not call.

/** electron, whether depcruise sees it as a package in node_modules or as a bare name. */
const ELECTRON = '^electron$|(^|/)node_modules/electron/';
/** Native modules and Node-only packages: never in common or in the renderer. */
const NATIVE = '(^|/)node_modules/(better-sqlite3|odbc|keytar)/';
const NODE_ONLY = '(^|/)node_modules/(better-sqlite3|odbc|keytar|commander|cli-progress)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'electron-only-in-shell',
      comment: 'electron may be imported only by the desktop shell (src-main/electron) and the preload.',
      severity: 'error',
      from: { pathNot: '^src-main/(electron|preload)/' },
      to: { path: ELECTRON },
    },
    {
      name: 'common-is-pure',
      comment: 'src-main/common is pure TypeScript: no node: builtins (nor process.getBuiltinModule).',
      severity: 'error',
      from: { path: '^src-main/common/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'common-no-native',
      comment: 'src-main/common uses no native module (better-sqlite3, odbc, keytar).',
      severity: 'error',
      from: { path: '^src-main/common/' },
      to: { path: NATIVE },
    },
    {
      name: 'common-stays-in-common',
      comment: 'src-main/common imports only itself and npm packages such as zod.',
      severity: 'error',
      from: { path: '^src-main/common/' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^src-main/common/', '(^|/)node_modules/'] },
    },
    {
      name: 'node-not-up',
      comment: 'src-main/node never imports the shell, the preload, the host or the renderer.',
      severity: 'error',
      from: { path: '^src-main/node/' },
      to: { path: '^(src-main/(electron|preload|host)|src-renderer)/' },
    },
    {
      name: 'runtime-not-tooling',
      comment:
        'src-main/tooling (demo generator, discovery) is for the command line only: the runtime (node, common, the shell, the preload, the renderer) never imports it.',
      severity: 'error',
      from: { path: '^(src-main/(node|common|electron|preload)|src-renderer)/' },
      to: { path: '^src-main/tooling/' },
    },
    {
      name: 'tooling-not-up',
      comment:
        'src-main/tooling builds on src-main/node and src-main/common: it never imports the shell, the preload, the host or the renderer.',
      severity: 'error',
      from: { path: '^src-main/tooling/' },
      to: { path: '^(src-main/(electron|preload|host)|src-renderer)/' },
    },
    {
      name: 'preload-only-electron-and-common',
      comment: 'The sandboxed preload imports only electron and src-main/common (it is bundled whole).',
      severity: 'error',
      from: { path: '^src-main/preload/' },
      to: { pathNot: ['^src-main/(preload|common)/', ELECTRON] },
    },
    {
      name: 'renderer-only-common',
      comment: 'src-renderer imports from src-main only src-main/common.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/', pathNot: '^src-main/common/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'src-renderer runs in a browser: no node: builtins and no Node-only or native packages.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-packages',
      comment: 'src-renderer runs in a browser: no Node-only or native packages.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: NODE_ONLY },
    },
    {
      name: 'host-not-shell',
      comment:
        'src-main/host (loopback host, CLI) does not import the desktop shell, the preload or the renderer.',
      severity: 'error',
      from: { path: '^src-main/host/' },
      to: { path: '^(src-main/(electron|preload)|src-renderer)/' },
    },
    {
      name: 'shell-not-host',
      comment: 'The desktop shell and the loopback host are siblings over node: neither imports the other.',
      severity: 'error',
      from: { path: '^src-main/electron/' },
      to: { path: '^(src-main/(host|preload)|src-renderer)/' },
    },
    {
      name: 'no-circular',
      comment: 'No dependency cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every import resolves: an unresolved import is a missing file, and a layer rule cannot see through it.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)out/' },
    moduleSystems: ['es6', 'cjs'],
    tsPreCompilationDeps: true,
    detectProcessBuiltinModuleCalls: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
