/** A bug in a view shows one status line and keeps q / ctrl-c working — never a stack trace. */
import React from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../ui/keys.js';

function Crashed({ message, onQuit }: { message: string; onQuit(): void }) {
  useKeys((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c') || key.escape) onQuit();
  });
  return (
    <Box flexDirection="column">
      <Text bold>fsconf</Text>
      <Text>{`internal error in the terminal UI: ${message.split('\n')[0]}`}</Text>
      <Text>{'press q to quit; `fsconf lint <dir>` still works. Please report this with the steps that led here.'}</Text>
    </Box>
  );
}

export class ErrorBoundary extends React.Component<{ children: React.ReactNode; onQuit(): void }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.error !== undefined) return <Crashed message={this.state.error} onQuit={this.props.onQuit} />;
    return this.props.children;
  }
}
