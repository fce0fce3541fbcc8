// Fixture lookup: a path as given (relative to the working directory), else under fixtures/ of
// the project, else under kukumber's own fixtures/.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

const PACKAGE_FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function resolveFixture(path: string, baseDir = process.cwd()): string {
  if (isAbsolute(path)) return path;
  for (const candidate of [resolve(baseDir, path), resolve(process.cwd(), 'fixtures', path), join(PACKAGE_FIXTURES, path)]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`fixture not found: ${path} (looked in ${baseDir}, fixtures/ and ${PACKAGE_FIXTURES})`);
}
