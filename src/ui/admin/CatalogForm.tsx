import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField } from '@fluentui/react';
import type { ZodIssue } from 'zod';
import type { CatalogView, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { catalogBodySchema } from '../../domain/api';
import { errorText } from '../common/errorText';
import type { AdminStrings } from './adminStrings';
import { useAdminStrings } from './adminStringsContext';

export interface CatalogFormProps {
  api: Pick<ITrainingAdminApi, 'createCatalog' | 'updateCatalog'>;
  /** The catalog to edit; without it, the form creates a new one. */
  catalog?: CatalogView;
  onSaved: (catalog: CatalogView) => void;
  onCancel: () => void;
}

type Field = 'name' | 'description' | 'siteUrl';
type FieldErrors = Partial<Record<Field, string>>;

function fieldErrors(issues: ZodIssue[], s: AdminStrings): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0] as Field;
    if (errors[field]) continue;
    if (field === 'siteUrl') errors.siteUrl = s.siteUrlInvalid;
    else if (issue.code === 'too_small') errors[field] = s.fieldRequired;
    else if (issue.code === 'too_big') errors[field] = s.fieldTooLong(Number(issue.maximum));
    else errors[field] = issue.message;
  }
  return errors;
}

/** A catalog's name, description and the SharePoint site that shows it: a new catalog, or changes to one. */
export function CatalogForm({ api, catalog, onSaved, onCancel }: CatalogFormProps): React.ReactElement {
  const s = useAdminStrings();
  const [name, setName] = React.useState(catalog?.name ?? '');
  const [description, setDescription] = React.useState(catalog?.description ?? '');
  const [siteUrl, setSiteUrl] = React.useState(catalog?.siteUrl ?? '');
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  const submit = (): void => {
    const parsed = catalogBodySchema.safeParse({ name, description, siteUrl: siteUrl.trim() || null });
    setProblem(null);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues, s));
    setErrors({});
    setBusy(true);
    const saving = catalog ? api.updateCatalog(catalog.id, parsed.data) : api.createCatalog(parsed.data);
    saving.then(onSaved, (error: unknown) => {
      setBusy(false);
      setProblem(errorText(error, s.saveFailed));
    });
  };
  return (
    <section aria-labelledby="catalog-form-title">
      <h3 id="catalog-form-title" ref={headingRef} tabIndex={-1} style={{ margin: '16px 0 8px', fontSize: 18, fontWeight: 600, outline: 'none' }}>
        {catalog ? s.catalogEditTitle(catalog.name) : s.catalogFormTitle}
      </h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={s.catalogName} required={true} value={name} errorMessage={errors.name} onChange={(_e, v) => setName(v ?? '')} />
        <TextField label={s.catalogDescription} multiline={true} value={description} errorMessage={errors.description} onChange={(_e, v) => setDescription(v ?? '')} />
        <TextField
          label={s.catalogSiteUrl}
          description={errors.siteUrl ? undefined : s.catalogSiteUrlHint}
          type="url"
          value={siteUrl}
          errorMessage={errors.siteUrl}
          onChange={(_e, v) => setSiteUrl(v ?? '')}
        />
        {problem && <MessageBar messageBarType={MessageBarType.error}>{problem}</MessageBar>}
        <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={catalog ? s.saveCatalog : s.createCatalog} disabled={busy} onClick={submit} />
          <DefaultButton text={s.cancel} disabled={busy} onClick={onCancel} />
        </Stack>
      </Stack>
    </section>
  );
}
