/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { afterEach, describe, expect, it } from '@jest/globals';
import { getRTL, setIconOptions, setRTL, useTheme } from '@fluentui/react';
import { act, render, screen } from '@testing-library/react';
import type { CatalogView, CourseSummary, ILearningApi } from '../../src/client/learningApi';
import { summariseMyTraining } from '../../src/domain/myTraining';
import { CourseCatalog } from '../../src/ui/catalog/CourseCatalog';
import { HostFrame } from '../../src/ui/theme/HostFrame';
import { fluentThemeForTeams } from '../../src/ui/theme/teamsTheme';

setIconOptions({ disableWarnings: true });

const catalog: CatalogView = { id: 'k1', name: 'الامتثال', description: '', siteUrl: null, createdAt: '2026-01-01T00:00:00.000Z', canManage: false };
const course: CourseSummary = {
  id: 'c1',
  catalogId: 'k1',
  title: 'مدونة قواعد السلوك',
  summary: 'ما يتوقعه الجميع من الجميع',
  format: 'e-learning',
  tags: ['الامتثال'],
  durationMinutes: 45,
  sequentialLessons: false,
  status: 'published',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lessonCount: 3,
  hasQuiz: true,
};

const api = {
  listCatalogs: async () => [catalog],
  listCourses: async () => [course],
  listPlans: async () => [],
  getMyTraining: async () => summariseMyTraining([]),
} as unknown as ILearningApi;

afterEach(() => setRTL(false));

function ThemeProbe(): React.ReactElement {
  const theme = useTheme();
  return <span data-testid="probe" data-rtl={String(theme.rtl)} data-background={theme.semanticColors.bodyBackground} />;
}

describe('HostFrame', () => {
  it('renders the catalog right to left for an Arabic user, and the screen still works', async () => {
    setRTL(true);
    const { container } = render(
      <HostFrame dir="rtl">
        <ThemeProbe />
        <CourseCatalog api={api} onOpenCourse={() => undefined} locale="ar-SA" />
      </HostFrame>,
    );
    expect(getRTL()).toBe(true);
    expect(container.querySelector('[dir="rtl"]')).not.toBeNull();
    expect(screen.getByTestId('probe').dataset.rtl).toBe('true');
    expect(await screen.findByText('مدونة قواعد السلوك')).toBeTruthy();
    expect(screen.getByRole('searchbox')).toBeTruthy();
  });

  it('follows the Teams theme as it changes, without remounting the screen', async () => {
    const { rerender } = render(
      <HostFrame dir="ltr" theme={fluentThemeForTeams('default')}>
        <ThemeProbe />
        <CourseCatalog api={api} onOpenCourse={() => undefined} locale="en-GB" />
      </HostFrame>,
    );
    expect(await screen.findByText('مدونة قواعد السلوك')).toBeTruthy();
    expect(screen.getByTestId('probe').dataset.background).toBe('#ffffff');
    const search = screen.getByRole('searchbox');
    for (const [teamsTheme, background] of [['dark', '#1f1f1f'], ['contrast', '#000000']]) {
      await act(async () => {
        rerender(
          <HostFrame dir="ltr" theme={fluentThemeForTeams(teamsTheme)}>
            <ThemeProbe />
            <CourseCatalog api={api} onOpenCourse={() => undefined} locale="en-GB" />
          </HostFrame>,
        );
      });
      expect(screen.getByTestId('probe').dataset.background).toBe(background);
      expect(screen.getByTestId('probe').dataset.rtl).toBe('false');
    }
    expect(screen.getByRole('searchbox')).toBe(search);
  });
});
