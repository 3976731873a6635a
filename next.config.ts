import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl reads the request's locale and messages from this module (locale in a cookie, none in the URL).
const withNextIntl = createNextIntlPlugin('./app/_i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  // `npm test` type-checks the whole project first (tsc --noEmit), so the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
