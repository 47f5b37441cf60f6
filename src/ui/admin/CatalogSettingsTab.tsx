import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CatalogManager, CatalogView, DirectoryGroup, DirectoryPerson, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { catalogAudienceBodySchema } from '../../domain/api';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useFocusAfterRender } from '../common/useFocusAfterRender';
import { useLoad } from '../common/useLoad';
import { Outcome, type OutcomeMessage } from '../common/Outcome';
import { useAdminStrings } from './adminStringsContext';
import { CatalogForm } from './CatalogForm';
import { GroupPicker } from './GroupPicker';
import { PeoplePicker, personName } from './PeoplePicker';

export interface CatalogSettingsTabProps {
  api: ITrainingAdminApi;
  catalog: CatalogView;
  /** Appointing and removing managers is for tenant admins (`POST/DELETE .../managers`); catalog managers see the list. */
  isTenantAdmin: boolean;
  /** The catalog as saved, so that the catalog picker shows its new name. */
  onCatalogSaved?: (catalog: CatalogView) => void;
  /** The pickers' wait after the last keystroke (tests shorten it). */
  searchDebounceMs?: number;
}


const classes = mergeStyleSets({
  part: { margin: '16px 0 0' },
  partTitle: { margin: '0 0 8px', fontSize: 16, fontWeight: 600 },
  row: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' },
  facts: { margin: '0 0 8px' },
  term: { fontWeight: 600 },
  value: { margin: '0 0 4px' },
});


/** The catalog's name, description and site, its audience of Entra ID groups, and its managers. */
export function CatalogSettingsTab({ api, catalog, isTenantAdmin, onCatalogSaved, searchDebounceMs }: CatalogSettingsTabProps): React.ReactElement {
  return (
    <div>
      <DetailsEditor api={api} catalog={catalog} onCatalogSaved={onCatalogSaved} />
      <AudienceEditor api={api} catalogId={catalog.id} debounceMs={searchDebounceMs} />
      <ManagersEditor api={api} catalogId={catalog.id} isTenantAdmin={isTenantAdmin} debounceMs={searchDebounceMs} />
    </div>
  );
}

function DetailsEditor({ api, catalog, onCatalogSaved }: { api: ITrainingAdminApi; catalog: CatalogView; onCatalogSaved?: (catalog: CatalogView) => void }): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const [editing, setEditing] = React.useState(false);
  // Shown at once, whether or not the host passes the saved catalog back down.
  const [saved, setSaved] = React.useState<CatalogView | null>(null);
  const [message, setMessage] = React.useState<OutcomeMessage>(null);
  const [ids] = React.useState(() => ({ edit: getId('catalog-edit-'), outcome: getId('catalog-saved-') }));
  const focusAfterRender = useFocusAfterRender();
  const shown = saved && saved.id === catalog.id ? saved : catalog;
  return (
    <div>
      {editing ? (
        <CatalogForm
          api={api}
          catalog={shown}
          onSaved={(updated) => {
            setSaved(updated);
            setMessage({ ok: true, text: s.catalogSaved(updated.name) });
            onCatalogSaved?.(updated);
            focusAfterRender(ids.outcome);
            setEditing(false);
          }}
          onCancel={() => {
            focusAfterRender(ids.edit);
            setEditing(false);
          }}
        />
      ) : (
        <section className={classes.part} aria-labelledby="settings-details">
          <h3 id="settings-details" className={classes.partTitle}>
            {s.settingsDetails}
          </h3>
          <dl className={classes.facts}>
            <dt className={classes.term}>{s.catalogName}</dt>
            <dd className={classes.value}>{shown.name}</dd>
            <dt className={classes.term}>{s.catalogDescription}</dt>
            <dd className={classes.value} style={shown.description ? undefined : { color: theme.palette.neutralSecondary }}>
              {shown.description || s.catalogNoDescription}
            </dd>
          </dl>
          <p>{s.siteUrl(shown.siteUrl)}</p>
          <DefaultButton
            id={ids.edit}
            iconProps={{ iconName: 'Edit' }}
            text={s.editDetails}
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          />
        </section>
      )}
      {/* Outside the switch, so the live region is there before the message comes. */}
      <Outcome message={message} id={ids.outcome} />
    </div>
  );
}

const audienceOf = (groups: DirectoryGroup[]): Array<{ id: string; displayName?: string }> =>
  groups.map((g) => (g.displayName ? { id: g.id, displayName: g.displayName } : { id: g.id }));

function AudienceEditor({ api, catalogId, debounceMs }: { api: ITrainingAdminApi; catalogId: string; debounceMs?: number }): React.ReactElement {
  const s = useAdminStrings();
  const { load, reload } = useLoad(() => api.getAudience(catalogId), [api, catalogId]);
  const [groups, setGroups] = React.useState<DirectoryGroup[] | null>(null);
  const [message, setMessage] = React.useState<OutcomeMessage>(null);
  const [busy, setBusy] = React.useState(false);
  if (load.status === 'loading') return <LoadingShimmer label={s.settingsAudience} rows={1} />;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} strings={s.common} />;
  const current = groups ?? load.value.map((g) => ({ ...g, description: null }));
  const save = (): void => {
    const parsed = catalogAudienceBodySchema.safeParse({ groups: audienceOf(current) });
    if (!parsed.success) return setMessage({ ok: false, text: s.audienceInvalid });
    setBusy(true);
    setMessage(null);
    api.setAudience(catalogId, parsed.data.groups).then(
      (answer) => {
        setBusy(false);
        setGroups(answer.map((g) => ({ ...g, description: current.filter((c) => c.id === g.id)[0]?.description ?? null })));
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
      <h3 id="settings-audience" className={classes.partTitle}>
        {s.settingsAudience}
      </h3>
      <p>{s.audienceIntro}</p>
      {current.length === 0 && <p>{s.audienceEveryone}</p>}
      <GroupPicker
        api={api}
        selected={current}
        onChange={(next) => {
          setGroups(next);
          setMessage(null);
        }}
        chosenLabel={s.audienceGroups}
        disabled={busy}
        debounceMs={debounceMs}
      />
      <Outcome message={message} />
      <PrimaryButton text={s.saveAudience} disabled={busy} onClick={save} styles={{ root: { marginTop: 8 } }} />
    </section>
  );
}

interface ManagersEditorProps {
  api: ITrainingAdminApi;
  catalogId: string;
  isTenantAdmin: boolean;
  debounceMs?: number;
}

function ManagersEditor({ api, catalogId, isTenantAdmin, debounceMs }: ManagersEditorProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const { load, reload } = useLoad(() => api.listCatalogManagers(catalogId), [api, catalogId]);
  const [candidate, setCandidate] = React.useState<DirectoryPerson[]>([]);
  const [removing, setRemoving] = React.useState<CatalogManager | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<OutcomeMessage>(null);
  const [outcomeId] = React.useState(() => getId('managers-outcome-'));
  // The dialog gives the focus back to the button that opened it a moment after it has gone (a timer it sets as it
  // unmounts), and that button goes with the manager removed: the focus goes to the outcome after that.
  const focusOutcomeAfterDialog = React.useRef(false);
  React.useEffect(() => {
    if (!focusOutcomeAfterDialog.current || removing) return;
    focusOutcomeAfterDialog.current = false;
    setTimeout(() => document.getElementById(outcomeId)?.focus(), 0);
  });
  const managerName = (m: CatalogManager): string => m.displayName ?? m.mail ?? m.id;

  const appoint = (): void => {
    const person = candidate[0];
    if (!person) return setMessage({ ok: false, text: s.appointNoOne });
    setBusy(true);
    setMessage(null);
    api.addCatalogManager(catalogId, person.id).then(
      () => {
        setBusy(false);
        setCandidate([]);
        setMessage({ ok: true, text: s.appointed(personName(person, s)) });
        reload();
      },
      (error: unknown) => {
        setBusy(false);
        setMessage({ ok: false, text: errorText(error, s.saveFailed) });
      },
    );
  };
  const remove = (manager: CatalogManager): void => {
    const done = (outcome: OutcomeMessage): void => {
      focusOutcomeAfterDialog.current = true;
      setMessage(outcome);
      setBusy(false);
      setRemoving(null);
    };
    setBusy(true);
    api.removeCatalogManager(catalogId, manager.id).then(
      () => {
        done({ ok: true, text: s.managerRemoved(managerName(manager)) });
        reload();
      },
      (error: unknown) => done({ ok: false, text: errorText(error, s.saveFailed) }),
    );
  };

  let list: React.ReactNode;
  if (load.status === 'loading') list = <LoadingShimmer label={s.managersLoading} rows={1} />;
  else if (load.status === 'failed') list = <LoadFailure error={load.error} onRetry={reload} strings={s.common} />;
  else if (load.value.length === 0) list = <p>{s.noManagers}</p>;
  else {
    list = (
      <ul aria-label={s.managersList} style={{ listStyle: 'none', margin: '8px 0', padding: 0 }}>
        {load.value.map((manager) => (
          <li key={manager.id} style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '4px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` }}>
            <span style={{ flexGrow: 1 }}>
              <strong>{managerName(manager)}</strong>
              {[manager.displayName ? manager.mail : null, manager.department].filter(Boolean).map((fact) => ` · ${fact}`)}
            </span>
            {isTenantAdmin && <DefaultButton text={s.removeManagerButton} ariaLabel={s.removeManager(managerName(manager))} disabled={busy} onClick={() => setRemoving(manager)} />}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className={classes.part} aria-labelledby="settings-managers">
      <h3 id="settings-managers" className={classes.partTitle}>
        {s.settingsManagers}
      </h3>
      <p>{s.managersIntro}</p>
      {list}
      {isTenantAdmin ? (
        <div className={classes.row}>
          <PeoplePicker api={api} label={s.findManager} single={true} selected={candidate} onChange={setCandidate} disabled={busy} debounceMs={debounceMs} />
          <PrimaryButton text={s.appointButton} disabled={busy} onClick={appoint} styles={{ root: { marginTop: 29 } }} />
        </div>
      ) : (
        <MessageBar messageBarType={MessageBarType.info}>{s.managersAdminOnly}</MessageBar>
      )}
      <Outcome message={message} id={outcomeId} />
      {removing && (
        <ConfirmDialog
          title={s.removeManagerTitle(managerName(removing))}
          text={s.removeManagerText}
          confirm={s.removeManagerConfirm}
          cancel={s.cancel}
          busy={busy}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
