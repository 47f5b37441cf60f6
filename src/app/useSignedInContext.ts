import * as React from 'react';
import type { CatalogView, MeView } from '../domain/apiResponses';
import { useLoad, type Load } from '../ui/common/useLoad';
import type { SignedInServices } from './signedInServices';

/** What the page needs to know about the signed-in person before it shows a screen. */
export interface SignedInContext {
  me: MeView;
  managedCatalogs: CatalogView[];
  teamSize: number;
  /** A privacy notice is published and this person has not accepted its current version. */
  mustAcceptNotice: boolean;
}

/**
 * Who the person is (a failure here is the page's failure: not onboarded, session expired, service down), and the
 * facts that only add screens (catalogs managed, direct reports, the privacy notice): those fall back to nothing.
 */
export function useSignedInContext(services: SignedInServices): { load: Load<SignedInContext>; reload: () => void; recheckNotice: () => void } {
  const { load, reload } = useLoad(async (): Promise<SignedInContext> => {
    const me = await services.me.getMe();
    const [catalogs, team, privacy] = await Promise.all([
      services.learning.listCatalogs().catch(() => [] as CatalogView[]),
      services.team.getMyTeam().catch(() => []),
      services.myDataRights.getMyPrivacy().catch(() => null),
    ]);
    return { me, managedCatalogs: catalogs.filter((c) => c.canManage), teamSize: team.length, mustAcceptNotice: privacy ? privacy.mustAccept : false };
  }, [services]);
  const [noticeAccepted, setNoticeAccepted] = React.useState(false);
  const recheckNotice = React.useCallback(() => {
    services.myDataRights.getMyPrivacy().then(
      (privacy) => setNoticeAccepted(!privacy.mustAccept),
      () => undefined,
    );
  }, [services]);
  if (load.status === 'loaded' && noticeAccepted && load.value.mustAcceptNotice) {
    return { load: { status: 'loaded', value: { ...load.value, mustAcceptNotice: false } }, reload, recheckNotice };
  }
  return { load, reload, recheckNotice };
}
