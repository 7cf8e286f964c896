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

const en = {
  portal: 'IASPN Knowledge Portal',
  lang: 'en',
  otherLanguage: { code: 'es', label: 'Español' },
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
    types: 'Types (none ticked: all)',
    topics: 'Topics (ids, comma-separated; empty: all)',
    countries: 'Countries (ISO codes such as BR, MX; empty: all)',
    contentLanguages: 'Languages of the content (none ticked: all)',
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
    types: 'Tipos (ninguno marcado: todos)',
    topics: 'Temas (ids separados por comas; vacío: todos)',
    countries: 'Países (códigos ISO como BR, MX; vacío: todos)',
    contentLanguages: 'Idiomas del contenido (ninguno marcado: todos)',
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
  },
};

export const STRINGS: Record<DigestLanguage, Strings> = { en, es };
