import * as React from 'react';
import { DefaultButton, Dropdown, type IDropdownOption, getId, mergeStyleSets, SearchBox, useTheme } from '@fluentui/react';
import type { ILearningApi } from '../../client/learningApi';
import type { CatalogView } from '../../domain/apiResponses';
import type { CourseFormat } from '../../domain/course';
import type { TrainingState } from '../../domain/myTraining';
import { EmptyState } from '../common/EmptyState';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { englishCatalogStrings, type CatalogStrings } from './catalogStrings';
import { CourseCard } from './CourseCard';
import { DURATION_BUCKETS, type CourseFilter, type DurationBucket, filterChoices, filterCourses, isFiltered, NO_FILTER } from './courseFilters';
import { PlanCard } from './PlanCard';

export interface CourseCatalogProps {
  api: ILearningApi;
  onOpenCourse: (courseId: string) => void;
  /** The address of a course, for links that can be opened in a new tab or shared. */
  courseHref?: (courseId: string) => string;
  onSignInAgain?: () => void;
  strings?: CatalogStrings;
  locale?: string;
}

/** The catalogs a person may see: published courses and plans, searchable and filterable. Host-agnostic. */
export function CourseCatalog({ api, onOpenCourse, courseHref, onSignInAgain, strings = englishCatalogStrings, locale }: CourseCatalogProps): React.ReactElement {
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-catalog-'));
  const { load, reload } = useLoad(() => api.listCatalogs(), [api]);
  const [chosenId, setChosenId] = React.useState<string | null>(null);
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    title: { margin: '0 0 12px', fontSize: 20, fontWeight: 600, outline: 'none' },
    picker: { maxWidth: 360, marginBottom: 12 },
  });

  let body: React.ReactNode;
  if (load.status === 'loading') body = <LoadingShimmer label={strings.loadingCatalogs} />;
  else if (load.status === 'failed') body = <LoadFailure error={load.error} onRetry={reload} onSignInAgain={onSignInAgain} strings={strings.common} />;
  else if (load.value.length === 0) body = <EmptyState title={strings.noCatalogsTitle} hint={strings.noCatalogsHint} />;
  else {
    const catalogs = load.value;
    const catalog = catalogs.find((c) => c.id === chosenId) ?? catalogs[0];
    body = (
      <>
        {catalogs.length > 1 && (
          <Dropdown
            className={classes.picker}
            label={strings.catalogPicker}
            selectedKey={catalog.id}
            options={catalogs.map((c) => ({ key: c.id, text: c.name }))}
            onChange={(_event, option) => option && setChosenId(String(option.key))}
          />
        )}
        <CatalogCourses key={catalog.id} api={api} catalog={catalog} onOpenCourse={onOpenCourse} courseHref={courseHref} onSignInAgain={onSignInAgain} strings={strings} locale={locale} />
      </>
    );
  }

  return (
    <section className={classes.root} aria-labelledby={headingId} aria-busy={load.status === 'loading'}>
      <h2 id={headingId} className={classes.title} tabIndex={-1}>
        {strings.title}
      </h2>
      {body}
    </section>
  );
}

interface CatalogCoursesProps {
  api: ILearningApi;
  catalog: CatalogView;
  onOpenCourse: (courseId: string) => void;
  courseHref?: (courseId: string) => string;
  onSignInAgain?: () => void;
  strings: CatalogStrings;
  locale?: string;
}

function CatalogCourses({ api, catalog, onOpenCourse, courseHref, onSignInAgain, strings, locale }: CatalogCoursesProps): React.ReactElement {
  const theme = useTheme();
  const { load, reload } = useLoad(
    // The person's own training marks the courses they are in already; the catalog shows without it.
    () => Promise.all([api.listCourses(catalog.id), api.listPlans(catalog.id), api.getMyTraining().catch(() => null)]),
    [api, catalog.id],
  );
  const [filter, setFilter] = React.useState<CourseFilter>(NO_FILTER);
  const [ids] = React.useState(() => ({ courses: getId('atrium-courses-'), plans: getId('atrium-plans-') }));
  const classes = mergeStyleSets({
    description: { margin: '0 0 12px', color: theme.palette.neutralSecondary },
    filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12, marginBottom: 8 },
    search: { flex: '1 1 280px', maxWidth: 420 },
    dropdown: { minWidth: 160 },
    section: { marginTop: 16 },
    heading: { margin: '0 0 4px', fontSize: 16, fontWeight: 600 },
    count: { margin: '4px 0', fontSize: 12, color: theme.palette.neutralSecondary },
    list: { margin: 0, padding: 0, listStyle: 'none' },
  });

  if (load.status === 'loading') return <LoadingShimmer label={strings.loadingCourses} />;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} onSignInAgain={onSignInAgain} strings={strings.common} />;
  const [courses, plans, training] = load.value;
  const stateOf = (courseId: string): TrainingState | undefined => (training ? training.items.filter((i) => i.courseId === courseId).map((i) => i.state)[0] : undefined);
  if (courses.length === 0 && plans.length === 0) {
    return (
      <>
        {catalog.description && <p className={classes.description}>{catalog.description}</p>}
        <EmptyState title={strings.noCoursesTitle} hint={strings.noCoursesHint} />
      </>
    );
  }
  const choices = filterChoices(courses);
  const shown = filterCourses(courses, filter);
  const formatOptions: IDropdownOption[] = [{ key: '', text: strings.anyFormat }, ...choices.formats.map((f) => ({ key: f, text: strings.formats[f] }))];
  const tagOptions: IDropdownOption[] = [{ key: '', text: strings.anyTag }, ...choices.tags.map((t) => ({ key: t, text: t }))];
  const durationOptions: IDropdownOption[] = DURATION_BUCKETS.map((d) => ({ key: d, text: strings.durations[d] }));
  const update = (change: Partial<CourseFilter>): void => setFilter((current) => ({ ...current, ...change }));

  return (
    <>
      {catalog.description && <p className={classes.description}>{catalog.description}</p>}
      <section className={classes.section} aria-labelledby={ids.courses}>
        <h3 id={ids.courses} className={classes.heading}>
          {strings.coursesHeading}
        </h3>
        <div className={classes.filters}>
          <SearchBox
            className={classes.search}
            placeholder={strings.search}
            ariaLabel={strings.search}
            value={filter.search}
            onChange={(_event, value) => update({ search: value ?? '' })}
            onClear={() => update({ search: '' })}
          />
          <Dropdown
            className={classes.dropdown}
            label={strings.formatFilter}
            selectedKey={filter.format ?? ''}
            options={formatOptions}
            onChange={(_event, option) => option && update({ format: option.key === '' ? null : (option.key as CourseFormat) })}
          />
          <Dropdown
            className={classes.dropdown}
            label={strings.tagFilter}
            selectedKey={filter.tag ?? ''}
            options={tagOptions}
            onChange={(_event, option) => option && update({ tag: option.key === '' ? null : String(option.key) })}
          />
          <Dropdown
            className={classes.dropdown}
            label={strings.durationFilter}
            selectedKey={filter.duration}
            options={durationOptions}
            onChange={(_event, option) => option && update({ duration: option.key as DurationBucket })}
          />
          {isFiltered(filter) && <DefaultButton text={strings.clearFilters} onClick={() => setFilter(NO_FILTER)} />}
        </div>
        <p className={classes.count} role="status">
          {strings.resultCount(shown.length, courses.length)}
        </p>
        {shown.length === 0 ? (
          <EmptyState title={courses.length === 0 ? strings.noCoursesTitle : strings.noMatchesTitle} hint={courses.length === 0 ? strings.noCoursesHint : strings.noMatchesHint} />
        ) : (
          <ul className={classes.list}>
            {shown.map((course) => (
              <CourseCard key={course.id} course={course} strings={strings} locale={locale} onOpen={onOpenCourse} href={courseHref?.(course.id)} state={stateOf(course.id)} />
            ))}
          </ul>
        )}
      </section>
      {plans.length > 0 && (
        <section className={classes.section} aria-labelledby={ids.plans}>
          <h3 id={ids.plans} className={classes.heading}>
            {strings.plansHeading}
          </h3>
          <ul className={classes.list}>
            {plans.map((plan) => (
              <PlanCard key={plan.id} plan={plan} courses={courses} api={api} strings={strings} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
