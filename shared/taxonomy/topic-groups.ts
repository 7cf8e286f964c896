/**
 * The taxonomy's topics in a few groups, so that a list of 30 choices (the subscription and
 * preferences pages) reads as five short lists. Every topic is in exactly one group (a test holds
 * the table to it); the order within a group is the order shown.
 */
export interface TopicGroup {
  id: string;
  names: { en: string; es: string };
  topics: readonly string[];
}

export const TOPIC_GROUPS: readonly TopicGroup[] = [
  {
    id: 'transfers-assistance',
    names: { en: 'Transfers and social assistance', es: 'Transferencias y asistencia social' },
    topics: ['conditional-cash-transfers', 'social-assistance', 'food-nutrition', 'shock-responsive'],
  },
  {
    id: 'systems-delivery',
    names: { en: 'Systems, targeting and delivery', es: 'Sistemas, focalización y gestión' },
    topics: [
      'social-protection-systems',
      'targeting',
      'social-registries',
      'monitoring-evaluation',
      'digital-transformation',
      'south-south-cooperation',
    ],
  },
  {
    id: 'poverty-inclusion',
    names: { en: 'Poverty and economic inclusion', es: 'Pobreza e inclusión económica' },
    topics: [
      'poverty-inequality',
      'multidimensional-poverty',
      'graduation',
      'financial-inclusion',
      'productive-inclusion',
    ],
  },
  {
    id: 'work-services',
    names: { en: 'Work, insurance and services', es: 'Trabajo, seguros y servicios' },
    topics: [
      'decent-work',
      'job-training',
      'social-insurance-pensions',
      'health',
      'education',
      'housing',
      'citizen-security',
      'care-systems',
    ],
  },
  {
    id: 'people',
    names: { en: 'People across the life cycle', es: 'Personas a lo largo del ciclo de vida' },
    topics: [
      'early-childhood',
      'children-adolescents',
      'youth',
      'older-persons',
      'gender',
      'disability',
      'indigenous-afrodescendant',
      'migration',
    ],
  },
];
