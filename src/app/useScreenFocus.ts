import * as React from 'react';

/** How long to wait for a screen that renders its heading only once loaded (e.g. My data & privacy). */
const HEADING_WAIT_MS = 5000;

/**
 * On every change of screen after the first (the page's own first focus is the caller's), moves focus to the new
 * screen's heading, so keyboard and screen reader users start at the top of what changed. A screen whose heading
 * comes later gets the main landmark's focus at once, and the heading's when it appears.
 */
export function useScreenFocus(mainRef: React.RefObject<HTMLElement>, screenKey: string): void {
  const first = React.useRef(true);
  React.useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const main = mainRef.current;
    if (!main) return undefined;
    const focusHeading = (): boolean => {
      const heading = main.querySelector<HTMLElement>('h2');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focusHeading()) return undefined;
    main.focus();
    const observer = new MutationObserver(() => {
      // Only while the person has not moved on from where the navigation put them.
      if (document.activeElement !== main) observer.disconnect();
      else if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [mainRef, screenKey]);
}
