// Fixture lookup: a path as given (relative to the working directory), else under fixtures/ of
// the project, else under kukumber's own fixtures/ — and then, when asked, under sub-folders of
// fixtures/ (transcripts name the seed's manifests by file name: fixtures/manifests/).
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

const PACKAGE_FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function resolveFixture(path: string, baseDir = process.cwd(), subfolders: readonly string[] = []): string {
  if (isAbsolute(path)) return path;
  const candidates = [resolve(baseDir, path)];
  for (const sub of ['', ...subfolders]) candidates.push(resolve(process.cwd(), 'fixtures', sub, path), join(PACKAGE_FIXTURES, sub, path));
  for (const candidate of candidates) {
    if (existsSync(candidate)) return candidate;
  }
  const also = subfolders.map(s => `, fixtures/${s}/`).join('');
  throw new Error(`fixture not found: ${path} (looked in ${baseDir}, fixtures/${also} and ${PACKAGE_FIXTURES})`);
}
