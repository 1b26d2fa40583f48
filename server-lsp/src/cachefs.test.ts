import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '@fsconf/core';
import { CachingFileSystem } from './cachefs.js';

function counting() {
  const mem = new MemoryFileSystem({ '/c/a.xml': '<a/>', '/c/sub/b.xml': '<b/>' });
  const calls = { stat: 0, readDir: 0, readFile: 0 };
  const base = {
    stat: (p: string) => (calls.stat++, mem.stat(p)),
    readDir: (p: string) => (calls.readDir++, mem.readDir(p)),
    readFile: (p: string) => (calls.readFile++, new TextEncoder().encode(mem.readFile(p))),
  };
  return { mem, calls, base };
}

describe('CachingFileSystem', () => {
  it('answers from the cache until invalidated or expired', () => {
    let now = 0;
    const { mem, calls, base } = counting();
    const fs = new CachingFileSystem(base, 1000, () => now);
    expect(fs.readFile('/c/a.xml', 100)).toBe('<a/>');
    expect(fs.readFile('/c/a.xml', 100)).toBe('<a/>');
    expect(fs.readDir('/c')).toEqual(['a.xml', 'sub']);
    fs.readDir('/c');
    expect(calls).toEqual({ stat: 1, readDir: 1, readFile: 1 });

    mem.set('/c/a.xml', '<a2/>');
    expect(fs.readFile('/c/a.xml', 100)).toBe('<a/>'); // not told yet
    fs.invalidate('/c/a.xml');
    expect(fs.readFile('/c/a.xml', 100)).toBe('<a2/>');

    mem.set('/c/new.xml', '<n/>');
    fs.invalidate('/c/new.xml');
    expect(fs.readDir('/c')).toEqual(['a.xml', 'new.xml', 'sub']);

    mem.set('/c/a.xml', '<a3/>');
    now = 1500; // expired
    expect(fs.readFile('/c/a.xml', 100)).toBe('<a3/>');
  });

  it('keeps bytes that are not UTF-8 as bytes (core reports them) and does not cache errors', () => {
    const fs = new CachingFileSystem({
      stat: () => ({ isFile: true, isDirectory: false, size: 2, mtimeMs: 1 }),
      readDir: () => undefined,
      readFile: () => new Uint8Array([0xe9, 0x0a]),
    });
    expect(fs.readFile('/x', 10)).toBeInstanceOf(Uint8Array);
    let fail = true;
    const fs2 = new CachingFileSystem({
      stat: () => ({ isFile: true, isDirectory: false, size: 2, mtimeMs: 1 }),
      readDir: () => undefined,
      readFile: () => {
        if (fail) throw new Error('permission denied');
        return 'ok';
      },
    });
    expect(() => fs2.readFile('/x', 10)).toThrow('permission denied');
    fail = false;
    expect(fs2.readFile('/x', 10)).toBe('ok');
  });
});
