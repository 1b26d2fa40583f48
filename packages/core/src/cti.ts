/**
 * mod_cti's `cti.json` (JSON with comments): the password policy mod_cti enforces at load time and its
 * register-failure ban settings. Read with jsonc-parser so comments and exact offsets are handled.
 */
import { parseTree, printParseErrorCode, findNodeAtLocation, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { decodeBytes, joinPath, type FileSystem } from './fs.js';
import { LineIndex } from './text.js';
import type { Finding } from './rules/types.js';
import { didYouMean } from './kb/did-you-mean.js';

export interface PasswordPolicy {
  minimum: number;
  strength: number;
}

export interface CtiFile {
  path: string;
  text: string;
  lines: LineIndex;
  root: JsonNode | undefined;
  /** undefined when the file is invalid in a way that stops mod_cti reading the policy. */
  policy: PasswordPolicy | undefined;
  findings: Finding[];
}

const CTI_KEYS = ['password_minimum', 'password_strength', 'register_failure'] as const;
const CTI_REGISTER_FAILURE_KEYS = ['findtime', 'maxretry', 'banmode', 'bantime'] as const;

/** Where mod_cti's configuration may sit in a conf tree. */
function findCtiJson(fs: FileSystem, root: string): string | undefined {
  for (const rel of ['cti.json', 'autoload_configs/cti.json']) {
    const p = joinPath(root, rel);
    const st = fs.stat(p);
    if (st && st.isFile) return p;
  }
  return undefined;
}

export function readPolicy(fs: FileSystem, root: string): CtiFile | undefined {
  const path = findCtiJson(fs, root);
  if (!path) return undefined;
  let text: string;
  try {
    text = decodeBytes(fs.readFile(path, 1024 * 1024)).text;
  } catch (e) {
    return {
      path,
      text: '',
      lines: new LineIndex(''),
      root: undefined,
      policy: undefined,
      findings: [
        {
          rule: 'cti/invalid',
          severity: 'error',
          file: path,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: `cti.json cannot be read: ${e instanceof Error ? e.message : String(e)}`,
          fixes: [],
        },
      ],
    };
  }
  return checkCtiJson(path, text);
}

export function checkCtiJson(path: string, text: string): CtiFile {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const report = (rule: 'cti/invalid' | 'cti/unknown-key', start: number, end: number, message: string, fixes: Finding['fixes'] = []): void => {
    findings.push({ rule, severity: rule === 'cti/invalid' ? 'error' : 'warning', file: path, range: lines.range(start, end), message, fixes });
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  for (const e of errors)
    report(
      'cti/invalid',
      e.offset,
      e.offset + Math.max(1, e.length),
      `cti.json syntax error: ${describeJsonError(printParseErrorCode(e.error))}; mod_cti cannot read it`,
    );
  let policy: PasswordPolicy | undefined = errors.length ? undefined : { minimum: 6, strength: 3 };
  if (root && root.type !== 'object') {
    report('cti/invalid', root.offset, root.offset + root.length, 'cti.json must be a JSON object');
    policy = undefined;
  }
  if (root && root.type === 'object') {
    for (const prop of root.children ?? []) {
      const keyNode = prop.children?.[0];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (!(CTI_KEYS as readonly string[]).includes(key)) {
        const s = didYouMean(key, CTI_KEYS);
        report(
          'cti/unknown-key',
          keyNode.offset,
          keyNode.offset + keyNode.length,
          `"${key}" is not a key mod_cti reads: it is ignored${s.length ? ` (did you mean "${s[0]}"?)` : ''}`,
          s.map((x) => ({
            title: `Rename to "${x}"`,
            kind: 'choice' as const,
            edits: [{ file: path, range: lines.range(keyNode.offset, keyNode.offset + keyNode.length), newText: JSON.stringify(x) }],
          })),
        );
      }
    }
    const min = findNodeAtLocation(root, ['password_minimum']);
    if (min) {
      if (min.type !== 'number' || !Number.isInteger(min.value) || (min.value as number) < 1) {
        report(
          'cti/invalid',
          min.offset,
          min.offset + min.length,
          `password_minimum must be an integer ≥ 1, not ${text.slice(min.offset, min.offset + min.length)}`,
        );
      } else if (policy) policy.minimum = min.value as number;
    }
    const str = findNodeAtLocation(root, ['password_strength']);
    if (str) {
      if (str.type !== 'number' || !Number.isInteger(str.value) || (str.value as number) < 0 || (str.value as number) > 4) {
        report(
          'cti/invalid',
          str.offset,
          str.offset + str.length,
          `password_strength must be an integer 0–4 (classes required of digit, lower, upper, other), not ${text.slice(str.offset, str.offset + str.length)}`,
        );
      } else if (policy) policy.strength = str.value as number;
    }
    const rf = findNodeAtLocation(root, ['register_failure']);
    if (rf) {
      const entries = rf.type === 'array' ? (rf.children ?? []) : [rf];
      for (const entry of entries) {
        if (entry.type !== 'object') {
          report(
            'cti/invalid',
            entry.offset,
            entry.offset + entry.length,
            'a register_failure entry must be an object with findtime, maxretry, banmode and bantime',
          );
          continue;
        }
        for (const prop of entry.children ?? []) {
          const k = prop.children?.[0];
          const v = prop.children?.[1];
          if (!k || !v) continue;
          const key = String(k.value);
          if (!(CTI_REGISTER_FAILURE_KEYS as readonly string[]).includes(key)) {
            const s = didYouMean(key, CTI_REGISTER_FAILURE_KEYS);
            report(
              'cti/unknown-key',
              k.offset,
              k.offset + k.length,
              `"${key}" is not a register_failure key mod_cti reads: it is ignored${s.length ? ` (did you mean "${s[0]}"?)` : ''}`,
              s.map((x) => ({
                title: `Rename to "${x}"`,
                kind: 'choice' as const,
                edits: [{ file: path, range: lines.range(k.offset, k.offset + k.length), newText: JSON.stringify(x) }],
              })),
            );
            continue;
          }
          const raw = text.slice(v.offset, v.offset + v.length);
          if (key === 'banmode') {
            if (v.type !== 'number' || (v.value !== 0 && v.value !== 1))
              report('cti/invalid', v.offset, v.offset + v.length, `banmode must be 0 (ban the address) or 1 (ban the address+account pair), not ${raw}`);
          } else if (v.type !== 'number' || !Number.isInteger(v.value) || (v.value as number) < 1) {
            report('cti/invalid', v.offset, v.offset + v.length, `${key} must be a positive integer, not ${raw}`);
          }
        }
      }
    }
  }
  return { path, text, lines, root, policy, findings };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
