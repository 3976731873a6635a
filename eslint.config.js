// The project's one ESLint configuration (flat config), run by `npm run lint` inside `npm test`.
// TypeScript is linted with type information (typescript-eslint's projectService reads tsconfig.json), React code with
// the hooks rules, the studio with Next's rules. Formatting is Prettier's job (.prettierrc.json), not ESLint's.

import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '.next/',
    '.data/',
    'dist/',
    'coverage/',
    'next-env.d.ts',
    // Machine-written ajv standalone code (`npm run schema:generate`); a test keeps it equal to the generator's output.
    'flow-engine/validate/generated/**',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a value kept on purpose: a parameter an interface requires, or a property pulled out
      // of an object so the rest can be passed on (`const { old: _old, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: the code declares callbacks and dependency objects with method shorthand (`onClose(): void`,
      // `deps.nodeName(id)`) and fills them with closures that never use `this`; the rule cannot tell those from
      // class methods and reported ~90 correct destructurings. Classes here bind nothing they hand out.
      '@typescript-eslint/unbound-method': 'off',
      // Off: `async` without `await` is how drivers, fakes and handlers implement a Promise-returning contract so that
      // a throw becomes a rejection; the rule's remedy (drop `async`, return Promise.resolve) would turn those throws
      // into synchronous ones.
      '@typescript-eslint/require-await': 'off',
      // A variable that closures read before its one assignment (a service wired to a driver that is built first)
      // cannot be const; only flag variables that could be.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // React ignores what an event handler returns, and antd's Popconfirm onConfirm / Modal onOk await it for their
      // loading state; the async handlers passed as JSX attributes catch their own failures. Arguments (timers,
      // callbacks) and conditions are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },

  // Plain JavaScript (bin/, a few .mjs workers, tool configs): tsconfig.json does not include it (allowJs is off), so
  // it gets the JavaScript rules without type information, and Node's globals.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      // CommonJS files (.dependency-cruiser.cjs) can only export through `module.exports` and load through require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },

  // React: the studio and the tests that render its components. The classic hooks rules only: the plugin's other
  // recommended rules (refs, set-state-in-effect, immutability, incompatible-library, ...) check what the React Compiler
  // needs, and the studio is not built with it (next.config.ts has no reactCompiler); they flagged 32 places that are
  // correct without the compiler. Turn them on together with the compiler.
  {
    files: ['app/**/*.{ts,tsx}', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A missing dependency is a stale-closure bug, so it fails the run like any other finding (the preset warns).
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // CallMachine (flow-engine/compile/machine-implementation.ts) is ReturnType<setup(...)['createMachine']>, which
  // TypeScript resolves to `any` through XState's generic signature; these files hold or run such machines. Giving
  // CallMachine a concrete StateMachine type is its own change; until then the any-checks here would only restate it.
  // An assertion on such an `any` looks needless to the linter but gives the value its type, so it stays.
  {
    files: [
      'flow-engine/compile/compile.ts',
      'flow-engine/compile/machine-implementation.ts',
      'flow-engine/driver/bind-driver.ts',
      'flow-engine/simulator/simulate.ts',
      'runtime/calls/call-session.ts',
      'runtime/calls/line-directory.ts',
      'runtime/start-runtime.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },

  // Tests read CLI and API output with JSON.parse (typed `any`) and check it with expect(): a wrong shape fails the
  // assertion, so typing every parsed body first would add casts, not safety.
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    extends: [nextPlugin.configs['core-web-vitals']],
  },
]);
