import * as React from 'react';

/**
 * Moves the focus to the element with the given id as soon as a render has put it on the screen. For keyboard users:
 * when the control just pressed goes away or changes place (a part added or removed, a form closed, a save done),
 * the browser would otherwise drop the focus on the page itself and they would start again from the top. The id is
 * kept until the element is there (state set from a promise renders once per setter in React 17); a later call
 * replaces it.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = React.useRef<string | null>(null);
  React.useEffect(() => {
    const element = pending.current === null ? null : document.getElementById(pending.current);
    if (!element) return;
    pending.current = null;
    element.focus();
  });
  return React.useCallback((id: string) => {
    pending.current = id;
  }, []);
}
