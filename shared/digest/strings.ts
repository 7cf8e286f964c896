import type { Language, ResourceType } from '../domain/resource.js';
import type { DigestLanguage, Frequency } from './model.js';

/** Every user-facing string of the emails and pages, in English and Spanish. */

export type SectionId = 'documents' | 'news' | 'events' | 'media';
export const SECTION_ORDER: SectionId[] = ['documents', 'news', 'events', 'media'];

/** Which digest section a resource type goes in; highlights have their own box. */
export const SECTION_OF: Record<ResourceType, SectionId | undefined> = {
  document: 'documents',
  news: 'news',
  event: 'events',
  video: 'media',
  audio: 'media',
  photo: 'media',
  highlight: undefined,
};

/** The fields of the subscribe and preferences forms (shared/digest/form.ts). */
export type FormFieldName =
  | 'email'
  | 'language'
  | 'frequency'
  | 'topics'
  | 'countries'
  | 'types'
  | 'languages'
  | 'partners'
  | 'keywords';

/** "a, b or c" (the conjunction in the strings' language). */
function orList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

const en = {
  portal: 'IASPN Knowledge Portal',
  lang: 'en',
  otherLanguage: { code: 'es' as DigestLanguage, label: 'Español' },
  sections: { documents: 'Documents', news: 'News', events: 'Events', media: 'Media' } as Record<
    SectionId,
    string
  >,
  types: {
    news: 'News',
    document: 'Document',
    video: 'Video',
    audio: 'Audio',
    photo: 'Photo',
    event: 'Event',
    highlight: 'Partner highlight',
  } as Record<ResourceType, string>,
  contentLanguages: { en: 'English', es: 'Spanish', pt: 'Portuguese', fr: 'French' } as Record<
    Language,
    string
  >,
  frequencies: { daily: 'Daily', weekly: 'Weekly' } as Record<Frequency, string>,
  digestSubject: (count: number, first: string) =>
    count === 1 ? `IASPN digest: ${first}` : `IASPN digest: ${first} and ${count - 1} more`,
  digestIntro: (count: number) =>
    count === 1 ? 'One new resource matches your interests.' : `${count} new resources match your interests.`,
  digestHeading: "What's new for you",
  highlight: 'Partner highlight of the month',
  upcomingEvents: 'Upcoming events',
  upcomingIntro: 'In the next 30 days, matching your interests (announced before or not):',
  coopSection: 'Cooperation: offers and requests',
  coopIntro: 'New in the cooperation exchange, on the topics you follow:',
  coopKinds: { offer: 'Offer', request: 'Request' } as Record<'offer' | 'request', string>,
  coopSubject: (count: number, first: string) =>
    count === 1
      ? `IASPN digest: cooperation, ${first}`
      : `IASPN digest: cooperation, ${first} and ${count - 1} more`,
  register: 'Register',
  addToCalendar: 'Add to calendar',
  more: (n: number) => `See ${n} more`,
  read: 'Read',
  manage: 'Change your preferences',
  unsubscribe: 'Unsubscribe',
  footer: 'You receive this digest because you subscribed to the IASPN Knowledge Portal.',
  confirmSubject: 'Confirm your IASPN digest subscription',
  confirmBody:
    'Someone (hopefully you) asked to receive IASPN Knowledge Portal digests at this address. To confirm, open the link below and press the button. If it was not you, ignore this email: nothing will be sent.',
  confirmAction: 'Confirm my subscription',
  alreadySubject: 'Your IASPN digest subscription',
  alreadyBody:
    'Someone asked to subscribe this address to IASPN digests. It is already subscribed; nothing changed. To change your topics, language or frequency, use the link below.',
  pages: {
    subscribeTitle: 'Subscribe to the IASPN digest',
    subscribeLead: 'New documents, news, events and media from the network, by email. You choose what.',
    email: 'Email address',
    language: 'Language of the email',
    frequency: 'How often',
    choose: 'What you want to receive',
    types: 'Types',
    topics: 'Topics',
    countries: 'Countries',
    countriesSummary: (n: number) => (n === 0 ? 'Countries: all' : `Countries: ${n} chosen`),
    contentLanguages: 'Languages of the content',
    partners: 'Partners',
    partnersSummary: (n: number) => (n === 0 ? 'Partners: all' : `Partners: ${n} chosen`),
    noneIsAll: 'None ticked: all.',
    keywords: 'Keywords (optional)',
    keywordsHint:
      'Words a resource must mention, "a phrase" in quotes, -word to leave out. English and Spanish both count: cash transfers also finds transferencias monetarias.',
    errorSummary: (n: number) => (n === 1 ? 'One thing to fix:' : `${n} things to fix:`),
    errors: {
      noun: {
        email: 'email address',
        language: 'language of the email',
        frequency: 'frequency',
        topics: 'topic',
        countries: 'country',
        types: 'type',
        languages: 'language',
        partners: 'partner',
        keywords: 'keywords',
      } as Record<FormFieldName, string>,
      unknown: (typed: string, noun: string, suggestions: string[]) =>
        suggestions.length
          ? `${typed} is not a ${noun} we know. Did you mean ${orList(suggestions, 'or')}?`
          : `${typed} is not a ${noun} we know: choose from the list.`,
      notAChoice: (values: string[], noun: string) =>
        `${orList(values, 'and')} ${values.length === 1 ? 'is not a' : 'are not'} ${noun}${values.length === 1 ? '' : 's'} you can choose here.`,
      stale: (value: string, noun: string) => `${value} is no longer a ${noun} we know: saving drops it.`,
      notAList: (noun: string) => `Give the ${noun} values as a list of names.`,
      notAnObject: 'The filter must be an object of lists.',
      unknownField: (key: string) => `${key} is not something you can choose.`,
      keywordsTooLong: (max: number) => `Keywords can be at most ${max} characters long.`,
      keywordsTooCommon:
        'These words are too common to choose anything: type other words, or leave the field empty.',
      noDates: 'A digest always brings what is new, so dates have no place here.',
      email: 'Enter an email address like name@example.org.',
      formExpired: 'This form had expired. Your choices are kept: press the button again.',
    },
    subscribe: 'Subscribe',
    checkEmailTitle: 'Check your email',
    checkEmail:
      'If the address can receive our digests, a confirmation email is on its way. Open the link in it to confirm.',
    rateLimitedTitle: 'Please wait',
    rateLimited: 'Too many requests for now. Try again later.',
    serverError: 'Something went wrong on our side. Try again in a few minutes.',
    invalidTitle: 'Something is not right',
    invalidInput: 'Please check the form:',
    confirmTitle: 'Confirm your subscription',
    confirmLead: 'Press the button to start receiving the IASPN digest.',
    confirmedTitle: 'Subscription confirmed',
    confirmed: 'Thank you. Your first digest comes when there is something new for you.',
    badLinkTitle: 'This link does not work',
    badLink: 'The link is invalid or has expired. You can subscribe again from the form.',
    preferencesTitle: 'Your digest preferences',
    save: 'Save',
    savedTitle: 'Preferences saved',
    saved: 'Your changes are saved.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeLead: 'Press the button to stop receiving the IASPN digest at this address.',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribed: 'You will not receive any more digests. You can subscribe again at any time.',
    digestTitle: 'All resources of this digest',
    noLongerActive: 'This subscription is no longer active.',
    privacy:
      'We store your email address, your choices and when you subscribed, only to send this digest. Every digest has links to change your choices or to unsubscribe.',
    subscribeAgain: 'Subscribe again',
    chosen: (what: string, frequency: string) => `You chose: ${what} (${frequency.toLowerCase()}).`,
    preview: (n: number) =>
      n === 0
        ? 'Nothing in the last 30 days matches these choices: the digest may be quiet for a while.'
        : `In the last 30 days these choices would have brought ${n} ${n === 1 ? 'resource' : 'resources'}.`,
  },
};

export type Strings = typeof en;

const es: Strings = {
  portal: 'Portal de Conocimiento de la RIPSO',
  lang: 'es',
  otherLanguage: { code: 'en', label: 'English' },
  sections: { documents: 'Documentos', news: 'Noticias', events: 'Eventos', media: 'Multimedia' },
  types: {
    news: 'Noticia',
    document: 'Documento',
    video: 'Video',
    audio: 'Audio',
    photo: 'Foto',
    event: 'Evento',
    highlight: 'Socio destacado',
  },
  contentLanguages: { en: 'inglés', es: 'español', pt: 'portugués', fr: 'francés' },
  frequencies: { daily: 'Diaria', weekly: 'Semanal' },
  digestSubject: (count, first) =>
    count === 1 ? `Resumen RIPSO: ${first}` : `Resumen RIPSO: ${first} y ${count - 1} más`,
  digestIntro: (count) =>
    count === 1
      ? 'Un recurso nuevo coincide con sus intereses.'
      : `${count} recursos nuevos coinciden con sus intereses.`,
  digestHeading: 'Novedades para usted',
  highlight: 'Socio destacado del mes',
  upcomingEvents: 'Próximos eventos',
  upcomingIntro: 'En los próximos 30 días, según sus intereses (anunciados antes o no):',
  coopSection: 'Cooperación: ofertas y solicitudes',
  coopIntro: 'Novedades del intercambio de cooperación, sobre los temas que sigue:',
  coopKinds: { offer: 'Oferta', request: 'Solicitud' },
  coopSubject: (count, first) =>
    count === 1
      ? `Resumen RIPSO: cooperación, ${first}`
      : `Resumen RIPSO: cooperación, ${first} y ${count - 1} más`,
  register: 'Inscripción',
  addToCalendar: 'Añadir al calendario',
  more: (n) => `Ver ${n} más`,
  read: 'Leer',
  manage: 'Cambiar sus preferencias',
  unsubscribe: 'Cancelar la suscripción',
  footer: 'Recibe este resumen porque se suscribió al Portal de Conocimiento de la RIPSO.',
  confirmSubject: 'Confirme su suscripción al resumen de la RIPSO',
  confirmBody:
    'Alguien (esperamos que usted) pidió recibir los resúmenes del Portal de Conocimiento de la RIPSO en esta dirección. Para confirmar, abra el enlace y pulse el botón. Si no fue usted, ignore este mensaje: no se enviará nada.',
  confirmAction: 'Confirmar mi suscripción',
  alreadySubject: 'Su suscripción al resumen de la RIPSO',
  alreadyBody:
    'Alguien pidió suscribir esta dirección a los resúmenes de la RIPSO. Ya está suscrita; no cambió nada. Para cambiar temas, idioma o frecuencia, use el enlace.',
  pages: {
    subscribeTitle: 'Suscríbase al resumen de la RIPSO',
    subscribeLead:
      'Documentos, noticias, eventos y multimedia nuevos de la red, por correo. Usted elige qué.',
    email: 'Correo electrónico',
    language: 'Idioma del correo',
    frequency: 'Frecuencia',
    choose: 'Lo que desea recibir',
    types: 'Tipos',
    topics: 'Temas',
    countries: 'Países',
    countriesSummary: (n) => (n === 0 ? 'Países: todos' : `Países: ${n} elegidos`),
    contentLanguages: 'Idiomas del contenido',
    partners: 'Socios',
    partnersSummary: (n) => (n === 0 ? 'Socios: todos' : `Socios: ${n} elegidos`),
    noneIsAll: 'Ninguno marcado: todos.',
    keywords: 'Palabras clave (opcional)',
    keywordsHint:
      'Palabras que un recurso debe mencionar, "una frase" entre comillas, -palabra para excluir. Vale en español y en inglés: transferencias monetarias también encuentra cash transfers.',
    errorSummary: (n) => (n === 1 ? 'Una cosa por corregir:' : `${n} cosas por corregir:`),
    errors: {
      noun: {
        email: 'dirección de correo',
        language: 'idioma del correo',
        frequency: 'valor de frecuencia',
        topics: 'tema',
        countries: 'país',
        types: 'tipo',
        languages: 'idioma',
        partners: 'socio',
        keywords: 'palabras clave',
      },
      unknown: (typed, noun, suggestions) =>
        suggestions.length
          ? `${typed} no es un ${noun} que conozcamos. ¿Quiso decir ${orList(suggestions, 'o')}?`
          : `${typed} no es un ${noun} que conozcamos: elija de la lista.`,
      notAChoice: (values, noun) =>
        values.length === 1
          ? `${values[0]} no es un ${noun} que se pueda elegir aquí.`
          : `${orList(values, 'y')} no son opciones de ${noun} que se puedan elegir aquí.`,
      stale: (value, noun) => `${value} ya no es un ${noun} que conozcamos: al guardar se quitará.`,
      notAList: (noun) => `Indique los valores de ${noun} como una lista de nombres.`,
      notAnObject: 'El filtro debe ser un objeto de listas.',
      unknownField: (key) => `${key} no es algo que se pueda elegir.`,
      keywordsTooLong: (max) => `Las palabras clave pueden tener como máximo ${max} caracteres.`,
      keywordsTooCommon:
        'Estas palabras son demasiado comunes para elegir algo: escriba otras palabras o deje el campo vacío.',
      noDates: 'Un resumen siempre trae lo nuevo, así que aquí no caben fechas.',
      email: 'Escriba una dirección de correo como nombre@ejemplo.org.',
      formExpired: 'El formulario había caducado. Sus elecciones se mantienen: pulse el botón otra vez.',
    },
    subscribe: 'Suscribirme',
    checkEmailTitle: 'Revise su correo',
    checkEmail:
      'Si la dirección puede recibir nuestros resúmenes, le llegará un correo de confirmación. Abra el enlace para confirmar.',
    rateLimitedTitle: 'Espere un momento',
    rateLimited: 'Demasiadas solicitudes por ahora. Inténtelo más tarde.',
    serverError: 'Algo falló de nuestro lado. Inténtelo de nuevo en unos minutos.',
    invalidTitle: 'Algo no está bien',
    invalidInput: 'Revise el formulario:',
    confirmTitle: 'Confirme su suscripción',
    confirmLead: 'Pulse el botón para empezar a recibir el resumen de la RIPSO.',
    confirmedTitle: 'Suscripción confirmada',
    confirmed: 'Gracias. Su primer resumen llegará cuando haya algo nuevo para usted.',
    badLinkTitle: 'Este enlace no funciona',
    badLink: 'El enlace no es válido o ha caducado. Puede suscribirse de nuevo desde el formulario.',
    preferencesTitle: 'Preferencias del resumen',
    save: 'Guardar',
    savedTitle: 'Preferencias guardadas',
    saved: 'Sus cambios están guardados.',
    unsubscribeTitle: 'Cancelar la suscripción',
    unsubscribeLead: 'Pulse el botón para dejar de recibir el resumen de la RIPSO en esta dirección.',
    unsubscribedTitle: 'Suscripción cancelada',
    unsubscribed: 'No recibirá más resúmenes. Puede suscribirse de nuevo cuando quiera.',
    digestTitle: 'Todos los recursos de este resumen',
    noLongerActive: 'Esta suscripción ya no está activa.',
    privacy:
      'Guardamos su dirección de correo, sus elecciones y cuándo se suscribió, solo para enviarle este resumen. Cada resumen tiene enlaces para cambiar sus elecciones o cancelar la suscripción.',
    subscribeAgain: 'Suscribirse de nuevo',
    chosen: (what: string, frequency: string) => `Eligió: ${what} (${frequency.toLowerCase()}).`,
    preview: (n: number) =>
      n === 0
        ? 'Nada de los últimos 30 días coincide con estas elecciones: el resumen puede tardar en traer algo.'
        : `En los últimos 30 días estas elecciones habrían traído ${n} ${n === 1 ? 'recurso' : 'recursos'}.`,
  },
};

export const STRINGS: Record<DigestLanguage, Strings> = { en, es };
