import { describe, expect, it } from 'vitest';
import { fitLabels, VIEWS, type ViewName } from './components.js';

const LABELS: Record<ViewName, string> = {
  problems: 'Problems (67)',
  files: 'Files (162)',
  file: 'File',
  dialplan: 'Dialplan',
  profiles: 'Profiles',
  directory: 'Directory',
  bans: 'Bans',
  assembled: 'Assembled',
  help: 'Help',
};

describe('tab labels on a narrow terminal', () => {
  it('fit 80 columns with every tab still told apart (Files is not cut to File) and the current tab whole', () => {
    for (const view of VIEWS) {
      const { labels } = fitLabels(80, view, LABELS);
      const width = VIEWS.reduce((n, v) => n + labels[v].length + 2, 0) + VIEWS.length;
      expect(width).toBeLessThanOrEqual(80);
      expect(new Set(VIEWS.map((v) => labels[v])).size).toBe(VIEWS.length);
      expect(labels[view]).toBe(LABELS[view]);
      expect(labels.problems).toMatch(/67/);
    }
  });
  it('keep the full names where they fit', () => {
    expect(fitLabels(160, 'problems', LABELS).labels).toEqual(LABELS);
  });
});
