// ESLint is the one lint and format tool: correctness rules, plus formatting as a rule (Prettier's
// layout through eslint-plugin-prettier; `npm run format` fixes it). The layer rule is
// dependency-cruiser's. Biome was the first pick, but the npm registry these machines reach lacks
// several of its platform packages, so `npm ci` refused the lock file; ESLint is pure JavaScript.
import js from '@eslint/js';
import prettier from 'eslint-plugin-prettier/recommended';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  process: 'readonly',
  __dirname: 'readonly',
  console: 'readonly',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.toolchain/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Diagnostics go through src-main/node/log/logger.ts (redaction, the desk's log file), never the
    // console. The exceptions print for the person: the command line's output modules (tables,
    // summaries, its error sentences) and the script that writes bridges/bridge.schema.json.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/host/cli/**/*.ts', 'src-main/node/bridge/bridge-json-schema.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
