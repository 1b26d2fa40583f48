/** A one-line text input with a visible cursor and optional completion (tab accepts). */
import React, { useState } from 'react';
import { Text } from 'ink';
import { useKeys } from './keys.js';
import { useTheme } from './theme.js';
import { maskSecretValue } from '../text/secrets.js';

export interface TextInputProps {
  value: string;
  onChange(value: string): void;
  onSubmit?(value: string): void;
  onCancel?(): void;
  /** tab/↓ and ↑ move between fields */
  onTab?(back: boolean): void;
  suggestions?: readonly string[];
  isActive?: boolean;
  placeholder?: string;
  width?: number;
  /** A secret: shown as its first character and `*` (`$${var}` references kept; the value itself is edited as usual). */
  mask?: boolean;
}

function completionFor(value: string, suggestions: readonly string[] | undefined): string | undefined {
  if (!value || !suggestions) return undefined;
  const lower = value.toLowerCase();
  const hit = suggestions.find((s) => s.toLowerCase().startsWith(lower) && s.length > value.length);
  return hit ? hit.slice(value.length) : undefined;
}

export function TextInput({ value, onChange, onSubmit, onCancel, onTab, suggestions, isActive = true, placeholder, width, mask = false }: TextInputProps) {
  const theme = useTheme();
  const [cursor, setCursor] = useState(value.length);
  const at = Math.min(cursor, value.length);
  const completion = mask ? undefined : completionFor(value, suggestions);
  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') return; // the app quits
      if (key.return) return onSubmit?.(value);
      if (key.escape) return onCancel?.();
      if (key.tab || (key.shift && key.tab)) {
        if (completion && !key.shift) {
          onChange(value + completion);
          setCursor(value.length + completion.length);
        } else onTab?.(key.shift);
        return;
      }
      if (key.upArrow) return onTab?.(true);
      if (key.downArrow) return onTab?.(false);
      if (key.leftArrow) return setCursor(Math.max(0, at - 1));
      if (key.rightArrow) {
        if (at === value.length && completion) {
          onChange(value + completion);
          setCursor(value.length + completion.length);
        } else setCursor(Math.min(value.length, at + 1));
        return;
      }
      if (key.home || (key.ctrl && input === 'a')) return setCursor(0);
      if (key.end || (key.ctrl && input === 'e')) return setCursor(value.length);
      if (key.ctrl && input === 'u') {
        onChange(value.slice(at));
        return setCursor(0);
      }
      if (key.ctrl && input === 'w') {
        const before = value.slice(0, at).replace(/\S+\s*$/, '');
        onChange(before + value.slice(at));
        return setCursor(before.length);
      }
      if (key.backspace || (key.delete && input === '')) {
        // many terminals send DEL (0x7f) for backspace; Ink reports it as `delete`
        if (at === 0) return;
        onChange(value.slice(0, at - 1) + value.slice(at));
        return setCursor(at - 1);
      }
      if (key.ctrl || key.meta || !input) return;
      // eslint-disable-next-line no-control-regex -- drops control characters from typed or pasted input
      const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
      if (!text) return;
      onChange(value.slice(0, at) + text + value.slice(at));
      setCursor(at + text.length);
    },
    { isActive },
  );
  if (!value && placeholder && !isActive) return <Text dimColor={theme.color}>{placeholder}</Text>;
  // keep the cursor visible in a narrow field
  let start = 0;
  if (width && at >= width - 1) start = at - width + 2;
  const shown = (mask ? maskSecretValue(value) : value).slice(start, width ? start + width - 1 : undefined);
  const rel = at - start;
  const before = shown.slice(0, rel);
  const under = shown[rel] ?? (completion ? completion[0]! : ' ');
  const after = shown.slice(rel + 1);
  const rest = at === value.length && completion ? completion.slice(1) : '';
  return (
    <Text>
      {before}
      {isActive ? <Text inverse>{under}</Text> : under}
      {after}
      {rest ? <Text dimColor={theme.color}>{rest}</Text> : null}
      {!value && placeholder && isActive ? <Text dimColor={theme.color}>{' ' + placeholder}</Text> : null}
    </Text>
  );
}
