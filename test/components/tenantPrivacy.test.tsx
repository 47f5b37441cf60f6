/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AuditPage, ITenantPrivacyApi, RetentionPolicy, RetentionPreview, TenantErasureRequest } from '../../src/client/tenantPrivacyApi';
import { AuditTrail } from '../../src/ui/privacy/admin/AuditTrail';
import { ErasureRequests } from '../../src/ui/privacy/admin/ErasureRequests';
import { parseDays, RetentionPolicyEditor } from '../../src/ui/privacy/admin/RetentionPolicyEditor';

setIconOptions({ disableWarnings: true });

const pending = (id: string, displayName: string): TenantErasureRequest => ({
  id,
  learnerId: `${id}-learner`,
  displayName,
  mail: `${displayName.split(' ')[0].toLowerCase()}@contoso.com`,
  source: 'learner',
  note: null,
  status: 'pending',
  requestedAt: '2026-11-20T10:00:00.000Z',
  decidedAt: null,
  decisionReason: null,
  purgeJobId: null,
});

const notCalled = async (): Promise<never> => {
  throw new Error('not expected in this test');
};

function fakeAdmin(overrides: Partial<ITenantPrivacyApi>): { api: ITenantPrivacyApi } {
  const api: ITenantPrivacyApi = {
    listErasureRequests: notCalled,
    decideErasureRequest: notCalled,
    getRetentionPolicy: notCalled,
    saveRetentionPolicy: notCalled,
    previewRetention: notCalled,
    runRetention: notCalled,
    listAudit: notCalled,
    ...overrides,
  };
  return { api };
}

describe('erasure requests', () => {
  it('approves after a confirmation, and rejects only with a reason', async () => {
    let requests = [pending('r1', 'Ada Lovelace'), pending('r2', 'Alan Turing')];
    const decisions: unknown[] = [];
    const { api } = fakeAdmin({
      listErasureRequests: async () => requests,
      decideErasureRequest: async (id, decision) => {
        decisions.push({ id, ...decision });
        requests = requests.map((r) => (r.id === id ? { ...r, status: decision.decision === 'approve' ? 'approved' : 'rejected', decisionReason: decision.decision === 'reject' ? decision.reason : null } : r));
      },
    });
    render(<ErasureRequests api={api} locale="en-GB" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Approve the erasure of Ada Lovelace' }));
    await screen.findByRole('alertdialog', { name: 'Erase Ada Lovelace?' });
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Approve the erasure of Ada Lovelace' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Reject the erasure request of Alan Turing' }));
    await screen.findByRole('alertdialog', { name: 'Reject the request of Alan Turing?' });
    const confirm = within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reject the request' });
    expect(confirm.hasAttribute('disabled') || confirm.getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.change(within(screen.getByRole('alertdialog')).getByRole('textbox', { name: /Why/ }), { target: { value: 'Legal hold until the audit ends' } });
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reject the request' }));
    expect(await screen.findByText('Legal hold until the audit ends')).toBeTruthy();

    expect(decisions).toEqual([
      { id: 'r1', decision: 'approve' },
      { id: 'r2', decision: 'reject', reason: 'Legal hold until the audit ends' },
    ]);
  });

  it('says so when nobody has asked', async () => {
    render(<ErasureRequests api={fakeAdmin({ listErasureRequests: async () => [] }).api} />);
    expect(await screen.findByText('Nobody has asked to be forgotten.')).toBeTruthy();
  });
});

describe('retention policy', () => {
  it('reads days as whole numbers or empty for never', () => {
    expect([parseDays(''), parseDays(' 30 '), parseDays('0'), parseDays('1.5'), parseDays('-3'), parseDays('36501')]).toEqual([null, 30, undefined, undefined, undefined, undefined]);
  });

  it('saves the policy, runs a dry run with a sample, and purges the previewed total after a confirmation', async () => {
    let policy: RetentionPolicy = { inactiveDays: null, departedDays: 90, noticeNotAcceptedDays: null, dryRunFirst: true, updatedAt: null };
    const saved: unknown[] = [];
    const runs: number[] = [];
    const preview: RetentionPreview = {
      id: 'p',
      kind: 'dry-run',
      startedBy: 'admin',
      policy,
      counts: { inactive: 0, departed: 2, noticeNotAccepted: 0 },
      total: 2,
      purgesRequested: 0,
      ranAt: '2026-11-25T10:00:00.000Z',
      sample: [{ learnerId: 'x', displayName: 'Grace Hopper', criteria: ['departed'], lastActivityAt: '2026-01-10T10:00:00.000Z', departedAt: '2026-02-01T00:00:00.000Z' }],
    };
    const { api } = fakeAdmin({
      getRetentionPolicy: async () => policy,
      saveRetentionPolicy: async (body) => {
        saved.push(body);
        policy = { ...body, updatedAt: '2026-11-25T10:00:00.000Z' };
        return policy;
      },
      previewRetention: async () => preview,
      runRetention: async (expectedTotal) => {
        runs.push(expectedTotal);
        return { ...preview, kind: 'purge', purgesRequested: expectedTotal };
      },
    });
    render(<RetentionPolicyEditor api={api} locale="en-GB" />);

    const inactive = await screen.findByRole('textbox', { name: 'No activity for (days)' });
    expect((screen.getByRole('textbox', { name: 'Gone from Entra ID for (days)' }) as HTMLInputElement).value).toBe('90');
    fireEvent.change(inactive, { target: { value: 'soon' } });
    expect(await screen.findByText('A whole number of days from 1 to 36500, or empty.')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save the policy' });
    expect(save.hasAttribute('disabled') || save.getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.change(inactive, { target: { value: '730' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the policy' }));
    expect(await screen.findByText('The retention policy is saved.')).toBeTruthy();
    expect(saved).toEqual([{ inactiveDays: 730, departedDays: 90, noticeNotAcceptedDays: null, dryRunFirst: true }]);

    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    expect(await screen.findByText('2 people would be purged now.')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Grace Hopper' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Purge 2 people…' }));
    await screen.findByRole('alertdialog', { name: 'Purge 2 people now?' });
    expect(runs).toEqual([]);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Purge 2 people' }));
    expect(await screen.findByText('2 purges started. Progress is in the audit trail.')).toBeTruthy();
    expect(runs).toEqual([2]);
  });
});

describe('audit trail', () => {
  it('pages through events, showing subjects as hashes only and erased actors as such', async () => {
    const pages: Record<string, AuditPage> = {
      first: {
        events: [{ id: 'e1', at: '2026-11-25T10:00:00.000Z', actorId: '11111111-1111-4111-8111-111111111111', actorHash: null, action: 'purge.catalog', catalogId: null, subjectHash: 'abcdef0123456789abcdef', counts: { enrolments: 2, lessonProgress: 3 } }],
        nextCursor: 'next',
      },
      next: {
        events: [{ id: 'e2', at: '2026-11-24T10:00:00.000Z', actorId: null, actorHash: 'ffff', action: 'retention.run', catalogId: null, subjectHash: null, counts: null }],
        nextCursor: null,
      },
    };
    const { api } = fakeAdmin({ listAudit: async (cursor) => pages[cursor ?? 'first'] });
    render(<AuditTrail api={api} locale="en-GB" />);
    expect(await screen.findByText('purge.catalog')).toBeTruthy();
    expect(screen.getByText('abcdef012345…')).toBeTruthy();
    expect(screen.getByText('5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show older events' }));
    expect(await screen.findByText('retention.run')).toBeTruthy();
    expect(screen.getByText('an erased person')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older events' })).toBeNull();
  });
});
