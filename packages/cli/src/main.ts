#!/usr/bin/env node
/**
 * fsconf — the command line. `fsconf lint …` for CI, `fsconf acl …` to test an address,
 * and with no command (or a folder) the terminal UI.
 */
import { parseArgs } from 'node:util';
import * as nodeFs from 'node:fs';
import { VERSION } from './version.js';
import { isTerminal, writeErr, writeOut } from './output.js';
// commands load what they need: the terminal UI path does not pay for loading the engine here
type Lint = typeof import('./lint.js');
type Format = typeof import('./format.js');

/** The subcommands: `fsconf <name> …`. A new one is one entry here (usage shows in `fsconf --help`). */
interface Command {
  /** one line per form, as `fsconf --help` and `fsconf <name> --help` show it */
  usage: string;
  /** more lines for `fsconf <name> --help` only */
  details?: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  lint: {
    usage: `fsconf lint <path>… [--format text|json|sarif] [--fix] [--fix-credentials] [--no-backup] [--config FILE]
      check a conf tree, folders or files`,
    details: `A path is a conf root (the folder holding freeswitch.xml), any folder (every tree below it) or files.
  --format, -f   text (default), json or sarif (SARIF 2.1.0)
  --fix          apply only safe fixes, to a fixpoint (atomic writes, the first .bak is never overwritten)
  --fix-credentials  also replace weak secrets, and say where the new ones are and who must be told
  --no-backup    with --fix: keep no .bak
  --config FILE  use this .fsconf.yaml instead of the one at or above the conf root
  --color / --no-color
Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`,
    run: async (args) => lint(args, await import('./lint.js'), await import('./format.js')),
  },
  acl: {
    usage: `fsconf acl <ip> <list> [--conf DIR] [--port N] [--local-net IP/MASK] [--format text|json]
      evaluate an address against a network list`,
    details: `Exit codes: 0 allow, 1 deny, 2 usage error.`,
    run: async (args) => (await import('./acl.js')).runAclCommand(args),
  },
  show: {
    usage: `fsconf show <confdir> [--section S] [--name N] [--format xml|json] [--origins] [--reveal]
      the assembled configuration, as FreeSWITCH loads it`,
    details: `Includes spliced in load order, $\${} expanded at each line, secrets masked unless --reveal.
  --section      configuration, dialplan, directory or chatplan
  --name         one element by name (a configuration, context or domain)
  --origins      where each element was written (XML comments; a JSON field)
Exit codes: 0 printed, 2 usage error or nothing to show.`,
    run: async (args) => (await import('./show.js')).runShowCommand(args),
  },
  route: {
    usage: `fsconf route <confdir> --profile NAME --from IP --to NUMBER [--user ID[@DOMAIN]] [--var NAME=VALUE]… [--at TIME]
      simulate what the switch does with a call`,
    details: `  --profile      the sip profile the INVITE reaches
  --from         the caller's address; --port its source port
  --to           the dialled number (destination_number)
  --user         authenticate as this directory user (digest)
  --var, --header NAME=VALUE   channel variables and SIP headers of the call (repeatable)
  --at           the switch's local time, YYYY-MM-DDTHH:MM[:SS] (time-of-day conditions)
  --format       text (default) or json
Exit codes: 0 simulated, 2 usage error.`,
    run: async (args) => (await import('./route.js')).runRouteCommand(args),
  },
  exposure: {
    usage: `fsconf exposure <confdir> [--format text|json]
      what a caller without a password reaches, per profile`,
    details: `Exit codes: 0 no toll-fraud path, 1 a stranger reaches a gateway or an external URI, 2 usage error.`,
    run: async (args) => (await import('./exposure.js')).runExposureCommand(args),
  },
  lsp: {
    usage: `fsconf lsp --stdio
      the language server (as fsconf-lsp), e.g. for an editor: ssh switch fsconf lsp --stdio`,
    details: `Transports: --stdio, --node-ipc, --socket=PORT.`,
    run: async () => {
      // the server keeps the process alive and sets its own exit code
      await (await import('./linked.js')).startLanguageServer();
      return -1;
    },
  },
};

const TUI_USAGE = `fsconf [confdir] [--readonly] [--no-backup]
      open the terminal UI (default: /etc/freeswitch, /usr/local/freeswitch/conf, else the bundled example)`;

function help(): string {
  const forms = [TUI_USAGE, ...Object.values(COMMANDS).map((c) => c.usage), 'fsconf --version | --help', 'fsconf <command> --help'];
  return `fsconf ${VERSION} — makes FreeSWITCH configuration safe to edit\n\nUsage:\n${forms.map((f) => `  ${f}`).join('\n')}\n`;
}

function commandHelp(name: string, c: Command): string {
  return `Usage: ${c.usage}\n${c.details ? `\n${c.details}\n` : ''}`;
}

function fail(message: string): never {
  writeErr(`fsconf: ${message}\n`);
  process.exit(2);
}

/** Closest command names within two edits (a typo), e.g. lnit → lint. */
function nearCommands(word: string): string[] {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
        d[i]![j] = v;
      }
    return d[a.length]![b.length]!;
  };
  const w = word.toLowerCase();
  return Object.keys(COMMANDS).filter((c) => dist(w, c) <= Math.min(2, Math.max(1, c.length - 2)) || (w.length >= 3 && c.startsWith(w)));
}

/** A command that prints and ends (not the terminal UI, which returns when the person leaves it). */
let oneShot = false;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v' || cmd === '-V') {
    writeOut(`${(await import('./version-text.js')).versionText()}\n`);
    return 0;
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    const sub = cmd === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    writeOut(sub ? commandHelp(rest[0]!, sub) : help());
    return 0;
  }
  const command = cmd !== undefined ? COMMANDS[cmd] : undefined;
  if (command) {
    if (rest.includes('--help') || rest.includes('-h')) {
      writeOut(commandHelp(cmd!, command));
      return 0;
    }
    oneShot = true;
    return command.run(rest);
  }
  // a bare word that is no folder is a mistyped command, not a conf folder the UI cannot find
  if (cmd !== undefined && /^[a-z][\w-]*$/i.test(cmd) && !nodeFs.existsSync(cmd)) {
    const near = nearCommands(cmd);
    const hint = near.length ? `did you mean ${near.join(' or ')}?` : `commands: ${Object.keys(COMMANDS).join(', ')}; or give a conf folder`;
    fail(`unknown command "${cmd}": ${hint}\nRun fsconf --help for usage.`);
  }
  return (await import('./tui.js')).launchTui(argv);
}

function lint(args: string[], { runFix, runLint, UsageError, formatCredentialNotice }: Lint, { formatText, toJson, toSarif }: Format): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        fix: { type: 'boolean', default: false },
        'fix-credentials': { type: 'boolean', default: false },
        'no-backup': { type: 'boolean', default: false },
        config: { type: 'string' },
        color: { type: 'boolean' },
      },
    });
  } catch (e) {
    fail(`lint: ${optionError(e)}\nUsage: ${COMMANDS.lint!.usage}\nRun fsconf lint --help for every option.`);
  }
  const { values, positionals } = parsed;
  if (!positionals.length) fail('lint needs at least one path (a conf root, a folder or files)');
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) fail(`--format must be text, json or sarif, not "${format}"`);
  if (values.config && !nodeFs.existsSync(values.config)) fail(`--config ${values.config}: no such file`);
  const cwd = process.cwd();
  const showProgress = format === 'text' && isTerminal(2);
  const started = Date.now();
  const onProgress = (done: number, total: number) => {
    if (showProgress && Date.now() - started > 400) writeErr(`\rfsconf: analysed ${done}/${total} tree${total === 1 ? '' : 's'}…`);
  };
  let result;
  try {
    if (values.fix || values['fix-credentials']) {
      const credentials = values['fix-credentials'];
      const { reports, result: after } = runFix(positionals, {
        ...(values.config ? { configFile: values.config } : {}),
        backup: !values['no-backup'],
        credentials,
      });
      for (const r of reports) {
        for (const a of r.applied) {
          writeErr(`fixed ${r.file}:${a.line} ${a.rule}: ${a.title}\n`);
          // where the new secret is (never the secret) and who must be told
          for (const n of a.notices ?? []) writeErr(`  ${formatCredentialNotice(n)}\n`);
        }
        if (r.backup) writeErr(`  backup: ${r.backup}\n`);
        if (r.refused) writeErr(`not fixed: ${r.refused}\n`);
      }
      result = after;
      const waiting = after.findings.filter((f) => f.fixes.some((x) => x.kind === 'choice' || (x.kind === 'credential' && !credentials)));
      const secrets = after.findings.filter((f) => f.fixes.some((x) => x.kind === 'credential'));
      if (waiting.length)
        writeErr(
          `${waiting.length} finding${waiting.length === 1 ? '' : 's'} left with fixes a person must pick (run fsconf to choose)${!credentials && secrets.length ? `; ${secrets.length} weak secret${secrets.length === 1 ? '' : 's'}: --fix-credentials replaces them` : ''}\n`,
        );
    } else result = runLint(positionals, { ...(values.config ? { configFile: values.config } : {}), onProgress });
  } catch (e) {
    if (showProgress) writeErr('\r\u001b[K');
    if (e instanceof UsageError) fail(e.message);
    fail(`cannot lint: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (showProgress && Date.now() - started > 400) writeErr('\r\u001b[K');
  const findings = result.findings;
  if (format === 'text') {
    const color = values.color ?? (!process.env.NO_COLOR && isTerminal(1));
    writeOut(formatText(findings, cwd, result.fileCount, color));
  } else if (format === 'json') {
    writeOut(JSON.stringify(toJson(findings, cwd), null, 2) + '\n');
  } else {
    const lineText = (file: string, line: number): string => {
      for (const a of result.analyses) {
        const d = a.tree.docs.get(file);
        if (d) return d.lines.lineText(line);
      }
      return '';
    };
    writeOut(JSON.stringify(toSarif(findings, cwd, lineText), null, 2) + '\n');
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** parseArgs' messages, reworded for a person ("Unknown option '--fromat'. To specify a positional…"). */
function optionError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const m = /'(-[^']*)'/.exec(err.message ?? '');
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && m) return `unknown option ${m[1]}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && m) return `option ${m[1]} needs a value`;
  return (err.message ?? String(e)).split('\n')[0]!;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code < 0) return;
    process.exitCode = code;
    // a one-shot command is done once its output is with the OS (output.ts writes it synchronously): exit
    // now rather than let V8 finish the garbage collection the run started (a cold `fsconf lint` spent
    // ~5–20 ms there on a Mark-Compact nobody waits for)
    if (oneShot) process.exit(code);
  },
  (e: unknown) => {
    writeErr(`fsconf: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
