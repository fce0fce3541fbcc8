// Entry point of the kukumber command: parses the subcommand and dispatches. Runs on the host (real
// files, real process), so unlike the simulator it may use the host's clock and I/O.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from './test_command';
import { runExplore } from './explore_command';
import { runShell } from './shell_command';
import { runDoctest } from './doctest_command';

export const PACKAGE_ROOT = join(__dirname, '..', '..');

const USAGE = `Usage: kukumber <command> [options]

Gherkin scenarios against a Kubernetes v1.32 control plane simulated in virtual time.

Commands:
  test [paths] [cucumber options]   run the features (default: features/**/*.feature) with kukumber's
                                    steps and yours; writes reports/cucumber.html, reports/junit.xml
                                    and reports/messages.ndjson
  explore FEATURE[:LINE] --seeds N  run a scenario under seeds 1..N and print each failing seed
                                    with the command that reproduces it
  shell [--nodes N] [--seed S]      read a transcript on stdin ("$ kubectl …", "$ sleep 30s"), run it
        [--images FILE]             against a simulated cluster, print it with the real outputs
  doctest FILE|DIR...               check .txt transcripts and \`\`\`console blocks in .md files;
                                    a unified diff per mismatching command, exit status 1
  help                              show this help

Options:
  -h, --help       show this help
  -v, --version    print the version

Examples:
  npx kukumber test
  npx kukumber test features/workloads --tags @replicaset
  npx kukumber test --parallel 2
  npx kukumber shell < session.txt
  npx kukumber doctest docs/
`;

export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined: case '-h': case '--help': case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    case '-v': case '--version':
      process.stdout.write(`kukumber ${version()}\n`);
      return 0;
    case 'test':
      return runTests(rest);
    case 'explore':
      return runExplore(rest);
    case 'shell':
      return runShell(rest);
    case 'doctest':
      return runDoctest(rest);
    default:
      process.stderr.write(`kukumber: unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}
