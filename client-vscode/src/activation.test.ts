import { describe, expect, it } from 'vitest';
import { cachedExists, findConfRoot, globToRegExp, matchesFilesSetting, normalizePath, shouldHandle } from './activation.js';

/** A file system that only knows these files. */
const disk = (...files: string[]) => {
  const set = new Set(files);
  const calls: string[] = [];
  const exists = (p: string) => {
    calls.push(p);
    return set.has(p);
  };
  return Object.assign(exists, { calls });
};

describe('shouldHandle: which documents fsconf takes', () => {
  const tree = disk('/srv/pbx/conf/freeswitch.xml');

  it('XML in the folder holding freeswitch.xml, and in any folder below it', () => {
    expect(shouldHandle('/srv/pbx/conf/freeswitch.xml', tree)).toBe(true);
    expect(shouldHandle('/srv/pbx/conf/vars.xml', tree)).toBe(true);
    expect(shouldHandle('/srv/pbx/conf/sip_profiles/internal.xml', tree)).toBe(true);
    expect(shouldHandle('/srv/pbx/conf/dialplan/default/00_inbound.xml', tree)).toBe(true);
  });

  it('plain XML elsewhere is left alone (other XML extensions keep it)', () => {
    expect(shouldHandle('/srv/pbx/pom.xml', tree)).toBe(false);
    expect(shouldHandle('/home/me/project/build.xml', tree)).toBe(false);
    expect(shouldHandle('/home/me/project/src/layout.xml', tree, {}, 'xml')).toBe(false);
  });

  it('files under a folder named freeswitch: /etc/freeswitch, /usr/local/freeswitch/conf, checkouts', () => {
    const none = disk();
    expect(shouldHandle('/etc/freeswitch/autoload_configs/acl.conf.xml', none)).toBe(true);
    expect(shouldHandle('/usr/local/freeswitch/conf/vars.xml', none)).toBe(true);
    expect(shouldHandle('/home/me/FreeSWITCH/conf/x.xml', none)).toBe(true);
    // the name must be a folder, not part of the file name or of another folder name
    expect(shouldHandle('/home/me/freeswitch.bak/x.xml', none)).toBe(false);
    expect(shouldHandle('/home/me/freeswitch-notes.xml', none)).toBe(false);
    // a project named freeswitch: its build files and sources are not configuration
    expect(shouldHandle('/home/me/freeswitch/pom.xml', none)).toBe(false);
    expect(shouldHandle('/home/me/freeswitch/module/pom.xml', none)).toBe(false);
    expect(shouldHandle('/home/me/freeswitch/src/main/resources/layout.xml', none)).toBe(false);
    expect(shouldHandle('/etc/freeswitch/sip_profiles/external/gw.xml', none)).toBe(true);
    expect(shouldHandle('/etc/freeswitch/vars.xml', none)).toBe(true);
  });

  it('cti.json only in a conf tree; .fsconf.yaml anywhere (it lives at or above the conf root)', () => {
    expect(shouldHandle('/srv/pbx/conf/cti.json', tree)).toBe(true);
    expect(shouldHandle('/etc/freeswitch/cti.json', disk())).toBe(true);
    expect(shouldHandle('/home/me/web/cti.json', tree)).toBe(false);
    expect(shouldHandle('/srv/pbx/.fsconf.yaml', tree)).toBe(true);
    expect(shouldHandle('/srv/pbx/conf/.fsconf.yml', tree)).toBe(true);
    expect(shouldHandle('/srv/pbx/conf/settings.json', tree)).toBe(false);
    expect(shouldHandle('/srv/pbx/conf/notes.yaml', tree)).toBe(false);
  });

  it('files matched by fsconf.files: absolute, ** and workspace-relative patterns, any extension', () => {
    const none = disk();
    expect(shouldHandle('/opt/pbx/templates/sofia.xml.tmpl', none, { files: ['/opt/pbx/templates/**/*.tmpl'] })).toBe(true);
    expect(shouldHandle('/opt/pbx/templates/sofia.xml.tmpl', none, { files: ['**/*.xml.tmpl'] })).toBe(true);
    expect(shouldHandle('/work/repo/conf/x.xml', none, { files: ['conf/*.xml'], folders: ['/work/repo'] })).toBe(true);
    expect(shouldHandle('/work/repo/other/x.xml', none, { files: ['conf/*.xml'], folders: ['/work/repo'] })).toBe(false);
    expect(shouldHandle('/work/repo/a/b.xml', none, { files: ['/work/repo/a/{b,c}.xml'] })).toBe(true);
    expect(shouldHandle('/work/repo/a/d.xml', none, { files: ['/work/repo/a/{b,c}.xml'] })).toBe(false);
    expect(shouldHandle('/work/repo/a/b.xml', none, { files: [] })).toBe(false);
  });

  it('a document VS Code calls XML counts as XML whatever its extension', () => {
    expect(shouldHandle('/srv/pbx/conf/dialplan/default.xml.in', tree, {}, 'xml')).toBe(true);
    expect(shouldHandle('/srv/pbx/conf/dialplan/default.xml.in', tree, {}, 'plaintext')).toBe(false);
  });

  it('stops looking upwards at the file system root and after a bounded number of folders', () => {
    const fs = disk();
    expect(shouldHandle('/a/b/c/d.xml', fs)).toBe(false);
    expect(fs.calls).toEqual(['/a/b/c/freeswitch.xml', '/a/b/freeswitch.xml', '/a/freeswitch.xml', '/freeswitch.xml']);
    const deep = '/' + Array.from({ length: 200 }, (_, i) => `d${i}`).join('/') + '/x.xml';
    const fs2 = disk();
    expect(shouldHandle(deep, fs2)).toBe(false);
    expect(fs2.calls.length).toBeLessThanOrEqual(64);
  });

  it('Windows paths', () => {
    const win = disk('c:/pbx/conf/freeswitch.xml');
    expect(shouldHandle('C:\\pbx\\conf\\sip_profiles\\internal.xml', win)).toBe(true);
    expect(shouldHandle('C:\\pbx\\other\\x.xml', win)).toBe(false);
    expect(findConfRoot('C:\\pbx\\conf\\sip_profiles', win)).toBe('c:/pbx/conf');
  });

  it('empty and odd inputs', () => {
    expect(shouldHandle('', disk())).toBe(false);
    expect(shouldHandle('x.xml', disk())).toBe(false);
    expect(shouldHandle('/srv/pbx/conf/a.xml', tree, { files: ['', '   '] })).toBe(true);
  });
});

describe('helpers', () => {
  it('normalizePath', () => {
    expect(normalizePath('/a//b/')).toBe('/a/b');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('C:\\x\\')).toBe('c:/x');
  });

  it('globToRegExp', () => {
    expect(globToRegExp('/a/**/*.xml').test('/a/x.xml')).toBe(true);
    expect(globToRegExp('/a/**/*.xml').test('/a/b/c/x.xml')).toBe(true);
    expect(globToRegExp('/a/*.xml').test('/a/b/x.xml')).toBe(false);
    expect(globToRegExp('/a/?.xml').test('/a/b.xml')).toBe(true);
    expect(globToRegExp('/a/[bc].xml').test('/a/c.xml')).toBe(true);
    expect(globToRegExp('/a/[!bc].xml').test('/a/c.xml')).toBe(false);
    expect(globToRegExp('/a/x+y.xml').test('/a/x+y.xml')).toBe(true);
    expect(globToRegExp('/a/**').test('/a/b/c')).toBe(true);
  });

  it('matchesFilesSetting ignores non-strings', () => {
    expect(matchesFilesSetting('/a/b.xml', [42 as unknown as string, '**/b.xml'])).toBe(true);
    expect(matchesFilesSetting('/a/b.xml', undefined)).toBe(false);
  });

  it('cachedExists asks the disk once per path until cleared', () => {
    const fs = disk('/x');
    const c = cachedExists(fs);
    expect(c('/x')).toBe(true);
    expect(c('/x')).toBe(true);
    expect(c('/y')).toBe(false);
    expect(fs.calls).toEqual(['/x', '/y']);
    c.clear();
    c('/x');
    expect(fs.calls).toEqual(['/x', '/y', '/x']);
  });
});
