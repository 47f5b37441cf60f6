/**
 * Imported before anything from Fluent UI: by default Fluent registers Segoe UI web fonts and icon fonts from
 * Microsoft's CDN. The page serves its icon font itself (`/fonts/icons/`), so it works offline and its
 * Content-Security-Policy allows fonts from 'self' only; text uses the system's Segoe UI or the next font in
 * Fluent's stack.
 */
export const ICON_FONT_BASE_URL = '/fonts/icons/';

interface FabricWindow {
  FabricConfig?: { fontBaseUrl?: string; iconBaseUrl?: string };
}

const fabricWindow = window as unknown as FabricWindow;
fabricWindow.FabricConfig = { ...fabricWindow.FabricConfig, fontBaseUrl: '', iconBaseUrl: ICON_FONT_BASE_URL };
