import * as React from 'react';
import { Spinner, SpinnerSize } from '@fluentui/react';
import type { CoursePlayerProps } from '../../ui/player/CoursePlayer';

/**
 * The course player in its own chunk: a page that shows only a catalog or My training never downloads it,
 * and it loads the first time someone opens a course. Every web part shares the one chunk.
 */
const CoursePlayer = React.lazy(() =>
  import(/* webpackChunkName: 'atrium-course-player' */ '../../ui/player/CoursePlayer').then((module) => ({ default: module.CoursePlayer })),
);

export function LazyCoursePlayer(props: CoursePlayerProps): React.ReactElement {
  return React.createElement(
    React.Suspense,
    { fallback: React.createElement(Spinner, { size: SpinnerSize.large }) },
    React.createElement(CoursePlayer, props),
  );
}
