import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'libs/contracts/src/gen/**', '.edu/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest's module classes are empty by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Nest's DI and metadata APIs take Function types.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['**/cli.ts', 'bench/**', 'deploy/**', 'test/**', '**/*.spec.ts'],
    rules: { 'no-console': 'off' },
  },
);
