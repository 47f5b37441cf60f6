/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ErasureRequestView, IMyDataRightsApi, MyPrivacy, PersonalDataExport } from '../../src/client/dataRightsApi';
import { MyDataAndPrivacy } from '../../src/ui/privacy/MyDataAndPrivacy';

setIconOptions({ disableWarnings: true });

const exported: PersonalDataExport = {
  format: 'atrium-personal-data-export/1',
  generatedAt: '2026-11-25T10:00:00.000Z',
  tenantId: 't',
  learnerId: 'l',
  about: 'Everything Atrium stores about you',
  totalRecords: 3,
  kinds: [
    { kind: 'learners', description: 'Your profile from Entra ID', purpose: 'To know who you are', rows: [{ display_name: 'Ada' }] },
    { kind: 'enrolments', description: 'Courses you are enrolled in', purpose: 'To track your training', rows: [{ id: '1' }, { id: '2' }] },
    { kind: 'certificates', description: 'Certificates', purpose: 'To prove completion', rows: [] },
  ],
};

/** The learner's privacy state in memory behind the port, changed by the calls as the service would. */
function fakeRights(initial: Partial<MyPrivacy> = {}) {
  let privacy: MyPrivacy = {
    notice: { version: 2, text: 'We keep your training records while you work here.', publishedAt: '2026-11-01T09:00:00.000Z' },
    acceptance: null,
    mustAccept: true,
    restricted: false,
    erasureRequest: null,
    ...initial,
  };
  const calls: string[] = [];
  const request = (note: string | null): ErasureRequestView => ({
    id: 'r',
    source: note === null ? 'notice-withdrawn' : 'learner',
    note,
    status: 'pending',
    requestedAt: '2026-11-25T10:00:00.000Z',
    decidedAt: null,
    decisionReason: null,
    purgeJobId: null,
  });
  const api: IMyDataRightsApi = {
    getMyPrivacy: async () => privacy,
    getMyData: async () => exported,
    async acceptPrivacyNotice(version) {
      calls.push(`accept ${version}`);
      privacy = { ...privacy, mustAccept: false, acceptance: { version, acceptedAt: '2026-11-25T10:00:00.000Z' } };
    },
    async withdrawPrivacyNoticeAcceptance() {
      calls.push('withdraw');
      privacy = { ...privacy, acceptance: null, mustAccept: true, erasureRequest: request(null) };
      return request(null);
    },
    async requestErasure(note) {
      calls.push(`forget ${note}`);
      privacy = { ...privacy, erasureRequest: request(note) };
      return request(note);
    },
  };
  return { api, calls };
}

describe('<MyDataAndPrivacy>', () => {
  it('shows what is stored and why, and hands the whole export over for download', async () => {
    const saved: PersonalDataExport[] = [];
    render(<MyDataAndPrivacy api={fakeRights().api} locale="en-GB" saveExport={(data) => saved.push(data)} />);
    expect(await screen.findByText(/Courses you are enrolled in: 2 records/)).toBeTruthy();
    expect(screen.getByText(/Certificates: Nothing yet\./)).toBeTruthy();
    expect(screen.getByText('To track your training')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Download my data/ }));
    expect(saved).toEqual([exported]);
  });

  it('shows the notice until it is accepted, then when it was accepted', async () => {
    const { api, calls } = fakeRights();
    render(<MyDataAndPrivacy api={api} locale="en-GB" />);
    expect(await screen.findByText('We keep your training records while you work here.')).toBeTruthy();
    expect(screen.getByText('You have not accepted this version yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept the privacy notice' }));
    expect(await screen.findByText('You accepted version 2 on 25 Nov 2026.')).toBeTruthy();
    expect(calls).toEqual(['accept 2']);
    expect(screen.queryByRole('button', { name: 'Accept the privacy notice' })).toBeNull();
  });

  it('asks to be forgotten only after a confirmation, with the note, and shows where the request stands', async () => {
    const { api, calls } = fakeRights({ mustAccept: false, acceptance: { version: 2, acceptedAt: '2026-11-02T09:00:00.000Z' } });
    render(<MyDataAndPrivacy api={api} locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ask to be forgotten…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Ask to be forgotten?' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Anything the admin should know (optional)' }), { target: { value: 'I am leaving' } });
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Ask to be forgotten…' }));
    await screen.findByRole('alertdialog');
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Send the request' }));
    expect(await screen.findByText('Your request of 25 Nov 2026 is waiting for a tenant admin.')).toBeTruthy();
    expect(calls).toEqual(['forget I am leaving']);
    expect(screen.queryByRole('button', { name: 'Ask to be forgotten…' })).toBeNull();
  });

  it('withdrawing consent is confirmed first and opens an erasure request', async () => {
    const { api, calls } = fakeRights({ mustAccept: false, acceptance: { version: 2, acceptedAt: '2026-11-02T09:00:00.000Z' } });
    render(<MyDataAndPrivacy api={api} locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw my consent…' }));
    await screen.findByRole('alertdialog', { name: 'Withdraw your consent?' });
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Withdraw and ask to be forgotten' }));
    expect(await screen.findByText(/is waiting for a tenant admin/)).toBeTruthy();
    expect(calls).toEqual(['withdraw']);
  });
});
