/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ILmsApi } from '../../src/client/lmsApi';
import { LmsApiError } from '../../src/client/lmsApiError';
import { summariseMyTraining } from '../../src/domain/myTraining';
import { MyTraining } from '../../src/ui/myTraining/MyTraining';
import { trainingItem } from './fixtures/learningFixtures';

setIconOptions({ disableWarnings: true });

const training = summariseMyTraining([
  trainingItem({ enrolmentId: 'e1', courseId: 'c-coc', title: 'Code of Conduct', state: 'overdue', source: 'rule', dueAt: '2026-11-01T17:00:00.000Z' }),
  trainingItem({ enrolmentId: 'e2', courseId: 'c-fire', title: 'Fire Safety', state: 'completed', completedAt: '2026-10-02T10:00:00.000Z', progressPercent: 100, certificateId: 'cert-fire' }),
]);
const api = { getMyTraining: async () => training } as ILmsApi;

describe('<MyTraining> made actionable', () => {
  it('opens each item’s course through the host, most urgent first', async () => {
    const opened: string[] = [];
    render(<MyTraining api={api} onOpenCourse={(id) => opened.push(id)} courseHref={(id) => `#/course/${id}`} />);
    const links = await screen.findAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Code of Conduct', '#/course/c-coc'],
      ['Fire Safety', '#/course/c-fire'],
    ]);
    fireEvent.click(links[0]);
    expect(opened).toEqual(['c-coc']);
  });

  it('lists the certificates earned, each downloaded and saved', async () => {
    const pdf = new Blob(['%PDF-1.7']);
    const saved: string[] = [];
    const downloads: string[] = [];
    const certificates = {
      downloadCertificate: async (id: string) => {
        downloads.push(id);
        if (downloads.length > 1) throw new LmsApiError(503, 'service_unavailable', 'The tenant database cannot be reached.');
        return { blob: pdf, fileName: 'certificate-ATR-7K3M-QX9P-2WHD.pdf' };
      },
    };
    render(<MyTraining api={api} certificates={certificates} saveFile={(_blob, name) => saved.push(name)} locale="en-GB" />);
    expect(await screen.findByRole('heading', { level: 3, name: 'My certificates' })).toBeTruthy();
    expect(screen.getByText('Earned 2 Oct 2026')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download the certificate for Fire Safety' }));
    expect(await screen.findByText('Saved certificate-ATR-7K3M-QX9P-2WHD.pdf.')).toBeTruthy();
    expect(saved).toEqual(['certificate-ATR-7K3M-QX9P-2WHD.pdf']);
    fireEvent.click(screen.getByRole('button', { name: 'Download the certificate for Fire Safety' }));
    expect(await screen.findByText(/could not be downloaded: The tenant database cannot be reached/)).toBeTruthy();
    expect(downloads).toEqual(['cert-fire', 'cert-fire']);
  });

  it('stays read-only without the host’s callbacks', async () => {
    render(<MyTraining api={api} />);
    await screen.findByRole('heading', { level: 4, name: 'Code of Conduct' });
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'My certificates' })).toBeNull();
  });
});
