import * as React from 'react';
import { ActionButton, Dropdown, MessageBar, MessageBarButton, MessageBarType, mergeStyleSets, SearchBox, Spinner, useTheme } from '@fluentui/react';
import type { ISharePointContentService, SharePointContentItem, SharePointLibrary } from '../../client/sharepoint/sharePointContent';
import { useLoad } from '../common/useLoad';
import { englishSharePointPickerStrings, type SharePointPickerStrings } from './sharePointPickerStrings';

export interface SharePointContentPickerProps {
  service: ISharePointContentService;
  /** The catalog's site (`siteUrl`); null when the catalog is not bound to one. */
  siteUrl: string | null;
  /** Called with the picked document or page; its `url` is what the lesson stores. */
  onPick: (item: SharePointContentItem) => void;
  strings?: SharePointPickerStrings;
  locale?: string;
}

/** Picks a lesson's material from the document libraries and pages of a catalog's SharePoint site. Host-agnostic. */
export function SharePointContentPicker({ service, siteUrl, onPick, strings = englishSharePointPickerStrings, locale }: SharePointContentPickerProps): React.ReactElement {
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    title: { margin: '0 0 8px', fontSize: 16, fontWeight: 600 },
    controls: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', marginBottom: 8 },
    field: { minWidth: 220, flex: '1 1 220px' },
    list: { margin: 0, padding: 0, listStyle: 'none', maxHeight: 360, overflowY: 'auto' },
    item: { display: 'flex', alignItems: 'center', gap: 8, borderBottom: `1px solid ${theme.palette.neutralLight}` },
    meta: { color: theme.palette.neutralSecondary, fontSize: 12 },
  });
  if (!siteUrl) return <MessageBar messageBarType={MessageBarType.info}>{strings.noSite}</MessageBar>;
  return (
    <section className={classes.root} aria-label={strings.title}>
      <h3 className={classes.title}>{strings.title}</h3>
      <LibraryContent service={service} siteUrl={siteUrl} onPick={onPick} strings={strings} locale={locale} classes={classes} />
    </section>
  );
}

interface LibraryContentProps extends Required<Omit<SharePointContentPickerProps, 'siteUrl' | 'locale'>> {
  siteUrl: string;
  locale: string | undefined;
  classes: Record<'controls' | 'field' | 'list' | 'item' | 'meta', string>;
}

function LibraryContent({ service, siteUrl, onPick, strings, locale, classes }: LibraryContentProps): React.ReactElement {
  const libraries = useLoad(() => service.listLibraries(siteUrl), [service, siteUrl]);
  const [libraryId, setLibraryId] = React.useState<string | null>(null);
  if (libraries.load.status === 'loading') return <Spinner label={strings.loadingLibraries} ariaLive="polite" labelPosition="right" />;
  if (libraries.load.status === 'failed') return <Failure strings={strings} onRetry={libraries.reload} />;
  const all = libraries.load.value;
  if (all.length === 0) return <MessageBar messageBarType={MessageBarType.info}>{strings.noLibraries}</MessageBar>;
  const library = all.find((l) => l.id === libraryId) ?? all[0];
  return (
    <LibraryItems
      key={library.id}
      service={service}
      siteUrl={siteUrl}
      library={library}
      libraryPicker={
        <Dropdown
          className={classes.field}
          label={strings.library}
          selectedKey={library.id}
          options={all.map((l) => ({ key: l.id, text: l.title }))}
          onChange={(_event, option) => option && setLibraryId(String(option.key))}
        />
      }
      onPick={onPick}
      strings={strings}
      locale={locale}
      classes={classes}
    />
  );
}

interface LibraryItemsProps extends Omit<LibraryContentProps, 'service'> {
  service: ISharePointContentService;
  library: SharePointLibrary;
  libraryPicker: React.ReactNode;
}

function LibraryItems({ service, siteUrl, library, libraryPicker, onPick, strings, locale, classes }: LibraryItemsProps): React.ReactElement {
  const content = useLoad(() => service.listContent(siteUrl, library), [service, siteUrl, library.id]);
  const [query, setQuery] = React.useState('');
  let body: React.ReactNode;
  if (content.load.status === 'loading') body = <Spinner label={strings.loadingContent} ariaLive="polite" labelPosition="right" />;
  else if (content.load.status === 'failed') body = <Failure strings={strings} onRetry={content.reload} />;
  else {
    const needle = query.trim().toLocaleLowerCase(locale);
    const shown = content.load.value.filter(
      (item) => !needle || item.title.toLocaleLowerCase(locale).includes(needle) || item.fileName.toLocaleLowerCase(locale).includes(needle),
    );
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    body =
      shown.length === 0 ? (
        <p>{content.load.value.length === 0 ? strings.empty : strings.noMatches}</p>
      ) : (
        <ul className={classes.list}>
          {shown.map((item) => (
            <li key={item.url} className={classes.item}>
              <ActionButton iconProps={{ iconName: item.kind === 'page' ? 'Page' : 'Document' }} onClick={() => onPick(item)} ariaLabel={strings.use(item.title)}>
                {item.title}
              </ActionButton>
              <span className={classes.meta}>
                {strings.kinds[item.kind]} · {strings.modified(date.format(new Date(item.modified)))}
              </span>
            </li>
          ))}
        </ul>
      );
  }
  return (
    <>
      <div className={classes.controls}>
        {libraryPicker}
        <SearchBox className={classes.field} placeholder={strings.search} ariaLabel={strings.search} value={query} onChange={(_event, value) => setQuery(value ?? '')} />
      </div>
      {body}
    </>
  );
}

function Failure({ strings, onRetry }: { strings: SharePointPickerStrings; onRetry: () => void }): React.ReactElement {
  return (
    <MessageBar messageBarType={MessageBarType.error} actions={<MessageBarButton onClick={onRetry}>{strings.retry}</MessageBarButton>}>
      {strings.loadFailed}
    </MessageBar>
  );
}
