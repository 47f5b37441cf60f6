import * as React from 'react';

/** The directory search answers two characters or more (`directorySearchQuerySchema`). */
export const MIN_SEARCH_LENGTH = 2;

export type DirectorySearch<T> =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'found'; items: T[] }
  | { status: 'failed'; error: unknown };

/**
 * Searches as the person types: waits `debounceMs` after the last keystroke, and only the answer to the latest text
 * is kept, so a slow answer to an earlier text never replaces a newer one. Text shorter than two characters (after
 * trimming) searches nothing.
 */
export function useDirectorySearch<T>(text: string, search: (text: string) => Promise<T[]>, debounceMs = 300): DirectorySearch<T> {
  const [state, setState] = React.useState<DirectorySearch<T>>({ status: 'idle' });
  // The search function may be a new closure at each render; the text alone decides when to search.
  const searchRef = React.useRef(search);
  searchRef.current = search;
  const query = text.trim();
  React.useEffect(() => {
    if (query.length < MIN_SEARCH_LENGTH) {
      setState({ status: 'idle' });
      return undefined;
    }
    let latest = true;
    setState({ status: 'searching' });
    const timer = setTimeout(() => {
      searchRef.current(query).then(
        (items) => {
          if (latest) setState({ status: 'found', items });
        },
        (error: unknown) => {
          if (latest) setState({ status: 'failed', error });
        },
      );
    }, debounceMs);
    return () => {
      latest = false;
      clearTimeout(timer);
    };
  }, [query, debounceMs]);
  return state;
}
