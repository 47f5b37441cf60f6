import type { CourseInput } from '../../../domain/course';

const sp = (path: string): string => `https://contoso.sharepoint.com/sites/learning/${path}`;

/** The demo catalog: a dozen courses of the kind a mid-sized company runs. */
export const DEMO_COURSES: Array<Omit<CourseInput, 'summary' | 'tags' | 'sequentialLessons' | 'quiz' | 'status'> & Partial<CourseInput>> = [
  {
    title: 'Code of Conduct 2026',
    summary: 'Our standards of behaviour, how to raise a concern, and what happens when you do.',
    format: 'e-learning',
    tags: ['compliance', 'mandatory'],
    durationMinutes: 35,
    sequentialLessons: true,
    lessons: [
      { title: 'Why a code of conduct', materialUrl: sp('coc/01-why.aspx'), durationMinutes: 8 },
      { title: 'Respect at work', materialUrl: sp('coc/02-respect.aspx'), durationMinutes: 10 },
      { title: 'Speaking up', materialUrl: sp('coc/03-speak-up.aspx'), durationMinutes: 9 },
    ],
    quiz: {
      passMarkPercent: 80,
      questions: [
        { kind: 'multiple-choice', prompt: 'Where can you raise a concern anonymously?', options: ['Only with HR', 'The Speak Up line', 'Nowhere'], correct: 1 },
        { kind: 'true-false', prompt: 'Retaliation against someone who raised a concern in good faith is forbidden.', correct: true },
        { kind: 'multiple-answer', prompt: 'Which of these must be declared?', options: ['A gift worth 150 EUR', 'A coffee with a supplier', 'A family member working for a bidder'], correct: [0, 2] },
      ],
    },
  },
  {
    title: 'Information Security Essentials',
    summary: 'Phishing, passwords and passkeys, handling confidential data, and reporting incidents.',
    format: 'e-learning',
    tags: ['security', 'mandatory'],
    durationMinutes: 40,
    lessons: [
      { title: 'Spotting phishing', materialUrl: sp('infosec/phishing.aspx') },
      { title: 'Passkeys and MFA', materialUrl: sp('infosec/mfa.aspx') },
      { title: 'Classifying documents', materialUrl: sp('infosec/classification.aspx') },
    ],
    quiz: {
      passMarkPercent: 70,
      questions: [
        { kind: 'true-false', prompt: 'IT will never ask for your password by email.', correct: true },
        { kind: 'multiple-choice', prompt: 'A suspicious email arrives. First step?', options: ['Click to check', 'Report it with the Report button', 'Forward to colleagues'], correct: 1 },
      ],
    },
  },
  {
    title: 'GDPR for Everyone',
    summary: 'Personal data in daily work: lawful basis, minimisation, data-subject rights and breaches.',
    format: 'e-learning',
    tags: ['privacy', 'compliance', 'mandatory'],
    durationMinutes: 30,
    lessons: [
      { title: 'What counts as personal data', materialUrl: sp('gdpr/personal-data.aspx') },
      { title: 'Rights of the people we hold data on', materialUrl: sp('gdpr/rights.aspx') },
    ],
    quiz: {
      passMarkPercent: 75,
      questions: [
        { kind: 'multiple-answer', prompt: 'Which are personal data?', options: ['An email address', 'An employee id', 'The weather in Oslo'], correct: [0, 1] },
        { kind: 'multiple-choice', prompt: 'A personal-data breach must be reported to the authority within…', options: ['72 hours', '30 days', 'Never'], correct: 0 },
      ],
    },
  },
  {
    title: 'Anti-Bribery and Corruption',
    summary: 'Recognising bribery, facilitation payments, and working with third parties.',
    format: 'video',
    tags: ['compliance'],
    durationMinutes: 25,
    lessons: [{ title: 'Anti-bribery in practice (video)', materialUrl: 'https://contoso.sharepoint.com/sites/learning/_layouts/15/stream.aspx?id=abc' }],
    quiz: { passMarkPercent: 100, questions: [{ kind: 'true-false', prompt: 'Small facilitation payments are allowed.', correct: false }] },
  },
  {
    title: 'Fire Safety and Evacuation',
    summary: 'Evacuation routes, assembly points and the role of fire wardens in your office.',
    format: 'classroom',
    tags: ['health-and-safety', 'mandatory'],
    durationMinutes: 60,
    lessons: [{ title: 'Session materials', materialUrl: sp('hse/fire-safety.pdf') }],
  },
  {
    title: 'Workstation Ergonomics',
    summary: 'Set up your desk, screen and chair to work comfortably, at the office and at home.',
    format: 'document',
    tags: ['health-and-safety', 'wellbeing'],
    durationMinutes: 15,
    lessons: [{ title: 'Ergonomics checklist', materialUrl: sp('hse/ergonomics-checklist.pdf') }],
  },
  {
    title: 'Leading Effective One-to-Ones',
    summary: 'For people leaders: structure, coaching questions and follow-up that help people grow.',
    format: 'classroom',
    tags: ['leadership'],
    durationMinutes: 180,
    lessons: [
      { title: 'Pre-reading', materialUrl: sp('leadership/one-to-ones/pre-reading.aspx') },
      { title: 'Workshop slides', materialUrl: sp('leadership/one-to-ones/slides.pptx') },
    ],
  },
  {
    title: 'Inclusive Hiring',
    summary: 'Structured interviews, reducing bias, and writing inclusive job ads.',
    format: 'e-learning',
    tags: ['leadership', 'hr'],
    durationMinutes: 45,
    lessons: [
      { title: 'Structured interviews', materialUrl: sp('hr/inclusive-hiring/structured.aspx') },
      { title: 'Bias in decisions', materialUrl: sp('hr/inclusive-hiring/bias.aspx') },
    ],
  },
  {
    title: 'Microsoft Teams Meetings Like a Pro',
    summary: 'Scheduling, breakout rooms, recordings and meeting etiquette.',
    format: 'video',
    tags: ['productivity', 'microsoft-365'],
    durationMinutes: 20,
    lessons: [{ title: 'Teams meetings tour', materialUrl: 'https://support.microsoft.com/office/teams-meetings' }],
  },
  {
    title: 'Customer Conversations That Build Trust',
    summary: 'Listening, handling objections and following up, for sales and support teams.',
    format: 'e-learning',
    tags: ['sales', 'customer-service'],
    durationMinutes: 50,
    lessons: [
      { title: 'Active listening', materialUrl: sp('sales/trust/listening.aspx') },
      { title: 'Handling objections', materialUrl: sp('sales/trust/objections.aspx') },
      { title: 'Follow-up that lands', materialUrl: sp('sales/trust/follow-up.aspx') },
    ],
  },
  {
    title: 'Expense Policy Quick Guide',
    summary: 'What you can claim, how to submit receipts, and approval limits.',
    format: 'link',
    tags: ['finance'],
    durationMinutes: 10,
    lessons: [{ title: 'Expense policy', materialUrl: sp('finance/expense-policy.aspx') }],
  },
  {
    title: 'New Joiner Onboarding',
    summary: 'Your first weeks: our history, values, tools and who to ask for what.',
    format: 'e-learning',
    tags: ['onboarding'],
    durationMinutes: 60,
    sequentialLessons: true,
    lessons: [
      { title: 'Welcome from the CEO', materialUrl: sp('onboarding/welcome.aspx') },
      { title: 'Our values', materialUrl: sp('onboarding/values.aspx') },
      { title: 'Tools you will use', materialUrl: sp('onboarding/tools.aspx') },
      { title: 'Who to ask', materialUrl: sp('onboarding/contacts.aspx') },
    ],
  },
];
