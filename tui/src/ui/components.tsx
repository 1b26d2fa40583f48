/** The frame: header, tabs, status line, key hints — each exactly one terminal row. */
import React from 'react';
import { Box, Text, Transform } from 'ink';
import { fit, toAscii, useTheme, type ColorName } from './theme.js';
import type { Counts } from '../app/workspace.js';
import { TextInput } from './input.js';

/** One row of text, never wrapped: longer content is cut at the terminal edge. */
export function Row({ children, width }: { children: React.ReactNode; width: number }) {
  const theme = useTheme();
  const text = <Text wrap="truncate-end">{children}</Text>;
  return (
    <Box width={width} height={1} overflow="hidden">
      {theme.unicode ? text : <Transform transform={toAscii}>{text}</Transform>}
    </Box>
  );
}

export function C({
  role,
  children,
  bold,
  inverse,
  dim,
  underline,
}: {
  role?: ColorName;
  children: React.ReactNode;
  bold?: boolean;
  inverse?: boolean;
  dim?: boolean;
  underline?: boolean;
}) {
  const theme = useTheme();
  const color = role ? theme.c(role) : undefined;
  return (
    <Text
      {...(color ? { color } : {})}
      {...(bold ? { bold } : {})}
      {...(inverse ? { inverse } : {})}
      {...(dim && theme.color ? { dimColor: true } : {})}
      {...(underline ? { underline } : {})}
    >
      {children}
    </Text>
  );
}

function CountsView({ counts, hidden }: { counts: Counts; hidden?: ReadonlySet<number> }) {
  const t = useTheme();
  const item = (sev: number, role: ColorName, icon: string, n: number, word: string) => {
    const off = hidden?.has(sev);
    return (
      <C role={off ? 'muted' : n ? role : 'muted'} {...(off ? { dim: true } : { bold: n > 0 })}>
        {`${icon} ${n} ${word}${off ? ' (hidden)' : ''}`}
      </C>
    );
  };
  return (
    <>
      {item(1, 'error', t.sym.error, counts.errors, counts.errors === 1 ? 'error' : 'errors')}
      {'  '}
      {item(2, 'warning', t.sym.warning, counts.warnings, counts.warnings === 1 ? 'warning' : 'warnings')}
      {'  '}
      {item(3, 'info', t.sym.info, counts.infos, counts.infos === 1 ? 'info' : 'infos')}
    </>
  );
}

export function Header(props: {
  width: number;
  root: string;
  counts: Counts;
  analysing: boolean;
  spinner: string;
  files: number;
  readonly: boolean;
  backup: boolean;
  hidden?: ReadonlySet<number>;
}) {
  const t = useTheme();
  const flags = [props.readonly ? '[read-only]' : '', !props.backup ? '[no backup]' : ''].filter(Boolean).join(' ');
  return (
    <Row width={props.width}>
      <C role="title" bold>
        fsconf
      </C>
      {'  '}
      {props.analysing ? <C role="accent">{`${props.spinner} analysing${props.files ? ` (${props.files} files)` : ''}${t.sym.ellipsis}  `}</C> : null}
      <CountsView counts={props.counts} {...(props.hidden ? { hidden: props.hidden } : {})} />
      {flags ? (
        <C role="warning" bold>
          {'  ' + flags}
        </C>
      ) : null}
      {'  '}
      <C role="muted">{props.root}</C>
    </Row>
  );
}

export type ViewName = 'problems' | 'files' | 'file' | 'dialplan' | 'profiles' | 'directory' | 'bans' | 'assembled' | 'help';
export const VIEWS: ViewName[] = ['problems', 'files', 'file', 'dialplan', 'profiles', 'directory', 'bans', 'assembled', 'help'];

/** Shorter names for a narrow terminal, each still distinct from the others (Files ≠ File). */
const SHORT: Record<ViewName, [string, string]> = {
  problems: ['Prob', 'P'],
  files: ['Fls', 'Fls'],
  file: ['File', 'Fil'],
  dialplan: ['Dial', 'Dp'],
  profiles: ['Prof', 'Prf'],
  directory: ['Dir', 'Dir'],
  bans: ['Bans', 'Ban'],
  assembled: ['Asm', 'Asm'],
  help: ['Help', '?'],
};

/**
 * Tab labels that fit the row: first the separators narrow, then the tabs other than the current one take
 * their short names — the editing views first, Problems (whose count the eye looks for) last, and it keeps
 * its count.
 */
export function fitLabels(width: number, view: ViewName, labels: Record<ViewName, string>): { labels: Record<ViewName, string>; narrow: boolean } {
  const total = (l: Record<ViewName, string>, sep: number) => VIEWS.reduce((n, v) => n + l[v].length + 2, 0) + (VIEWS.length - 1) * sep + 1;
  if (total(labels, 3) <= width) return { labels, narrow: false };
  if (total(labels, 1) <= width) return { labels, narrow: true };
  const order: ViewName[][] = [['dialplan', 'profiles', 'directory', 'assembled'], ['bans', 'help', 'files', 'file'], ['problems']];
  const short = { ...labels };
  for (const level of [0, 1] as const)
    for (const group of order)
      for (const v of group) {
        if (v === view) continue;
        const count = / \((\d+)\)$/.exec(labels[v])?.[1];
        const name = SHORT[v][level];
        const next = v === 'problems' && count ? `${name}${level ? '' : ' '}${count}` : name;
        if (next.length >= short[v].length) continue;
        short[v] = next;
        if (total(short, 1) <= width) return { labels: short, narrow: true };
      }
  return { labels: short, narrow: true };
}

export function Tabs({ width, view, labels: full }: { width: number; view: ViewName; labels: Record<ViewName, string> }) {
  const t = useTheme();
  const { labels, narrow } = fitLabels(width, view, full);
  return (
    <Row width={width}>
      {VIEWS.map((v, i) => (
        <React.Fragment key={v}>
          {i > 0 ? <C role="muted">{narrow ? t.sym.vline : ` ${t.sym.vline} `}</C> : ' '}
          {v === view ? (
            <C role="accent" inverse bold>
              {` ${labels[v]} `}
            </C>
          ) : (
            <Text>{` ${labels[v]} `}</Text>
          )}
        </React.Fragment>
      ))}
    </Row>
  );
}

export interface Status {
  level: 'info' | 'warning' | 'error' | 'ok';
  message: string;
}

export function StatusLine({ width, status, busy, spinner }: { width: number; status?: Status | undefined; busy?: string | undefined; spinner: string }) {
  const t = useTheme();
  if (busy)
    return (
      <Row width={width}>
        <C role="accent">{`${spinner} ${busy}`}</C>
      </Row>
    );
  if (!status)
    return (
      <Row width={width}>
        <C role="muted" dim>
          {' '}
        </C>
      </Row>
    );
  const icon = status.level === 'error' ? t.sym.cross : status.level === 'warning' ? t.sym.warning : status.level === 'ok' ? t.sym.check : t.sym.info;
  const role: ColorName = status.level === 'error' ? 'error' : status.level === 'warning' ? 'warning' : status.level === 'ok' ? 'ok' : 'info';
  return (
    <Row width={width}>
      <C role={role} bold={status.level === 'error'}>
        {statusText(`${icon} ${status.message.replace(/\s*\n\s*/g, ' ')}`, width)}
      </C>
    </Row>
  );
}

export function Hints({ width, hints }: { width: number; hints: [string, string][] }) {
  return (
    <Row width={width}>
      {hints.map(([k, what], i) => (
        <React.Fragment key={k + what}>
          {i > 0 ? '  ' : ''}
          <C role="accent" bold inverse>
            {k}
          </C>
          <Text>{' ' + what}</Text>
        </React.Fragment>
      ))}
    </Row>
  );
}

export function Rule({ width, title }: { width: number; title?: string }) {
  const t = useTheme();
  const label = title ? ` ${fit(title, width - 6, t.sym.ellipsis)} ` : '';
  return (
    <Row width={width}>
      <C role="muted">{t.sym.hline.repeat(2)}</C>
      <C bold>{label}</C>
      <C role="muted">{t.sym.hline.repeat(Math.max(0, width - 2 - label.length))}</C>
    </Row>
  );
}

/** Fills the rest of a fixed-height region with blank rows so layouts never jump. */
export function Filler({ rows, width }: { rows: number; width: number }) {
  if (rows <= 0) return null;
  return <Box width={width} height={rows} />;
}

/** The `/` filter line of a list view: a text input while editing, else the filter and a summary. */
export function FilterRow(p: {
  width: number;
  text: string;
  editing: boolean;
  placeholder: string;
  summary: string;
  onChange: (text: string) => void;
  onEditing: (editing: boolean) => void;
}) {
  return (
    <Row width={p.width}>
      <C role="accent" bold>
        /
      </C>
      {p.editing ? (
        <TextInput
          value={p.text}
          onChange={p.onChange}
          onSubmit={() => p.onEditing(false)}
          onCancel={() => {
            p.onChange('');
            p.onEditing(false);
          }}
          placeholder={p.placeholder}
        />
      ) : (
        <Text>
          {p.text}
          <C role="muted">{`  (${p.summary}; / edits, esc clears)`}</C>
        </Text>
      )}
    </Row>
  );
}

/** A status message that fits one row; a longer one says which key shows it whole. */
function statusText(text: string, width: number): string {
  const more = ' … m: whole message';
  if (text.length <= width - 1 || width < more.length + 10) return text;
  return text.slice(0, width - 1 - more.length) + more;
}
