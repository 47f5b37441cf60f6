/** Errors a use case raises; the HTTP edge maps each kind to its status code. */
export type DomainErrorKind = 'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'unauthenticated' | 'not-onboarded' | 'not-in-directory';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not-found', `${what} was not found`);
export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);
export const conflict = (message: string): DomainError => new DomainError('conflict', message);
export const invalid = (message: string): DomainError => new DomainError('invalid', message);
