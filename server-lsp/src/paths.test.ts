import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '@fsconf/core';
import { clientPath, confRootsFor, isInside, uriToPath } from './paths.js';

describe('paths', () => {
  it('converts file URIs (encoded characters too) and refuses other schemes', () => {
    expect(uriToPath('file:///etc/freeswitch/sip%20profiles/a.xml')).toBe('/etc/freeswitch/sip profiles/a.xml');
    expect(uriToPath('untitled:Untitled-1')).toBeUndefined();
    expect(clientPath('/etc/freeswitch/')).toBe('/etc/freeswitch');
    expect(clientPath(null)).toBeUndefined();
  });

  it('finds the conf root at or above a folder, else the trees inside it', () => {
    const fs = new MemoryFileSystem({
      '/etc/freeswitch/freeswitch.xml': '<document/>',
      '/etc/freeswitch/dialplan/default.xml': '<include/>',
      '/srv/a/conf/freeswitch.xml': '<document/>',
      '/srv/b/freeswitch.xml': '<document/>',
      '/srv/b/nested/freeswitch.xml': '<document/>',
    });
    expect(confRootsFor(fs, '/etc/freeswitch/dialplan')).toEqual(['/etc/freeswitch']);
    expect(confRootsFor(fs, '/etc')).toEqual(['/etc/freeswitch']);
    expect(confRootsFor(fs, '/srv')).toEqual(['/srv/b', '/srv/a/conf']);
    expect(confRootsFor(fs, '/nowhere')).toEqual([]);
    expect(isInside('/etc/freeswitch/x.xml', '/etc/freeswitch')).toBe(true);
    expect(isInside('/etc/freeswitch2/x.xml', '/etc/freeswitch')).toBe(false);
  });
});
