import { fork, type ChildProcess } from 'node:child_process';

/**
 * Commands between the directory-sync benchmark and its two child processes (the Graph stand-in and the
 * sync service), over Node's IPC channel: no extra port, nothing reachable from outside the machine.
 */
interface CommandMessage {
  id: number;
  command: string;
  argument?: unknown;
}

type ChildMessage = { ready: unknown } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export type CommandHandlers = Record<string, (argument: never) => unknown>;

/** In a child: tells the parent it is ready (with what the parent needs to know), then answers its commands. */
export function answerCommands(ready: unknown, handlers: CommandHandlers): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('This script takes commands from the directory-sync benchmark: start it with child_process.fork.');
  process.on('message', (message: CommandMessage) => {
    const handler = handlers[message.command] as ((argument: unknown) => unknown) | undefined;
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command '${message.command}'`);
        return handler(message.argument);
      })
      .then(
        (value) => send({ id: message.id, ok: true, value }),
        (error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  // The benchmark went away (finished or crashed): nothing here outlives it.
  process.on('disconnect', () => process.exit(0));
  send({ ready });
}

/** A child process started with `node --import tsx script.ts`, driven by commands. */
export class CommandedChild<Ready> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private exited: Error | null = null;

  private constructor(
    readonly process: ChildProcess,
    readonly ready: Ready,
  ) {}

  static async start<Ready>(script: string, args: string[], options: { cwd: string; nodeOptions?: string[]; timeoutMs?: number }): Promise<CommandedChild<Ready>> {
    const child = fork(script, args, {
      cwd: options.cwd,
      execArgv: ['--import', 'tsx', ...(options.nodeOptions ?? [])],
      // The children's own output (the stand-in prints its URL) goes to our stderr: stdout carries the results.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    const ready = await new Promise<Ready>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`${script} was not ready within ${options.timeoutMs ?? 120_000} ms`));
      }, options.timeoutMs ?? 120_000);
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited before it was ready (code ${code}, signal ${signal})`));
      };
      const onMessage = (message: ChildMessage) => {
        if (!('ready' in message)) return;
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message.ready as Ready);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
    const commanded = new CommandedChild<Ready>(child, ready);
    child.on('message', (message: ChildMessage) => commanded.settle(message));
    child.once('exit', (code, signal) => {
      commanded.exited = new Error(`${script} exited (code ${code}, signal ${signal})`);
      for (const { reject } of commanded.pending.values()) reject(commanded.exited);
      commanded.pending.clear();
    });
    return commanded;
  }

  get pid(): number {
    return this.process.pid!;
  }

  call<T>(command: string, argument?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.process.send({ id, command, argument } satisfies CommandMessage);
    });
  }

  /** Closes the IPC channel (the child exits on it) and waits for the exit; kills it if it lingers. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    if (this.process.connected) this.process.disconnect();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private settle(message: ChildMessage): void {
    if ('ready' in message) return;
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new Error(message.error));
  }
}
