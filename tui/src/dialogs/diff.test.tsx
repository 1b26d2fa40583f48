import { describe, expect, it } from 'vitest';
import React from 'react';
import { render } from 'ink-testing-library';
import { changeColumns, DiffDialog, sliceAround } from './dialogs.js';
import { diffLines } from '../text/edits.js';

// a change past column 80: before, the dialog cut it off and the diff looked like no change
const long = '    <param name="user-agent-string" value="FreeSWITCH on a very long line that keeps going past eighty columns auth-hash x"/>';
const before = `<settings>\n${long}\n</settings>\n`;
const after = before.replace('auth-hash x', 'auth-hash y');

describe('the diff dialog shows a change past the terminal width', () => {
  it('pairs a removed and an added line and finds where they differ', () => {
    const lines = diffLines(before, after);
    const cols = changeColumns(lines);
    const changed = lines.map((l, i) => [l.kind, cols[i]] as const).filter(([k]) => k === '-' || k === '+');
    expect(changed).toEqual([
      ['-', long.indexOf('auth-hash x') + 'auth-hash '.length],
      ['+', long.indexOf('auth-hash x') + 'auth-hash '.length],
    ]);
  });

  it('centres the window on the change, marks the cuts, and h/l move it', () => {
    const at = long.indexOf('auth-hash x') + 10;
    const w = sliceAround(long, at, 0, 60);
    expect(w.startsWith('…')).toBe(true);
    expect(w).toContain('auth-hash x');
    expect(sliceAround(long, 3, 0, 60).startsWith('    <param')).toBe(true);
    expect(sliceAround(long, at, -200, 60).startsWith('    <param')).toBe(true);
  });

  it('renders both sides of the change at 80 columns', () => {
    const lines = diffLines(before, after);
    const { lastFrame, unmount } = render(
      <DiffDialog width={80} height={12} title="t" files={[{ rel: 'x.xml', lines }]} readonly={false} onYes={() => undefined} onNo={() => undefined} />,
    );
    const f = lastFrame() ?? '';
    expect(f).toContain('auth-hash x');
    expect(f).toContain('auth-hash y');
    expect(f).toContain('h/l sideways');
    unmount();
  });
});
