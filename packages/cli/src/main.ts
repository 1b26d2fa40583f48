#!/usr/bin/env node
/**
 * fsconf — the command line. `fsconf lint …` for CI, `fsconf acl …` to test an address,
 * and with no command (or a folder) the terminal UI.
 */
import { parseArgs } from 'node:util';
import * as nodeFs from 'node:fs';
import { VERSION } from './version.js';
// commands load what they need: the terminal UI path does not pay for loading the engine here
type Lint = typeof import('./lint.js');
type Format = typeof import('./format.js');

const HELP = `fsconf ${VERSION} — makes FreeSWITCH configuration safe to edit

Usage:
  fsconf [confdir] [--readonly] [--no-backup]   open the terminal UI (default: /etc/freeswitch,
                                                 /usr/local/freeswitch/conf, else the bundled example)
  fsconf lint <path>… [--format text|json|sarif] [--fix] [--no-backup] [--config FILE]
                                                 check a conf tree, folders or files
  fsconf acl <ip> <list> [--conf DIR] [--port N] [--local-net IP/MASK] [--format text|json]
                                                 evaluate an address against a network list
  fsconf route <conf> --profile NAME --from IP --to NUMBER [--user ID[@DOMAIN]] [--var NAME=VALUE]… [--at TIME]
                                                 simulate what the switch does with a call
  fsconf exposure <conf> [--format text|json]    what a caller without a password reaches
  fsconf --version | --help

Exit codes (lint): 0 no errors, 1 errors found, 2 usage or I/O error.
Exit codes (acl):  0 allow, 1 deny, 2 usage error.
`;

function fail(message: string): never {
  process.stderr.write(`fsconf: ${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (cmd === 'lint') return lint(rest, await import('./lint.js'), await import('./format.js'));
  if (cmd === 'acl') return (await import('./acl.js')).runAclCommand(rest);
  if (cmd === 'route') return (await import('./route.js')).runRouteCommand(rest);
  if (cmd === 'exposure') return (await import('./exposure.js')).runExposureCommand(rest);
  return (await import('./tui.js')).launchTui(argv);
}

function lint(args: string[], { runFix, runLint, UsageError }: Lint, { formatText, toJson, toSarif }: Format): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        fix: { type: 'boolean', default: false },
        'no-backup': { type: 'boolean', default: false },
        config: { type: 'string' },
        color: { type: 'boolean' },
      },
    });
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (!positionals.length) fail('lint needs at least one path (a conf root, a folder or files)');
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) fail(`--format must be text, json or sarif, not "${format}"`);
  if (values.config && !nodeFs.existsSync(values.config)) fail(`--config ${values.config}: no such file`);
  const cwd = process.cwd();
  const showProgress = process.stderr.isTTY && format === 'text';
  const started = Date.now();
  const onProgress = (done: number, total: number) => {
    if (showProgress && Date.now() - started > 400) process.stderr.write(`\rfsconf: analysed ${done}/${total} tree${total === 1 ? '' : 's'}…`);
  };
  let result;
  try {
    if (values.fix) {
      const { reports, result: after } = runFix(positionals, { ...(values.config ? { configFile: values.config } : {}), backup: !values['no-backup'] });
      for (const r of reports) {
        for (const a of r.applied) process.stderr.write(`fixed ${r.file}:${a.line} ${a.rule}: ${a.title}\n`);
        if (r.backup) process.stderr.write(`  backup: ${r.backup}\n`);
        if (r.refused) process.stderr.write(`not fixed: ${r.refused}\n`);
      }
      result = after;
    } else result = runLint(positionals, { ...(values.config ? { configFile: values.config } : {}), onProgress });
  } catch (e) {
    if (showProgress) process.stderr.write('\r\u001b[K');
    if (e instanceof UsageError) fail(e.message);
    fail(`cannot lint: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (showProgress && Date.now() - started > 400) process.stderr.write('\r\u001b[K');
  const findings = result.findings;
  if (format === 'text') {
    const color = values.color ?? (process.stdout.isTTY && !process.env.NO_COLOR);
    process.stdout.write(formatText(findings, cwd, result.fileCount, color));
  } else if (format === 'json') {
    process.stdout.write(JSON.stringify(toJson(findings, cwd), null, 2) + '\n');
  } else {
    const lineText = (file: string, line: number): string => {
      for (const a of result.analyses) {
        const d = a.tree.docs.get(file);
        if (d) return d.lines.lineText(line);
      }
      return '';
    };
    process.stdout.write(JSON.stringify(toSarif(findings, cwd, lineText), null, 2) + '\n');
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`fsconf: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
