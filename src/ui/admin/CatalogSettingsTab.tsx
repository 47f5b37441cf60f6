import * as React from 'react';
import { DefaultButton, IconButton, MessageBar, MessageBarType, PrimaryButton, TextField, mergeStyleSets } from '@fluentui/react';
import type { AudienceGroup, CatalogView, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { adminStrings as s } from './adminStrings';
import { PeoplePicker } from './PeoplePicker';

export interface CatalogSettingsTabProps {
  api: ITrainingAdminApi;
  catalog: CatalogView;
  /** Appointing managers is for tenant admins (`POST .../managers`). */
  isTenantAdmin: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const classes = mergeStyleSets({
  part: { margin: '16px 0 0' },
  partTitle: { margin: '0 0 8px', fontSize: 16, fontWeight: 600 },
  row: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' },
});

/** The catalog's description and site, its audience of Entra ID groups, and its managers. */
export function CatalogSettingsTab({ api, catalog, isTenantAdmin }: CatalogSettingsTabProps): React.ReactElement {
  return (
    <div>
      {catalog.description && <p>{catalog.description}</p>}
      <p>{s.siteUrl(catalog.siteUrl)}</p>
      <AudienceEditor api={api} catalogId={catalog.id} />
      {isTenantAdmin && <ManagersEditor api={api} catalogId={catalog.id} />}
    </div>
  );
}

function AudienceEditor({ api, catalogId }: { api: ITrainingAdminApi; catalogId: string }): React.ReactElement {
  const { load, reload } = useLoad(() => api.getAudience(catalogId), [api, catalogId]);
  const [groups, setGroups] = React.useState<AudienceGroup[] | null>(null);
  const [groupId, setGroupId] = React.useState('');
  const [groupName, setGroupName] = React.useState('');
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = React.useState(false);
  if (load.status === 'loading') return <LoadingShimmer label={s.settingsAudience} rows={1} />;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} />;
  const current = groups ?? load.value;
  const add = (): void => {
    const id = groupId.trim();
    if (!GUID.test(id)) return setMessage({ ok: false, text: s.groupIdInvalid });
    setMessage(null);
    setGroups([...current.filter((g) => g.id.toLowerCase() !== id.toLowerCase()), { id, displayName: groupName.trim() || null }]);
    setGroupId('');
    setGroupName('');
  };
  const save = (): void => {
    setBusy(true);
    api.setAudience(catalogId, current.map((g) => (g.displayName ? { id: g.id, displayName: g.displayName } : { id: g.id }))).then(
      (saved) => {
        setBusy(false);
        setGroups(saved);
        setMessage({ ok: true, text: s.audienceSaved });
      },
      (error: unknown) => {
        setBusy(false);
        setMessage({ ok: false, text: errorText(error, s.saveFailed) });
      },
    );
  };
  return (
    <section className={classes.part} aria-labelledby="settings-audience">
      <h4 id="settings-audience" className={classes.partTitle}>
        {s.settingsAudience}
      </h4>
      <p>{s.audienceIntro}</p>
      {current.length === 0 ? (
        <p>{s.audienceEveryone}</p>
      ) : (
        <ul aria-label={s.settingsAudience}>
          {current.map((g) => (
            <li key={g.id}>
              {g.displayName ? `${g.displayName} (${g.id})` : g.id}
              <IconButton iconProps={{ iconName: 'Delete' }} title={s.remove(g.displayName ?? g.id)} ariaLabel={s.remove(g.displayName ?? g.id)} onClick={() => setGroups(current.filter((x) => x.id !== g.id))} />
            </li>
          ))}
        </ul>
      )}
      <div className={classes.row}>
        <TextField label={s.groupId} value={groupId} onChange={(_e, v) => setGroupId(v ?? '')} styles={{ root: { width: 320 } }} />
        <TextField label={s.groupName} value={groupName} onChange={(_e, v) => setGroupName(v ?? '')} styles={{ root: { width: 220 } }} />
        <DefaultButton text={s.addGroup} onClick={add} />
      </div>
      <div role="status">{message && <MessageBar messageBarType={message.ok ? MessageBarType.success : MessageBarType.error}>{message.text}</MessageBar>}</div>
      <PrimaryButton text={s.saveAudience} disabled={busy} onClick={save} styles={{ root: { marginTop: 8 } }} />
    </section>
  );
}

function ManagersEditor({ api, catalogId }: { api: ITrainingAdminApi; catalogId: string }): React.ReactElement {
  const [id, setId] = React.useState('');
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);
  const appoint = (learnerId: string, name: string): void => {
    setMessage(null);
    api.addCatalogManager(catalogId, learnerId).then(
      () => setMessage({ ok: true, text: s.appointed(name) }),
      (error: unknown) => setMessage({ ok: false, text: errorText(error, s.saveFailed) }),
    );
  };
  return (
    <section className={classes.part} aria-labelledby="settings-managers">
      <h4 id="settings-managers" className={classes.partTitle}>
        {s.settingsManagers}
      </h4>
      <p>{s.managersIntro}</p>
      <p>{s.managersGap}</p>
      <PeoplePicker api={api} catalogId={catalogId} actionLabel={s.appoint} onPick={(person) => appoint(person.id, person.displayName ?? person.id)} />
      <div className={classes.row} style={{ marginTop: 8 }}>
        <TextField label={s.appointById} value={id} onChange={(_e, v) => setId(v ?? '')} styles={{ root: { width: 320 } }} />
        <DefaultButton
          text={s.appointButton}
          ariaLabel={s.appointById}
          onClick={() => (GUID.test(id.trim()) ? appoint(id.trim(), id.trim()) : setMessage({ ok: false, text: s.groupIdInvalid }))}
        />
      </div>
      <div role="status">{message && <MessageBar messageBarType={message.ok ? MessageBarType.success : MessageBarType.error}>{message.text}</MessageBar>}</div>
    </section>
  );
}
