import { describe, expect, it } from 'vitest';
import { greetingLanguage, parseIntent } from '#shared/chat/intent.js';

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

describe('parseIntent: punctuation around the command word', () => {
  it('reads "¿ayuda?", "ayuda?", "help!" and "Buscar: pobreza" as the command, in its language', () => {
    expect(parseIntent('¿ayuda?')).toMatchObject({
      command: 'help',
      args: '',
      wordLanguage: 'es',
      implicit: false,
    });
    expect(parseIntent('ayuda?')).toMatchObject({ command: 'help', wordLanguage: 'es' });
    expect(parseIntent('help!')).toMatchObject({ command: 'help', wordLanguage: 'en' });
    expect(parseIntent('¿próximos?')).toMatchObject({ command: 'upcoming', args: '', wordLanguage: 'es' });
    expect(parseIntent('Buscar: pobreza')).toMatchObject({
      command: 'search',
      args: 'pobreza',
      wordLanguage: 'es',
    });
    // An opening ¿ or ¡ closes at the end of the arguments: "pobreza", not "pobreza?".
    expect(parseIntent('¿buscar pobreza multidimensional?')).toMatchObject({
      command: 'search',
      args: 'pobreza multidimensional',
      wordLanguage: 'es',
    });
    expect(parseIntent('¡seguir tema:pensiones!')).toMatchObject({
      command: 'follow',
      args: 'tema:pensiones',
    });
    // "?" alone is still help; a filter key's colon is still a filter, not the lang command.
    expect(parseIntent('?')).toMatchObject({ command: 'help' });
    expect(parseIntent('lang: es pensiones')).toMatchObject({ command: 'search', implicit: true });
    expect(parseIntent('idioma: español pensiones')).toMatchObject({ command: 'search', wordLanguage: 'es' });
  });

  it('answers a question opened with ¿ or ¡ in Spanish even with no command word or filter key', () => {
    expect(parseIntent('¿Qué hay de nuevo sobre pensiones?')).toMatchObject({
      command: 'search',
      implicit: true,
      wordLanguage: 'es',
    });
    expect(parseIntent('pensiones?').wordLanguage).toBeUndefined();
  });
});

describe('greetingLanguage: greetings written with their accents', () => {
  it('greets "buenos días" and "¡Buenos días!" instead of searching for them', () => {
    expect(parseIntent('buenos días')).toMatchObject({ command: 'greet', wordLanguage: 'es' });
    expect(parseIntent('¡Buenos días!')).toMatchObject({ command: 'greet', wordLanguage: 'es' });
    expect(greetingLanguage('BUENOS DÍAS 🙏')).toBe('es');
    expect(greetingLanguage('good morning!')).toBe('en');
  });
});
