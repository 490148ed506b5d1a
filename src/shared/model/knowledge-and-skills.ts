/**
 * The ten Knowledge and Skills Statements for child and family practitioners (DfE 2018), as
 * 004 City of London QA framework, Appendix 1 lists them. Headings copied from 004 L441
 * (1), L449 (2), L459 (3), L467 (4), L475 (5), L483 (6), L493 (7), L501 (8), L511 (9), L519 (10).
 * A practice observation records which of them the observed practice evidenced.
 */
export const KNOWLEDGE_AND_SKILLS_STATEMENTS = [
  { id: 'kss-1', number: 1, heading: 'Relationships and effective direct work' },
  { id: 'kss-2', number: 2, heading: 'Communication' },
  { id: 'kss-3', number: 3, heading: 'Child development' },
  {
    id: 'kss-4',
    number: 4,
    heading: 'Adult mental ill health, substance misuse, domestic abuse, physical ill health and disability',
  },
  { id: 'kss-5', number: 5, heading: 'Abuse and neglect of children' },
  { id: 'kss-6', number: 6, heading: 'Child and family assessment' },
  { id: 'kss-7', number: 7, heading: 'Analysis, decision-making, planning and review' },
  { id: 'kss-8', number: 8, heading: 'The law and the family and youth justice systems' },
  { id: 'kss-9', number: 9, heading: 'The role of supervision' },
  { id: 'kss-10', number: 10, heading: 'Organisational context' },
] as const;

export type KnowledgeAndSkillsStatementId = (typeof KNOWLEDGE_AND_SKILLS_STATEMENTS)[number]['id'];

export const KNOWLEDGE_AND_SKILLS_STATEMENT_IDS = KNOWLEDGE_AND_SKILLS_STATEMENTS.map((s) => s.id) as [
  KnowledgeAndSkillsStatementId,
  ...KnowledgeAndSkillsStatementId[],
];
