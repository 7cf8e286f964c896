import type { BotLanguage } from '../chat/i18n.js';
import { type CoopKind, DRAFT_FIELDS } from '../coop/entry.js';

/**
 * The words of the guided offer and request (coop-talk.ts, the Slack modal): each step's label,
 * what it expects and an example that the draft validation accepts (coop-talk.test.ts runs every
 * example through it), and the conversation's messages, in English and Spanish.
 */

/** The fields a member fills in, in the order they are asked. */
export const TALK_FIELDS = DRAFT_FIELDS;
export type TalkField = (typeof TALK_FIELDS)[number];

/** Optional steps may be skipped; the time frame is asked of requests only. */
export const OPTIONAL_FIELDS: ReadonlySet<TalkField> = new Set(['modalities', 'timeFrame']);
export const fieldsFor = (kind: CoopKind): TalkField[] =>
  TALK_FIELDS.filter((f) => f !== 'timeFrame' || kind === 'request');

/** Words that cancel, skip and confirm, in either language, folded (no accents, lower case). */
export const CANCEL_WORDS = new Set(['cancel', 'cancelar', 'stop', 'salir', 'abort']);
export const SKIP_WORDS = new Set(['skip', 'omitir', 'saltar', '-']);
export const YES_WORDS = new Set(['yes', 'y', 'si', 's', 'ok', 'save', 'guardar', 'confirm', 'confirmar']);
export const NO_WORDS = new Set(['no', 'n']);

export interface FieldWords {
  label: string;
  /** What the step expects, in a few words. */
  expects: string;
  /** One answer that works (the same for both kinds unless given per kind). */
  example: string | Record<CoopKind, string>;
}

export interface TalkWords {
  kind: Record<CoopKind, string>;
  fields: Record<TalkField, FieldWords>;
  /** "Offer, step 2 of 8: Summary" */
  stepHeading(kind: CoopKind, n: number, total: number, label: string): string;
  exampleLine(example: string): string;
  optional: string;
  /** How the conversation takes messages (every step says it). */
  howToAnswer: string;
  intro(kind: CoopKind): string;
  notNeeded: string;
  empty: string;
  tooLong(max: number): string;
  unknownValue(typed: string, noun: string, closest: string[]): string;
  unknownModality(typed: string, closest: string, all: string): string;
  nouns: { topics: string; country: string; languages: string };
  /** A bad answer: the reason, then the same step again. */
  again: string;
  summaryHeading(kind: CoopKind): string;
  confirm: string;
  confirmAgain: string;
  /** "no" at the summary: which answer to change, by its number (1–`total`) or its name. */
  whichOne(total: number): string;
  /** Changing one answer: what it is now. */
  now(value: string): string;
  none: string;
  cancelled(kind: CoopKind): string;
  saved(kind: CoopKind, id: string): string;
  bestMatches: string;
  noMatchesYet(kind: CoopKind): string;
  /** Another answer to this step was taken first (two messages at once). */
  crossed: string;
  /** The conversation ended meanwhile (saved or cancelled by the other message, or expired). */
  ended: string;
  /** In a group chat without forms: where to do it. */
  groupOnly(kind: CoopKind): string;
  /** Slack: the button that opens the form, and the form's frame (24 characters at most). */
  openForm(kind: CoopKind): string;
  formIntro(kind: CoopKind): string;
  formTitle(kind: CoopKind): string;
  formSubmit: string;
  formCancel: string;
}

const en: TalkWords = {
  kind: { offer: 'offer', request: 'request' },
  fields: {
    title: {
      label: 'Title',
      expects: 'a short name for it',
      example: {
        offer: 'How Juntos verifies co-responsibilities',
        request: 'Building an integrated social registry',
      },
    },
    summary: {
      label: 'Summary',
      expects: 'what it is, in a sentence or two',
      example: {
        offer:
          'Our team can show how the Juntos programme checks health and school attendance every two months.',
        request: 'We need help designing a social registry that links the ministries’ household data.',
      },
    },
    topics: {
      label: 'Topics',
      expects: 'one or more topics, separated by commas, in English or Spanish',
      example: 'conditional cash transfers, targeting',
    },
    country: { label: 'Country', expects: 'the country of the institution', example: 'Peru' },
    institution: {
      label: 'Institution',
      expects: 'the ministry, agency or programme',
      example: 'Ministry of Development and Social Inclusion (MIDIS)',
    },
    contact: {
      label: 'Contact',
      expects: 'who to write to: an email address',
      example: 'cooperation@midis.gob.pe',
    },
    modalities: {
      label: 'Modalities',
      expects: 'technical visit, workshop, virtual exchange, documentation or secondment',
      example: 'technical visit, virtual exchange',
    },
    languages: {
      label: 'Languages',
      expects: 'the languages you can work in',
      example: 'Spanish, English',
    },
    timeFrame: { label: 'Time frame', expects: 'when you need it', example: 'first half of 2027' },
  },
  stepHeading: (kind, n, total, label) => `New ${kind}, step ${n} of ${total}: ${label}`,
  exampleLine: (example) => `For example: ${example}`,
  optional: 'Optional: "skip" leaves it out.',
  howToAnswer:
    'Answer in one line. Until you finish, what you type here answers this step; "cancel" drops it (nothing is saved), "help" shows the step again.',
  intro: (kind) =>
    kind === 'offer'
      ? 'Let us add what your institution can share with others in the Network.'
      : 'Let us add what your institution needs help with; I will show who in the Network can help.',
  notNeeded: 'This step is needed: it cannot be skipped.',
  empty: 'The answer is empty.',
  tooLong: (max) => `That is longer than ${max} characters: shorten it.`,
  unknownValue: (typed, noun, closest) =>
    `"${typed}" is no ${noun} I know.${closest.length ? ` Did you mean ${closest.join(' or ')}?` : ''}`,
  unknownModality: (typed, closest, all) =>
    `"${typed}" is no modality I know (${all}). The closest: ${closest}.`,
  nouns: { topics: 'topic', country: 'country', languages: 'language' },
  again: 'Try this step again:',
  summaryHeading: (kind) => `Your ${kind}, to check`,
  confirm:
    'Save it? "yes" saves it; to change an answer, type its number or its name (for example "3" or "topics"); "cancel" drops it.',
  confirmAgain: 'Answer "yes" to save it, a number or a name to change that answer, or "cancel" to drop it.',
  whichOne: (total) =>
    `Which answer do you want to change? Type its number (1–${total}) or its name, for example "3" or "topics".`,
  now: (value) => `Now: ${value}`,
  none: '—',
  cancelled: (kind) => `Cancelled: the ${kind} was not saved.`,
  saved: (kind, id) => `Saved: ${kind} ${id}, open. Others in the Network see it in "${kind}s".`,
  bestMatches: 'Best matches so far:',
  noMatchesYet: (kind) =>
    `Nothing matches yet: you will hear when a ${kind === 'offer' ? 'request' : 'offer'} that fits arrives.`,
  crossed: 'Another answer to this step arrived at the same moment and was taken first.',
  ended: 'That conversation has already ended (saved, cancelled or expired).',
  groupOnly: (kind) =>
    `To add an ${kind}, write "${kind}" to me in a private chat: the steps would flood the group.`,
  openForm: (kind) => `Open the ${kind} form`,
  formIntro: (kind) => `Press the button to fill in your ${kind} in a form.`,
  formTitle: (kind) => (kind === 'offer' ? 'New offer' : 'New request'),
  formSubmit: 'Save',
  formCancel: 'Cancel',
};

const es: TalkWords = {
  kind: { offer: 'oferta', request: 'solicitud' },
  fields: {
    title: {
      label: 'Título',
      expects: 'un nombre corto',
      example: {
        offer: 'Cómo Juntos verifica las corresponsabilidades',
        request: 'Construir un registro social integrado',
      },
    },
    summary: {
      label: 'Resumen',
      expects: 'qué es, en una o dos frases',
      example: {
        offer:
          'Nuestro equipo puede mostrar cómo el programa Juntos verifica cada dos meses la asistencia a salud y escuela.',
        request:
          'Necesitamos apoyo para diseñar un registro social que una los datos de hogares de los ministerios.',
      },
    },
    topics: {
      label: 'Temas',
      expects: 'uno o más temas, separados por comas, en español o inglés',
      example: 'transferencias condicionadas, focalización',
    },
    country: { label: 'País', expects: 'el país de la institución', example: 'Perú' },
    institution: {
      label: 'Institución',
      expects: 'el ministerio, la agencia o el programa',
      example: 'Ministerio de Desarrollo e Inclusión Social (MIDIS)',
    },
    contact: {
      label: 'Contacto',
      expects: 'a quién escribir: una dirección de correo',
      example: 'cooperacion@midis.gob.pe',
    },
    modalities: {
      label: 'Modalidades',
      expects: 'visita técnica, taller, intercambio virtual, documentación o pasantía',
      example: 'visita técnica, intercambio virtual',
    },
    languages: {
      label: 'Idiomas',
      expects: 'los idiomas en que pueden trabajar',
      example: 'español, inglés',
    },
    timeFrame: { label: 'Plazo', expects: 'para cuándo lo necesitan', example: 'primer semestre de 2027' },
  },
  stepHeading: (kind, n, total, label) =>
    `${kind === 'offer' ? 'Nueva oferta' : 'Nueva solicitud'}, paso ${n} de ${total}: ${label}`,
  exampleLine: (example) => `Por ejemplo: ${example}`,
  optional: 'Opcional: "omitir" lo deja en blanco.',
  howToAnswer:
    'Responda en una línea. Hasta que termine, lo que escriba aquí responde a este paso; "cancelar" lo descarta (no se guarda nada), "ayuda" muestra el paso de nuevo.',
  intro: (kind) =>
    kind === 'offer'
      ? 'Agreguemos lo que su institución puede compartir con otras de la Red.'
      : 'Agreguemos aquello en lo que su institución necesita apoyo; le mostraré quién en la Red puede ayudar.',
  notNeeded: 'Este paso es necesario: no se puede omitir.',
  empty: 'La respuesta está vacía.',
  tooLong: (max) => `Tiene más de ${max} caracteres: acórtelo.`,
  unknownValue: (typed, noun, closest) =>
    `"${typed}" no es un ${noun} que conozca.${closest.length ? ` ¿Quiso decir ${closest.join(' o ')}?` : ''}`,
  unknownModality: (typed, closest, all) =>
    `"${typed}" no es una modalidad que conozca (${all}). La más cercana: ${closest}.`,
  nouns: { topics: 'tema', country: 'país', languages: 'idioma' },
  again: 'Responda de nuevo a este paso:',
  summaryHeading: (kind) => (kind === 'offer' ? 'Su oferta, para revisar' : 'Su solicitud, para revisar'),
  confirm:
    '¿La guardo? "sí" la guarda; para cambiar una respuesta, escriba su número o su nombre (por ejemplo "3" o "temas"); "cancelar" la descarta.',
  confirmAgain:
    'Responda "sí" para guardarla, un número o un nombre para cambiar esa respuesta, o "cancelar" para descartarla.',
  whichOne: (total) =>
    `¿Qué respuesta quiere cambiar? Escriba su número (1–${total}) o su nombre, por ejemplo "3" o "temas".`,
  now: (value) => `Ahora: ${value}`,
  none: '—',
  cancelled: (kind) => `Cancelado: la ${kind === 'offer' ? 'oferta' : 'solicitud'} no se guardó.`,
  saved: (kind, id) =>
    kind === 'offer'
      ? `Guardada: oferta ${id}, abierta. Otros miembros de la Red la ven en "ofertas".`
      : `Guardada: solicitud ${id}, abierta. Otros miembros de la Red la ven en "solicitudes".`,
  bestMatches: 'Las mejores coincidencias por ahora:',
  noMatchesYet: (kind) =>
    `Nada coincide todavía: le avisaremos cuando llegue ${kind === 'offer' ? 'una solicitud' : 'una oferta'} que encaje.`,
  crossed: 'Otra respuesta a este paso llegó en el mismo momento y se tomó primero.',
  ended: 'Esa conversación ya terminó (guardada, cancelada o caducada).',
  groupOnly: (kind) =>
    kind === 'offer'
      ? 'Para agregar una oferta, escríbame "ofrecer" en un chat privado: los pasos llenarían el grupo.'
      : 'Para agregar una solicitud, escríbame "solicitar" en un chat privado: los pasos llenarían el grupo.',
  openForm: (kind) =>
    kind === 'offer' ? 'Abrir el formulario de oferta' : 'Abrir el formulario de solicitud',
  formIntro: (kind) =>
    `Pulse el botón para completar su ${kind === 'offer' ? 'oferta' : 'solicitud'} en un formulario.`,
  formTitle: (kind) => (kind === 'offer' ? 'Nueva oferta' : 'Nueva solicitud'),
  formSubmit: 'Guardar',
  formCancel: 'Cancelar',
};

export const TALK_WORDS: Record<BotLanguage, TalkWords> = { en, es };

/** A field's example for a kind. */
export const exampleOf = (words: FieldWords, kind: CoopKind): string =>
  typeof words.example === 'string' ? words.example : words.example[kind];
