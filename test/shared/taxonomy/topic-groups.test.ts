import { describe, expect, it } from 'vitest';
import { TOPICS } from '#shared/taxonomy/index.js';
import { TOPIC_GROUPS } from '#shared/taxonomy/topic-groups.js';

describe('the topic groups of the pages', () => {
  it('hold every topic of the taxonomy in exactly one group, and nothing else', () => {
    const grouped = TOPIC_GROUPS.flatMap((g) => g.topics);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(TOPICS.map((t) => t.id).sort());
  });

  it('are named in English and Spanish, each name once', () => {
    for (const lang of ['en', 'es'] as const) {
      const names = TOPIC_GROUPS.map((g) => g.names[lang]);
      expect(names.every((n) => n.trim().length > 0)).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(new Set(TOPIC_GROUPS.map((g) => g.id)).size).toBe(TOPIC_GROUPS.length);
  });
});
