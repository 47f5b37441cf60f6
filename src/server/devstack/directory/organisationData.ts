/** Reference data for generated directories: real cities, plausible offices, departments and their titles. */

export type NameCulture = 'norwegian' | 'swedish' | 'british' | 'dutch' | 'french' | 'german' | 'american' | 'japanese' | 'singaporean';

export interface Office {
  officeLocation: string;
  city: string;
  country: string;
  /** ISO 3166 alpha-2, as Graph's usageLocation. */
  countryCode: string;
  state: string | null;
  streetAddress: string;
  postalCode: string;
  /** `#` stands for a digit. */
  businessPhoneFormat: string;
  mobilePhoneFormat: string;
  language: string;
  /** Name pools people in this office are drawn from (first is the most common). */
  cultures: readonly NameCulture[];
  /** Relative head count. */
  weight: number;
}

export const OFFICES: readonly Office[] = [
  { officeLocation: 'Oslo Aker Brygge', city: 'Oslo', country: 'Norway', countryCode: 'NO', state: null, streetAddress: 'Stranden 1', postalCode: '0250', businessPhoneFormat: '+47 22 ## ## ##', mobilePhoneFormat: '+47 9### ####', language: 'nb-NO', cultures: ['norwegian', 'swedish'], weight: 14 },
  { officeLocation: "London King's Cross", city: 'London', country: 'United Kingdom', countryCode: 'GB', state: null, streetAddress: '1 Pancras Square', postalCode: 'N1C 4AG', businessPhoneFormat: '+44 20 #### ####', mobilePhoneFormat: '+44 7### ######', language: 'en-GB', cultures: ['british', 'american'], weight: 12 },
  { officeLocation: 'Amsterdam Zuidas', city: 'Amsterdam', country: 'Netherlands', countryCode: 'NL', state: null, streetAddress: 'Gustav Mahlerlaan 10', postalCode: '1082 PP', businessPhoneFormat: '+31 20 ### ####', mobilePhoneFormat: '+31 6 ########', language: 'nl-NL', cultures: ['dutch', 'german'], weight: 6 },
  { officeLocation: 'Paris Opéra', city: 'Paris', country: 'France', countryCode: 'FR', state: null, streetAddress: '8 Rue Auber', postalCode: '75009', businessPhoneFormat: '+33 1 ## ## ## ##', mobilePhoneFormat: '+33 6 ## ## ## ##', language: 'fr-FR', cultures: ['french'], weight: 7 },
  { officeLocation: 'Berlin Mitte', city: 'Berlin', country: 'Germany', countryCode: 'DE', state: null, streetAddress: 'Friedrichstraße 68', postalCode: '10117', businessPhoneFormat: '+49 30 ########', mobilePhoneFormat: '+49 151 ########', language: 'de-DE', cultures: ['german'], weight: 8 },
  { officeLocation: 'Stockholm Norrmalm', city: 'Stockholm', country: 'Sweden', countryCode: 'SE', state: null, streetAddress: 'Kungsgatan 33', postalCode: '111 56', businessPhoneFormat: '+46 8 ### ### ##', mobilePhoneFormat: '+46 70 ### ## ##', language: 'sv-SE', cultures: ['swedish', 'norwegian'], weight: 6 },
  { officeLocation: 'Zurich Europaallee', city: 'Zurich', country: 'Switzerland', countryCode: 'CH', state: null, streetAddress: 'Europaallee 41', postalCode: '8004', businessPhoneFormat: '+41 44 ### ## ##', mobilePhoneFormat: '+41 79 ### ## ##', language: 'de-CH', cultures: ['german', 'french'], weight: 4 },
  { officeLocation: 'New York Hudson Yards', city: 'New York', country: 'United States', countryCode: 'US', state: 'NY', streetAddress: '30 Hudson Yards', postalCode: '10001', businessPhoneFormat: '+1 212 ### ####', mobilePhoneFormat: '+1 917 ### ####', language: 'en-US', cultures: ['american'], weight: 10 },
  { officeLocation: 'Seattle South Lake Union', city: 'Seattle', country: 'United States', countryCode: 'US', state: 'WA', streetAddress: '400 Fairview Ave N', postalCode: '98109', businessPhoneFormat: '+1 206 ### ####', mobilePhoneFormat: '+1 425 ### ####', language: 'en-US', cultures: ['american'], weight: 8 },
  { officeLocation: 'Toronto King West', city: 'Toronto', country: 'Canada', countryCode: 'CA', state: 'ON', streetAddress: '200 King St W', postalCode: 'M5H 3T4', businessPhoneFormat: '+1 416 ### ####', mobilePhoneFormat: '+1 647 ### ####', language: 'en-CA', cultures: ['american', 'british', 'french'], weight: 6 },
  { officeLocation: 'Sydney Barangaroo', city: 'Sydney', country: 'Australia', countryCode: 'AU', state: 'NSW', streetAddress: '200 Barangaroo Avenue', postalCode: '2000', businessPhoneFormat: '+61 2 #### ####', mobilePhoneFormat: '+61 4## ### ###', language: 'en-AU', cultures: ['british', 'american'], weight: 6 },
  { officeLocation: 'Tokyo Marunouchi', city: 'Tokyo', country: 'Japan', countryCode: 'JP', state: null, streetAddress: '2-7-2 Marunouchi, Chiyoda-ku', postalCode: '100-7090', businessPhoneFormat: '+81 3 #### ####', mobilePhoneFormat: '+81 90 #### ####', language: 'ja-JP', cultures: ['japanese'], weight: 6 },
  { officeLocation: 'Singapore Marina Bay', city: 'Singapore', country: 'Singapore', countryCode: 'SG', state: null, streetAddress: '10 Marina Boulevard', postalCode: '018983', businessPhoneFormat: '+65 6### ####', mobilePhoneFormat: '+65 9### ####', language: 'en-SG', cultures: ['singaporean'], weight: 7 },
];

/** The head office: the CEO and most department heads sit here. */
export const HEAD_OFFICE_INDEX = 0;

export interface Department {
  name: string;
  /** Relative head count. */
  weight: number;
  headTitle: string;
  /** Managers reporting to the department head. */
  directorTitle: string;
  /** Managers further down. */
  managerTitle: string;
  individualTitles: readonly string[];
}

export const EXECUTIVE_DEPARTMENT = 'Executive';
export const CHIEF_EXECUTIVE_TITLE = 'Chief Executive Officer';

/** Ten departments, so the CEO's span (one head per department) stays within 3–10. */
export const DEPARTMENTS: readonly Department[] = [
  { name: 'Engineering', weight: 24, headTitle: 'Chief Technology Officer', directorTitle: 'Director of Engineering', managerTitle: 'Engineering Manager', individualTitles: ['Software Engineer', 'Software Engineer', 'QA Engineer', 'DevOps Engineer', 'Data Engineer', 'Product Designer', 'Site Reliability Engineer'] },
  { name: 'Sales', weight: 18, headTitle: 'Chief Revenue Officer', directorTitle: 'Regional Sales Director', managerTitle: 'Sales Manager', individualTitles: ['Account Executive', 'Account Executive', 'Sales Development Representative', 'Key Account Manager', 'Sales Engineer', 'Inside Sales Representative'] },
  { name: 'Customer Support', weight: 13, headTitle: 'VP Customer Support', directorTitle: 'Customer Support Director', managerTitle: 'Support Team Lead', individualTitles: ['Customer Support Specialist', 'Customer Support Specialist', 'Technical Support Engineer', 'Customer Success Manager', 'Support Analyst'] },
  { name: 'Operations', weight: 12, headTitle: 'Chief Operating Officer', directorTitle: 'Operations Director', managerTitle: 'Operations Manager', individualTitles: ['Operations Analyst', 'Logistics Coordinator', 'Facilities Coordinator', 'Supply Chain Analyst', 'Project Coordinator'] },
  { name: 'Marketing', weight: 8, headTitle: 'Chief Marketing Officer', directorTitle: 'Marketing Director', managerTitle: 'Marketing Manager', individualTitles: ['Marketing Specialist', 'Content Strategist', 'Digital Marketing Specialist', 'Brand Designer', 'Product Marketing Manager', 'Events Coordinator'] },
  { name: 'IT', weight: 7, headTitle: 'Chief Information Officer', directorTitle: 'IT Director', managerTitle: 'IT Manager', individualTitles: ['Systems Administrator', 'IT Support Technician', 'Network Engineer', 'Security Analyst', 'Cloud Administrator'] },
  { name: 'Finance', weight: 6, headTitle: 'Chief Financial Officer', directorTitle: 'Finance Director', managerTitle: 'Finance Manager', individualTitles: ['Financial Analyst', 'Accountant', 'Accounts Payable Specialist', 'Payroll Specialist', 'Treasury Analyst'] },
  { name: 'Procurement', weight: 5, headTitle: 'Chief Procurement Officer', directorTitle: 'Procurement Director', managerTitle: 'Procurement Manager', individualTitles: ['Buyer', 'Category Manager', 'Procurement Specialist', 'Vendor Manager'] },
  { name: 'HR', weight: 4, headTitle: 'Chief People Officer', directorTitle: 'HR Director', managerTitle: 'HR Manager', individualTitles: ['HR Business Partner', 'Recruiter', 'Talent Acquisition Specialist', 'Learning and Development Specialist', 'HR Generalist'] },
  { name: 'Legal', weight: 3, headTitle: 'General Counsel', directorTitle: 'Legal Director', managerTitle: 'Senior Legal Counsel', individualTitles: ['Legal Counsel', 'Paralegal', 'Compliance Officer', 'Contract Manager', 'Privacy Officer'] },
];

export const NAMES: Readonly<Record<NameCulture, { given: readonly string[]; family: readonly string[] }>> = {
  norwegian: {
    given: ['Ingrid', 'Lars', 'Kari', 'Ole', 'Sigrid', 'Jonas', 'Nora', 'Magnus', 'Astrid', 'Henrik', 'Solveig', 'Eirik', 'Hanne', 'Bjørn', 'Ragnhild', 'Sindre', 'Marit', 'Håkon', 'Tone', 'Øystein', 'Ida', 'Kristian'],
    family: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Bakken', 'Solberg', 'Dahl', 'Lie', 'Strand', 'Løvås', 'Sæther', 'Moen', 'Halvorsen'],
  },
  swedish: {
    given: ['Anna', 'Erik', 'Maja', 'Johan', 'Elsa', 'Karl', 'Linnea', 'Oskar', 'Ebba', 'Gustav', 'Frida', 'Axel', 'Klara', 'Viktor', 'Saga', 'Nils', 'Alva', 'Emil', 'Märta', 'Anders'],
    family: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindberg', 'Lindqvist', 'Bergström', 'Sjöberg', 'Ekström', 'Holm', 'Lundgren', 'Åberg', 'Wallin', 'Forsberg'],
  },
  british: {
    given: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Emily', 'Jack', 'Sophie', 'Thomas', 'Charlotte', 'James', 'Grace', 'William', 'Lucy', 'Henry', 'Eleanor', 'Samuel', 'Freya', 'Daniel', 'Hannah', 'Rhys', 'Siobhan'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall', 'Wood', 'Clarke', 'Patel', 'Khan', "O'Brien", 'Campbell', 'Fraser'],
  },
  dutch: {
    given: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Sanne', 'Bram', 'Fleur', 'Thijs', 'Lotte', 'Jesse', 'Anouk', 'Ruben', 'Femke', 'Joost', 'Maud', 'Stijn', 'Noor'],
    family: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen'],
  },
  french: {
    given: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Jules', 'Manon', 'Arthur', 'Inès', 'Gabriel', 'Zoé', 'Raphaël', 'Élodie', 'Théo', 'Juliette', 'Mathieu', 'Amélie', 'Julien', 'Margaux', 'Étienne'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Rousseau'],
  },
  german: {
    given: ['Lukas', 'Mia', 'Leon', 'Hannah', 'Felix', 'Lena', 'Jonas', 'Laura', 'Maximilian', 'Lea', 'Paul', 'Sophie', 'Tobias', 'Katharina', 'Niklas', 'Johanna', 'Florian', 'Anja', 'Sebastian', 'Jürgen', 'Sabine', 'Matthias'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann', 'Keller', 'Huber'],
  },
  american: {
    given: ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Isabella', 'Logan', 'Mia', 'Jacob', 'Abigail', 'Michael', 'Madison', 'Elijah', 'Harper', 'Aiden', 'Chloe', 'Jackson', 'Maria', 'Diego', 'Aisha', 'Jamal'],
    family: ['Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Lee', 'Harris', 'Clark', 'Lewis', 'Young', 'Allen', 'King', 'Nguyen', 'Hernandez', 'Lopez', 'Kim', 'Washington'],
  },
  japanese: {
    given: ['Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Yuto', 'Sakura', 'Kaito', 'Mei', 'Riku', 'Yuna', 'Takumi', 'Rin', 'Kenji', 'Akiko', 'Hiroshi', 'Naomi', 'Daiki', 'Emi'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Mori'],
  },
  singaporean: {
    given: ['Wei Ling', 'Jun Jie', 'Hui Min', 'Zhi Hao', 'Xin Yi', 'Kai Wen', 'Siti', 'Muhammad', 'Nurul', 'Farid', 'Priya', 'Arjun', 'Kavitha', 'Ravi', 'Mei Ling', 'Darren', 'Rachel', 'Marcus'],
    family: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Chan', 'Koh', 'Teo', 'Ang', 'Rahman', 'Ismail', 'Abdullah', 'Kumar', 'Nair', 'Pillai'],
  },
};
