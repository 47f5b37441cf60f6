import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField } from '@fluentui/react';
import type { CatalogView, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { catalogBodySchema } from '../../domain/api';
import { errorText } from '../common/errorText';
import { adminStrings as s } from './adminStrings';

export interface CatalogFormProps {
  api: ITrainingAdminApi;
  onCreated: (catalog: CatalogView) => void;
  onCancel: () => void;
}

/** A new catalog: name, description and the SharePoint site that shows it. */
export function CatalogForm({ api, onCreated, onCancel }: CatalogFormProps): React.ReactElement {
  const [name, setName] = React.useState('');
  const [description, setDescription] = React.useState('');
  const [siteUrl, setSiteUrl] = React.useState('');
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  const submit = (): void => {
    const parsed = catalogBodySchema.safeParse({ name, description, siteUrl: siteUrl.trim() || null });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path[0] === 'siteUrl' ? s.catalogSiteUrl : issue.path[0] === 'name' ? s.catalogName : s.catalogDescription;
      return setProblem(`${field}: ${issue.code === 'too_small' ? 'must not be empty' : issue.message}`);
    }
    setProblem(null);
    setBusy(true);
    api.createCatalog(parsed.data).then(onCreated, (error: unknown) => {
      setBusy(false);
      setProblem(errorText(error, s.saveFailed));
    });
  };
  return (
    <section aria-labelledby="catalog-form-title">
      <h3 id="catalog-form-title" ref={headingRef} tabIndex={-1} style={{ margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' }}>
        {s.catalogFormTitle}
      </h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={s.catalogName} required={true} value={name} onChange={(_e, v) => setName(v ?? '')} />
        <TextField label={s.catalogDescription} multiline={true} value={description} onChange={(_e, v) => setDescription(v ?? '')} />
        <TextField label={s.catalogSiteUrl} description={s.catalogSiteUrlHint} type="url" value={siteUrl} onChange={(_e, v) => setSiteUrl(v ?? '')} />
        {problem && <MessageBar messageBarType={MessageBarType.error}>{problem}</MessageBar>}
        <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={s.createCatalog} disabled={busy} onClick={submit} />
          <DefaultButton text={s.cancel} disabled={busy} onClick={onCancel} />
        </Stack>
      </Stack>
    </section>
  );
}
