/**
 * A real terminal for end-to-end tests: tmux on a private socket, driven with send-keys and read
 * with capture-pane. tmux must be installed (.ci/run installs it): a missing tmux is an error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export function requireTmux(): string {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error('tmux is required for the terminal UI end-to-end tests (apt-get install tmux; .ci/run installs it) — not found on PATH');
  return r.stdout.trim();
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export class Tmux {
  private readonly socket: string;
  constructor(
    name: string,
    private readonly exitFile: string,
  ) {
    this.socket = `fsconf-${name}-${process.pid}`;
  }

  private tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** Starts `argv` (with `env`) in an 80×24 pane; its exit status goes to the exit file. */
  start(argv: string[], env: Record<string, string>, size = { x: 80, y: 24 }): void {
    const envs = Object.entries(env).map(([k, v]) => `${k}=${shQuote(v)}`);
    const cmd = `env ${envs.join(' ')} ${argv.map(shQuote).join(' ')}; echo $? > ${shQuote(this.exitFile)}; sleep 60`;
    this.tmux(['new-session', '-d', '-s', 'main', '-x', String(size.x), '-y', String(size.y), 'sh', '-c', cmd]);
  }

  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  /** Literal text (no key-name lookup). */
  text(s: string): void {
    this.tmux(['send-keys', '-t', 'main', '-l', s]);
  }

  capture(): string {
    return this.tmux(['capture-pane', '-p', '-t', 'main']);
  }

  /** The screen with its SGR attributes (colours, bold, inverse) as escape sequences. */
  captureWithAttributes(): string {
    return this.tmux(['capture-pane', '-p', '-e', '-t', 'main']);
  }

  resize(x: number, y: number): void {
    this.tmux(['resize-window', '-t', 'main', '-x', String(x), '-y', String(y)]);
  }

  async waitFor(pred: (screen: string) => boolean, what: string, ms = 20000): Promise<string> {
    const end = Date.now() + ms;
    let screen = '';
    while (Date.now() < end) {
      screen = this.capture();
      if (pred(screen)) return screen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out after ${ms} ms waiting for ${what}; screen:\n${screen}`);
  }

  async exitCode(ms = 10000): Promise<number> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (existsSync(this.exitFile)) {
        const t = readFileSync(this.exitFile, 'utf8').trim();
        if (t) return Number(t);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the program did not exit within ${ms} ms; screen:\n${this.capture()}`);
  }

  kill(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
  }
}
