import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FsconfWorkspace } from './workspace.js';
import { NodeFileSystem } from '../host/node-fs.js';
import { analyze } from '../analysis.js';
import type { Finding } from '../rules/types.js';

const VANILLA = fileURLToPath(new URL('../../../../../shared/corpus/freeswitch/vanilla', import.meta.url));
const key = (f: Finding) => `${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.rule} ${f.message}`;
const flat = (m: Map<string, Finding[]>) => [...m.values()].flat().map(key).sort();

describe('incremental re-analysis (parse, model and rule caches) equals a fresh analysis', () => {
  it('after edits to a dialplan, vars.xml and a user file, and after undoing them', () => {
    const ws = new FsconfWorkspace(new NodeFileSystem(), VANILLA);
    ws.analysis();
    const dp = `${VANILLA}/dialplan/default.xml`;
    const vars = `${VANILLA}/vars.xml`;
    const user = `${VANILLA}/directory/default/1000.xml`;
    const dpText = fs.readFileSync(dp, 'utf8');
    const varsText = fs.readFileSync(vars, 'utf8');
    const userText = fs.readFileSync(user, 'utf8');
    const steps: [string, string][] = [
      [dp, dpText.replace('<extension name="unloop">', '<extension name="unloop"><condition field="destination_numbr" expression="^(1"><action application="playbak" data="$2"/></condition>')],
      [vars, varsText.replace('default_password=1234', 'default_password=Str0ng.Pass-word')],
      [user, userText.replace('$${default_password}', 'abc')],
      [dp, dpText],
      [vars, varsText],
      [user, userText],
    ];
    ws.open(dp, dpText);
    ws.open(vars, varsText);
    ws.open(user, userText);
    for (const [path, text] of steps) {
      ws.change(path, text);
      const incremental = flat(ws.diagnostics());
      const fresh = analyze(ws.fs, { root: VANILLA, files: [dp, vars, user] });
      expect(incremental).toEqual(fresh.findings.map(key).sort());
    }
  });
});
