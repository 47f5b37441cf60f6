import type { Connection } from 'tedious';

/**
 * tedious reports a failed login as `ConnectionError('<server message>', 'ELOGIN')` without the SQL
 * error number the server sent (e.g. 40613 while a database fails over), but it emits the server's
 * error token first. This remembers the last few (message → number) pairs so a failed connect can be
 * classified as transient by its number, not by matching message texts.
 */
export class LoginErrorNumbers {
  private readonly byMessage = new Map<string, number>();

  constructor(private readonly capacity = 32) {}

  /** For `mssql`'s `beforeConnect` hook: listens to one new tedious connection until it has logged in. */
  readonly watch = (connection: Connection): void => {
    const remember = (token: { message: string; number: number }): void => this.remember(token.message, token.number);
    connection.on('errorMessage', remember);
    connection.once('connect', () => connection.removeListener('errorMessage', remember));
  };

  remember(message: string, number: number): void {
    this.byMessage.delete(message);
    this.byMessage.set(message, number);
    if (this.byMessage.size > this.capacity) {
      const oldest = this.byMessage.keys().next().value;
      if (oldest !== undefined) this.byMessage.delete(oldest);
    }
  }

  readonly lookup = (message: string): number | undefined => this.byMessage.get(message);
}
