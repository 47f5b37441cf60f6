import { courseInputSchema, COURSE_FORMATS, type CourseInput, type Quiz } from '../src/domain/course';
import { SeededRandom } from '../src/server/devstack/directory/seededRandom';

const TOPICS = [
  'Code of Conduct', 'Information Security', 'GDPR Essentials', 'Anti-Bribery', 'Fire Safety', 'Workstation Ergonomics',
  'Leading One-to-Ones', 'Inclusive Hiring', 'Teams Meetings', 'Customer Conversations', 'Expense Policy', 'Export Controls',
  'Mental Health Awareness', 'Feedback Skills', 'Project Basics', 'Negotiation', 'Presenting with Impact', 'Time Management',
  'Excel for Analysts', 'Power BI Fundamentals', 'Secure Coding', 'Incident Response', 'First Aid at Work', 'Manual Handling',
];

const sp = (slug: string, lesson: number) => `https://contoso.sharepoint.com/sites/learning/bench/${slug}/${lesson}.aspx`;

function quizFor(random: SeededRandom, title: string): Quiz {
  const questions: Quiz['questions'] = [];
  const count = random.integer(2, 5);
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0) questions.push({ kind: 'multiple-choice', prompt: `${title}: question ${i + 1}`, options: ['A', 'B', 'C'], correct: random.integer(0, 2) });
    else if (kind === 1) questions.push({ kind: 'true-false', prompt: `${title}: statement ${i + 1}`, correct: random.chance(0.5) });
    else questions.push({ kind: 'multiple-answer', prompt: `${title}: pick all ${i + 1}`, options: ['A', 'B', 'C', 'D'], correct: [0, random.integer(1, 3)] });
  }
  return { passMarkPercent: 70, questions };
}

/**
 * A tenant's catalog for the benchmark: `count` published courses of 1–5 lessons, about half with a
 * quiz and a third unlocking lessons in order. The same seed gives the same catalog.
 */
export function benchCourses(seed: string, count: number): CourseInput[] {
  const random = new SeededRandom(`${seed}/courses`);
  const courses: CourseInput[] = [];
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const edition = Math.floor(i / TOPICS.length);
    const title = edition === 0 ? topic : `${topic} (part ${edition + 1})`;
    const slug = `course-${i + 1}`;
    const lessonCount = random.integer(1, 5);
    courses.push(
      courseInputSchema.parse({
        title,
        summary: `${title}: what everyone at Contoso needs to know.`,
        format: COURSE_FORMATS[i % COURSE_FORMATS.length],
        tags: [topic.split(' ')[0].toLowerCase(), i % 4 === 0 ? 'mandatory' : 'elective'],
        durationMinutes: random.integer(10, 120),
        sequentialLessons: i % 3 === 0,
        lessons: Array.from({ length: lessonCount }, (_, l) => ({ title: `${title}, lesson ${l + 1}`, materialUrl: sp(slug, l + 1), durationMinutes: random.integer(5, 30) })),
        quiz: i % 2 === 0 ? quizFor(random, title) : null,
        status: 'published',
      }),
    );
  }
  return courses;
}
