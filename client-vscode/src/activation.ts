/**
 * Which documents fsconf handles. Pure: the file system is reached only through `fsExists`, so the
 * decision is unit-tested without VS Code or a disk.
 *
 * fsconf handles:
 *  - XML files in a folder that holds, or has an ancestor that holds, `freeswitch.xml` (a conf tree);
 *  - XML files under a folder named `freeswitch` (which covers `/etc/freeswitch` and
 *    `/usr/local/freeswitch/conf`);
 *  - any file matched by one of the `fsconf.files` glob patterns;
 *  - `cti.json` in such a tree, and `.fsconf.yaml` / `.fsconf.yml` (fsconf's own configuration file,
 *    which lives at or *above* the conf root, so it is handled wherever it is).
 * Any other XML file is left alone: other XML extensions keep working side by side.
 */

export type FsExists = (path: string) => boolean;

export interface HandleOptions {
  /** Glob patterns from the `fsconf.files` setting. */
  files?: readonly string[];
  /** Workspace folder paths: relative `fsconf.files` patterns are matched against paths inside them. */
  folders?: readonly string[];
}

/** How far up a file's ancestors we look for `freeswitch.xml`. */
const MAX_ANCESTORS = 64;

/** Forward slashes, no trailing slash (but keep "/" and "C:/"), Windows drive letter lower-cased. */
export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
  s = s.replace(/\/{2,}/g, '/');
  if (s.length > 1 && s.endsWith('/') && !/^[a-z]:\/$/.test(s)) s = s.slice(0, -1);
  return s;
}

function dirnameOf(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  if (/^[a-z]:$/.test(p.slice(0, i))) return p.slice(0, i + 1);
  return p.slice(0, i);
}

function basenameOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** The nearest folder at or above `dir` that holds `freeswitch.xml`, if any. */
export function findConfRoot(dir: string, fsExists: FsExists): string | undefined {
  let d = normalizePath(dir);
  for (let i = 0; i < MAX_ANCESTORS; i++) {
    if (fsExists(join(d, 'freeswitch.xml'))) return d;
    const up = dirnameOf(d);
    if (up === d || up === '.') return undefined;
    d = up;
  }
  return undefined;
}

/** XML that build tools and IDEs keep in any project folder: never FreeSWITCH configuration. */
const BUILD_XML = /^(pom|build|ivy|web|androidmanifest|checkstyle|phpunit|settings|project|module|beans|log4j2?|logback)\.xml$/i;
/** Folders a FreeSWITCH conf tree has (vanilla's layout); a file deeper than the `freeswitch` folder must be in one. */
const CONF_FOLDERS = new Set([
  'conf',
  'autoload_configs',
  'sip_profiles',
  'dialplan',
  'directory',
  'chatplan',
  'ivr_menus',
  'lang',
  'skinny_profiles',
  'jingle_profiles',
  'mrcp_profiles',
  'tls',
  'noload',
]);

/**
 * True when one of the folders holding the file is called `freeswitch` (e.g. /etc/freeswitch/…) and the
 * file sits where configuration lives: directly in it, or below a conf folder. A `pom.xml` of a checkout
 * named freeswitch is not configuration.
 */
function underFreeswitchFolder(path: string): boolean {
  const parts = normalizePath(path).split('/');
  const base = parts.pop() ?? '';
  if (BUILD_XML.test(base)) return false;
  const at = parts.map((seg) => seg.toLowerCase()).lastIndexOf('freeswitch');
  if (at < 0) return false;
  if (at === parts.length - 1) return true;
  return parts.slice(at + 1).some((seg) => CONF_FOLDERS.has(seg.toLowerCase()));
}

/**
 * Glob → RegExp: `**` any number of folders, `*` any run of characters but `/`, `?` one character,
 * `{a,b}` alternatives, `[abc]` a class. Matching is case-sensitive except for Windows drive letters.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  const g = normalizePath(glob);
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches anything.
        if (g[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) re += '|';
    else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close > i + 1) {
        let cls = g.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls}]`;
        i = close;
      } else re += '\\[';
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Does `path` match one of the `fsconf.files` patterns (absolute, `**`-led, or relative to a workspace folder)? */
export function matchesFilesSetting(path: string, patterns: readonly string[] | undefined, folders: readonly string[] = []): boolean {
  if (!patterns || patterns.length === 0) return false;
  const p = normalizePath(path);
  for (const raw of patterns) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const pat = normalizePath(raw.trim());
    const absolute = pat.startsWith('/') || /^[a-z]:\//.test(pat);
    if (absolute || pat.startsWith('**')) {
      if (globToRegExp(pat).test(p)) return true;
      continue;
    }
    // Relative: against each workspace folder, and anywhere in the path (as VS Code's `files.associations` does).
    for (const f of folders) {
      const folder = normalizePath(f);
      if (p.startsWith(folder + '/') && globToRegExp(pat).test(p.slice(folder.length + 1))) return true;
    }
    if (globToRegExp('**/' + pat).test(p)) return true;
  }
  return false;
}

type FileKind = 'xml' | 'cti' | 'fsconf-yaml' | 'other';

function fileKind(path: string): FileKind {
  const base = basenameOf(normalizePath(path));
  const lower = base.toLowerCase();
  if (lower === '.fsconf.yaml' || lower === '.fsconf.yml') return 'fsconf-yaml';
  if (lower === 'cti.json') return 'cti';
  if (lower.endsWith('.xml')) return 'xml';
  return 'other';
}

/** True when `path` lies in a FreeSWITCH conf tree: a freeswitch.xml at or above it, or a `freeswitch` folder. */
function inConfTree(path: string, fsExists: FsExists): boolean {
  const p = normalizePath(path);
  if (underFreeswitchFolder(p)) return true;
  if (basenameOf(p).toLowerCase() === 'freeswitch.xml') return true;
  return findConfRoot(dirnameOf(p), fsExists) !== undefined;
}

/**
 * Should fsconf handle this file? `languageId` is VS Code's language of the open document, when known:
 * an `.xml.tmpl` that the user associated with XML counts as XML.
 */
export function shouldHandle(path: string, fsExists: FsExists, options: HandleOptions = {}, languageId?: string): boolean {
  if (!path) return false;
  if (matchesFilesSetting(path, options.files, options.folders)) return true;
  const kind = fileKind(path);
  if (kind === 'fsconf-yaml') return true;
  if (kind === 'cti') return inConfTree(path, fsExists);
  if (kind === 'xml' || languageId === 'xml') return inConfTree(path, fsExists);
  return false;
}

/** A memo for `fsExists` so repeated checks of one folder do not hit the disk again; `clear()` on file events. */
export function cachedExists(fsExists: FsExists): FsExists & { clear(): void } {
  const memo = new Map<string, boolean>();
  const f = ((p: string) => {
    let v = memo.get(p);
    if (v === undefined) {
      v = fsExists(p);
      memo.set(p, v);
    }
    return v;
  }) as FsExists & { clear(): void };
  f.clear = () => memo.clear();
  return f;
}
