// First: tells Fluent UI where its fonts are before any Fluent module loads.
import { ICON_FONT_BASE_URL } from './selfHostedFonts';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { initializeIcons, mergeStyles, MessageBar, MessageBarType } from '@fluentui/react';
import { appStrings } from './appStrings';
import { readPageConfig } from './pageConfig';
import { PageTheme } from './PageTheme';
import { DevStandalonePage, EntraStandalonePage } from './StandalonePage';

/**
 * The standalone page: the Teams tab outside SharePoint, and the local demo. The service serves it at `/`
 * with its configuration in `window.__ATRIUM_CONFIG__`.
 */
function renderPage(root: HTMLElement): void {
  initializeIcons(ICON_FONT_BASE_URL);
  mergeStyles({ ':global(body)': { margin: 0 } });
  const locale = navigator.language;
  let page: React.ReactElement;
  try {
    const config = readPageConfig(window.__ATRIUM_CONFIG__);
    page = config.mode === 'dev' ? <DevStandalonePage config={config} locale={locale} /> : <EntraStandalonePage config={config} locale={locale} />;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    page = <MessageBar messageBarType={MessageBarType.error}>{appStrings.startFailed(reason)}</MessageBar>;
  }
  // The browser's light or dark preference, followed as it changes.
  ReactDom.render(<PageTheme>{page}</PageTheme>, root);
  window.addEventListener('pagehide', () => {
    ReactDom.unmountComponentAtNode(root);
  });
}

const pageRoot = document.getElementById('atrium-root');
if (pageRoot) renderPage(pageRoot);
