// The "Bulletin Checker" output channel. Repeated messages are written once, so a broken rule or
// glossary never floods the log on every keystroke.
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Bulletin Checker');
  private readonly seen = new Set<string>();
  /** The most recent lines, kept so tests and "Show Log" callers can read what was said. */
  readonly recent: string[] = [];

  info(message: string): void {
    this.channel.appendLine(`[${new Date().toISOString()}] ${message}`);
    this.recent.push(message);
    if (this.recent.length > 200) this.recent.shift();
  }

  /** Writes the message unless the same key was written before; returns whether it was new. */
  once(key: string, message: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.info(message);
    return true;
  }

  forget(keyPrefix: string): void {
    for (const key of [...this.seen]) if (key.startsWith(keyPrefix)) this.seen.delete(key);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
