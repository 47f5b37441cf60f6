import type { RegionSummary } from '../../client/tenantSetupApi';
import { englishCommonStrings } from '../common/commonStrings';

/**
 * Every text of the organisation set-up wizard and the Organisation page, in English; hosts pass a translation through
 * `SetupStringsProvider` (`setupStringsContext.tsx`). `common` is the shared screens' own group.
 */
export const englishSetupStrings = {
  common: englishCommonStrings,
  wizardTitle: 'Set up Atrium for your organisation',
  wizardIntro:
    'Atrium keeps your organisation’s training records in a database of its own. Choose where that database lives, then Atrium creates it and reads your people from Microsoft Entra ID.',
  steps: ['Region', 'Confirm', 'Database', 'People'],
  stepLabel: (index: number, total: number, name: string): string => `Step ${index} of ${total}: ${name}`,
  loading: 'Loading the data-center regions…',
  organisationName: 'Organisation name',
  organisationNameHint: 'Shown to your people and printed on certificates.',
  organisationNameRequired: 'Enter the name of your organisation.',
  regionLegend: 'Data-center region',
  regionRequired: 'Choose a region.',
  regionOption: (region: RegionSummary): string => `${region.displayName} (${region.geography})`,
  regionDetail: (region: RegionSummary): string => `Data centres in ${region.country}; the jurisdiction is ${region.country}.`,
  residencyTitle: 'What the region means',
  residencyPoints: [
    'Every training record of your organisation is stored in the region you choose, and never leaves it: not in backups, not in processing.',
    'The law of the country the region is in applies to the data.',
    'The choice is permanent for now: moving an organisation to another region is not offered yet.',
  ],
  continue: 'Continue',
  back: 'Back',
  confirmTitle: 'Check and confirm',
  confirmText: (name: string, region: RegionSummary): string =>
    `${name} will keep its training records in ${region.displayName}, ${region.country}. This cannot be changed later.`,
  confirm: (region: RegionSummary): string => `Set up in ${region.displayName}`,
  provisioning: (regionName: string): string => `Creating your organisation’s database in ${regionName}…`,
  provisioningHint: 'This can take a few minutes in the cloud. You can keep this page open; it carries on by itself.',
  provisioned: (regionName: string): string => `Your organisation’s database is ready in ${regionName}.`,
  syncing: 'Reading your people from Microsoft Entra ID…',
  syncProgress: (pages: number, changed: number): string => `${changed} people read so far (${pages} pages).`,
  syncFailed: (reason: string): string => `The directory sync failed: ${reason}`,
  syncRetry: 'Sync again',
  doneTitle: 'Atrium is ready',
  doneText: (people: number, regionName: string): string => `${people} people were read from your directory. Their training records live in ${regionName}.`,
  openTrainingAdmin: 'Open Training admin',
  onboardingFailed: 'Atrium could not set up your organisation.',
  notAdminTitle: 'Your organisation has not set up Atrium yet',
  notAdminText:
    'A tenant admin of your organisation (someone with the Atrium “Tenant.Admin” role) has to choose where its data lives first. Until then there is no training to show. Ask your Microsoft 365 administrator.',
  checkingRole: 'Checking what you can do…',

  organisationTitle: 'Organisation',
  organisationIntro: 'Where your organisation’s data lives, the people Atrium knows, and how web parts connect to Atrium.',
  dataTitle: 'Region and database',
  dataRegion: 'Region',
  dataCountry: 'Jurisdiction',
  dataDatabase: 'Database',
  dataDatabaseValue: (regionName: string): string => `One database of your own, in ${regionName}; nothing leaves it`,
  dataStatus: 'Status',
  dataSince: 'Set up on',
  statuses: { provisioning: 'Being created', active: 'Active', offboarding: 'Being removed' } as Record<string, string>,
  syncTitle: 'Directory sync',
  syncIntro: 'People, departments, offices and managers come from Microsoft Entra ID; Atrium syncs every 30 minutes, and when you ask.',
  syncLast: 'Last sync',
  syncLastFull: 'Last full sync',
  syncNever: 'Never',
  syncLastResult: (changed: number, inserted: number, departed: number, assigned: number): string =>
    `${changed} people changed, ${inserted} new, ${departed} left; rules assigned ${assigned} courses.`,
  syncNow: 'Sync now',
  syncRunning: 'Syncing…',
  syncDone: 'The directory sync finished.',
  syncLastError: (reason: string): string => `The last sync failed: ${reason}`,
  managersTitle: 'Catalogs and their managers',
  managersIntro:
    'Training managers have the “Catalog.Manage” app role in Entra ID, or are appointed to a catalog in Training admin. Tenant admins manage every catalog.',
  noManagers: 'no managers appointed (tenant admins manage it)',
  noCatalogs: 'No catalogs yet. Create the first one in Training admin.',
  openInTrainingAdmin: 'Appoint or remove managers in Training admin',
  connectionTitle: 'Connect the web parts',
  connectionIntro: 'Paste these into the property pane of an Atrium web part (or set them once as tenant properties AtriumLmsApiBaseUrl and AtriumLmsApiResource).',
  connectionAddress: 'API address',
  connectionAudience: 'API audience (resource)',
  connectionUnknown: 'Not known to this page',
  loadingOrganisation: 'Loading your organisation…',

  // --- Training admin's switch to the Organisation page (tenant admins, in the web part)
  openOrganisation: 'Organisation',
  backToTrainingAdmin: 'Back to Training admin',
};

export type SetupStrings = typeof englishSetupStrings;
