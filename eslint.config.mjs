import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const root = path.dirname(fileURLToPath(import.meta.url))

/**
 * lib files that browser code (components/**) may import. Everything else under lib/ is
 * treated as server code, whether or not it says `import 'server-only'`.
 *
 * By name, so a new file opts in by how it is called:
 *   - lib/<domain>/schemas.ts      zod schemas and their inferred types (DESIGN.md)
 *   - lib/<domain>/types.ts        plain types
 *   - lib/<domain>/*-shared.ts     pure helpers shared by server and browser
 *   - lib/<domain>/client/**       code written for the browser
 * plus a short list of modules reviewed as pure (no database, no secrets, no Node APIs):
 *   - lib/errors.ts                action-result types that client forms render
 *   - lib/time/**                  Europe/Rome wall-clock arithmetic with Intl
 *   - lib/offices/holidays.ts      Italian public holidays (office opening state in the browser)
 *
 * The list is closed under imports: these files may import only each other (and packages),
 * so a component cannot reach the database through one of them.
 */
const browserSafeLib = [
  'lib/**/schemas.ts',
  'lib/**/types.ts',
  'lib/**/*-shared.ts',
  'lib/*/client/**',
  // Single files are written as globs ({ts,tsx}): the rule accepts only globs once `from` is one.
  'lib/errors.{ts,tsx}',
  'lib/time/**',
  'lib/offices/holidays.{ts,tsx}',
]
const absolute = (globs) => globs.map((glob) => path.join(root, glob))

const browserSafeMessage =
  'Browser code may import from lib only schemas.ts, types.ts, *-shared.ts, lib/<domain>/client/** ' +
  'and the reviewed pure modules listed in eslint.config.mjs (DESIGN.md, "Imports flow one way").'

/** DESIGN.md: app -> components, lib; components -> components, lib/<domain>/schemas; lib -> db, lib; db -> drizzle. */
const importZones = [
  { target: 'app', from: 'db', message: 'app/ never imports db/: call a lib capability instead.' },
  { target: 'components', from: 'db', message: 'components/ never import db/.' },
  {
    target: 'components',
    from: 'lib/**',
    except: absolute(browserSafeLib),
    message: browserSafeMessage,
  },
  {
    target: absolute(browserSafeLib),
    from: 'lib/**',
    except: absolute(browserSafeLib),
    message: `This file is browser-safe, so it may import only other browser-safe lib files. ${browserSafeMessage}`,
  },
  {
    target: absolute(browserSafeLib),
    from: 'db',
    message: 'A browser-safe lib file never imports db/.',
  },
  {
    target: 'lib',
    from: 'app',
    message: 'lib/ never imports app/: pass what it needs as arguments.',
  },
  { target: 'lib', from: 'components', message: 'lib/ never imports UI (components/).' },
  { target: 'db', from: 'app', message: 'db/ never imports app/.' },
  { target: 'db', from: 'components', message: 'db/ never imports components/.' },
]

const testZones = importZones.filter((zone) => zone.target === 'lib' || zone.target === 'db')

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'blob-report/**',
      'e2e/.auth/**',
      'next-env.d.ts',
      'db/migrations/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // The `import` plugin is registered by eslint-config-next; only its rule is added here.
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    rules: {
      'import/no-restricted-paths': ['error', { basePath: root, zones: importZones }],
    },
  },
  {
    // Tests ship nowhere: a route's test may open a database to set the scene, a test next to
    // a browser-safe file may use lib/testing. Only the layering rules of lib/ and db/ stay.
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      'import/no-restricted-paths': ['error', { basePath: root, zones: testZones }],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // `_`-prefixed names are deliberately unused (positional parameters, rest siblings).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tool configs (postcss, next, playwright...) are conventionally anonymous default exports.
    files: ['*.config.{js,mjs,cjs,ts,mts}'],
    rules: {
      'import/no-anonymous-default-export': 'off',
    },
  },
  {
    // Playwright fixtures call their callback `use`, which react-hooks mistakes for React's `use`.
    files: ['e2e/**'],
    rules: {
      'react-hooks/rules-of-hooks': 'off',
    },
  },
]

export default config
