/** Hover markdown → plain lines for a terminal pane. */
export function markdownToText(md: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const raw of md.replace(/\r/g, '').split('\n')) {
    if (/^\s*```/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence) {
      out.push('  ' + raw);
      continue;
    }
    let line = raw
      .replace(/^#{1,6}\s+/, '')
      .replace(/\*\*(.+?)\*\*/g, '$1')
      .replace(/__(.+?)__/g, '$1')
      .replace(/(^|[^*])\*([^*\s][^*]*?)\*/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
      .replace(/^\s*[-*]\s+/, '• ')
      .replace(/^---+$/, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1');
    line = line.trimEnd();
    out.push(line);
  }
  // collapse blank runs
  return out.filter((l, i) => l.trim() || (i > 0 && out[i - 1]!.trim()));
}
