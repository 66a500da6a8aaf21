// Type-aware lint over the whole tree. Formatting is Prettier's (`npm run format`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.config.ts',
            'bin/*.js',
            'bench/*.mjs',
            'bench/*/*.mjs',
            'deploy/*.mjs',
            'test/*/*.mjs',
            'test/*/*/*.mjs',
          ],
          // The plain-JS benches, fakes and scripts are outside tsconfig.json: more than typescript-eslint's default 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // TypeScript checks names; ESLint's own rule does not know Node's globals in .mjs files.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests and fixtures may run long (titles, expected messages); the code itself stays within 120 columns.
    files: ['src/**', 'bin/**', 'bench/**', 'deploy/**'],
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true }] },
  },
  {
    // Tests, fakes and benchmarks read platform payloads as parsed JSON: `any` is what they get.
    files: ['test/**', 'bench/**', 'bin/**', 'deploy/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
