/**
 * `fsconf show CONF [--section S] [--name N] [--format xml|json] [--origins] [--reveal]`: the assembled
 * configuration — what FreeSWITCH loads after includes and `$${}` expansion, as it writes
 * log/freeswitch.xml.fsxml. `--origins` says where each element was written (XML comments, or an
 * `@_fsconf-origin` attribute in JSON). Secrets are masked unless `--reveal`.
 *
 * Exit codes: 0 printed, 2 usage error or nothing to show.
 */
import { writeErr, writeOut } from './output.js';
import { parseArgs } from 'node:util';
import { UsageError, confRootOf } from './args.js';
import { analyze, assemble, NodeFileSystem, SECTIONS, toOrderedObject, toXml } from '@fsconf/core';

const USAGE = `usage: fsconf show CONF [--section ${SECTIONS.join('|')}] [--name NAME] [--format xml|json] [--origins] [--reveal]`;

function usage(message: string): never {
  writeErr(`fsconf show: ${message}\n${USAGE}\n`);
  process.exit(2);
}

export function runShowCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        section: { type: 'string', short: 's' },
        name: { type: 'string', short: 'n' },
        format: { type: 'string', short: 'f', default: 'xml' },
        origins: { type: 'boolean', default: false },
        reveal: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    usage(positionals.length ? `one conf tree at a time, not ${positionals.length}` : 'which conf tree? (the folder holding freeswitch.xml)');
  const format = values.format!;
  if (format !== 'xml' && format !== 'json') usage(`--format must be xml or json, not "${format}"`);
  if (values.section !== undefined && !(SECTIONS as readonly string[]).includes(values.section))
    usage(`--section must be one of ${SECTIONS.join(', ')}, not "${values.section}"`);
  const fs = new NodeFileSystem();
  let root: string;
  try {
    root = confRootOf(fs, positionals[0]!);
  } catch (e) {
    usage(e instanceof UsageError ? e.message : String(e));
  }
  // nothing is judged here: the tree and model are enough
  const analysis = analyze(fs, { root, rules: [] });
  const r = assemble(analysis, {
    ...(values.section ? { section: values.section } : {}),
    ...(values.name ? { name: values.name } : {}),
    reveal: values.reveal === true,
  });
  if ('error' in r) usage(r.error);
  if (format === 'json') writeOut(JSON.stringify(toOrderedObject(r.elements, r.root, values.origins === true), null, 2) + '\n');
  else writeOut(toXml(r.elements, r.root, values.origins === true).text);
  return 0;
}
