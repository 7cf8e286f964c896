import { describe, expect, it } from 'vitest';
import { parseIntent } from '#shared/chat/intent.js';

describe('parseIntent: the words members add after a command word', () => {
  it('reads "dejar de seguir <id>" as unfollow of that id', () => {
    expect(parseIntent('dejar de seguir 74d388')).toMatchObject({
      command: 'unfollow',
      args: '74d388',
      wordLanguage: 'es',
    });
    expect(parseIntent('Dejar de  seguir')).toMatchObject({ command: 'unfollow', args: '' });
    // "dejar" alone still takes the id at once.
    expect(parseIntent('dejar 74d388')).toMatchObject({ command: 'unfollow', args: '74d388' });
  });

  it('drops "eventos" / "events" after upcoming instead of searching for that word', () => {
    expect(parseIntent('próximos eventos')).toMatchObject({
      command: 'upcoming',
      args: '',
      wordLanguage: 'es',
    });
    expect(parseIntent('upcoming events country:peru')).toMatchObject({
      command: 'upcoming',
      args: 'country:peru',
    });
    expect(parseIntent('proximos evento pais:colombia').args).toBe('pais:colombia');
    // Other words stay: they are the member's search.
    expect(parseIntent('upcoming eventual payments').args).toBe('eventual payments');
  });
});

describe('parseIntent: a search typed with no command word', () => {
  it('takes the language of its filter keys, so that the reply is in the member language', () => {
    expect(parseIntent('tema:primera infancia pais:colombia')).toMatchObject({
      command: 'search',
      implicit: true,
      wordLanguage: 'es',
    });
    expect(parseIntent('País:Perú')).toMatchObject({ command: 'search', wordLanguage: 'es' });
    expect(parseIntent('cash transfers country:jamaica')).toMatchObject({
      command: 'search',
      wordLanguage: 'en',
    });
    // No filter key, or only a word with a colon: no language is guessed.
    expect(parseIntent('transferencias monetarias').wordLanguage).toBeUndefined();
    expect(parseIntent('ratio 3:1 https://x.org').wordLanguage).toBeUndefined();
    // One that opens with a greeting takes the greeting's language.
    expect(parseIntent('hola, quiero buscar transferencias en perú')).toMatchObject({
      command: 'search',
      args: 'hola, quiero buscar transferencias en perú',
      wordLanguage: 'es',
    });
    expect(parseIntent('hi! cash transfers in Peru').wordLanguage).toBe('en');
  });
});
