/** The in-place value editor shown under the file: live findings of the edited document. */
import React from 'react';
import { Box, Text } from 'ink';
import type { Diagnostic } from '../lsp/types.js';
import { C, Filler, Row, Rule } from '../ui/components.js';
import { TextInput } from '../ui/input.js';
import { clean, severityIcon, severityName, useTheme } from '../ui/theme.js';
import { messageOf, ruleOf } from '../views/problems.js';

export const EDIT_PANE = 6;

export function EditPane(p: {
  width: number;
  name: string;
  line: number;
  value: string;
  /** The value is a secret (the server says so): shown masked, as in the File view. */
  secret?: boolean;
  readonly: boolean;
  diagnostics: Diagnostic[];
  fileCounts: { errors: number; warnings: number; infos: number };
  saving: boolean;
  onChange(v: string): void;
  onSave(): void;
  onCancel(): void;
}) {
  const theme = useTheme();
  const onLine = p.diagnostics.filter((d) => d.range.start.line <= p.line && d.range.end.line >= p.line);
  const room = EDIT_PANE - 3;
  return (
    <Box flexDirection="column" width={p.width} height={EDIT_PANE}>
      <Rule width={p.width} title={`edit ${p.name} (line ${p.line + 1})${p.secret ? ' · secret, masked' : ''} · findings update as you type`} />
      <Row width={p.width}>
        <C role="accent" bold>{` ${p.name} = `}</C>
        <TextInput
          value={p.value}
          onChange={p.onChange}
          onSubmit={p.onSave}
          onCancel={p.onCancel}
          isActive={!p.saving}
          width={p.width - p.name.length - 5}
          mask={!!p.secret}
        />
      </Row>
      {onLine.slice(0, room).map((d, i) => (
        <Row key={i} width={p.width}>
          <C role={severityName(d.severity) === 'hint' ? 'hint' : severityName(d.severity)}>{` ${severityIcon(theme, d.severity)} `}</C>
          {`${clean(messageOf(d))}  [${ruleOf(d)}]`}
        </Row>
      ))}
      {onLine.length === 0 ? (
        <Row width={p.width}>
          <C role="ok">{` ${theme.sym.check} no finding on this line`}</C>
        </Row>
      ) : null}
      <Filler rows={room - Math.max(1, Math.min(room, onLine.length))} width={p.width} />
      <Row width={p.width}>
        {p.saving ? (
          <C role="accent">{' saving…'}</C>
        ) : (
          <Text>
            <C role="muted">{` file: ${p.fileCounts.errors} errors, ${p.fileCounts.warnings} warnings, ${p.fileCounts.infos} infos · `}</C>
            {p.readonly ? <C role="warning">read-only: esc closes</C> : <C role="muted">enter saves (fsconf.saveDocument) · esc cancels</C>}
          </Text>
        )}
      </Row>
    </Box>
  );
}
