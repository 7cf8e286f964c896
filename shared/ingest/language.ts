import { expressions } from 'franc-min/expressions.js';
import type { Language } from '../domain/resource.js';

/**
 * franc's language ranking (franc-min 6, the same algorithm and the same models) for the four
 * Latin-script languages the relay knows, without the trigram models of the other 78 languages
 * franc-min carries (170 KB of every ingest bundle for models the relay never asks for).
 * test/shared/ingest/language.test.ts holds it to franc-min: the models below must equal
 * franc-min's, and the rankings must match `francAll(text, { only, minLength })` on a mixed corpus.
 *
 * How it ranks: the script whose characters occur most in the text is found with franc-min's
 * own expressions; unless it is Latin, the answer is undetermined (`und`). Otherwise the text's
 * trigrams are compared with each model (its 300 most frequent trigrams, in order) as franc does;
 * the smaller the summed distance, the likelier the language, and the distances are normalised
 * to scores in 0..1 (1 for the best).
 */

/**
 * franc-min's trigram models (data.js, `Latin`), most frequent first, in data.js's order (ties
 * rank in it).
 */
const MODELS: Record<string, string> = {
  spa: ' de|de |os | la| a |la | y |ón |ión|es |ere|rec|ien|o a|der|ció|cho|ech|en |a p|ent|a l|aci|el |na |ona|e d| co|as |da | to|al |ene| en|tod| pe|e l| el|ho |nte| su|per|a t|ad | ti|ers|tie| se|rso|son|e s| pr|o d|oda|te |cia|n d| es|dad|ida| in|ne |est|ion|cio|s d|con|a e| po|men| li|n e|nci|res|su |to |tra| re| lo|tad| na|los|a s| o |ia |que| pa|rá |pro| un|s y|ual|s e|lib|nac|do |ra |er |a d|ue | qu|e e|sta|nal|ar |nes|ica|a c|ser|or |ter|se |por|cci|io |del|l d|des|ado|les|one|a a|ndi| so| cu|s p|ale|s n|ame|par|ici|oci|una|ber|s t|rta|com| di|dos|e a|imi|o s|e c|ert|las|o p|ant|dic|nto| al|ara|ibe|enc|o e|s l|cas| as|e p|ten|ali|o t|soc|y l|n c|nta|so |tos|y a|ria|n t|die|a u| fu|no |l p|ial|qui|dis|s o|hos|gua|igu| ig| ca|sar|l t| ma|l e|pre| ac|tiv|s a|re |nad|vid|era| tr|ier|cua|n p|ta |cla|ade|bre|s s|esa|ntr|ecc|a i| le|lid|das|d d|ido|ari|ind|ada|nda|fun|mie|ca |tic|eli|y d|nid|e i|odo|ios|o y|esp|iva|y e|mat|bli|r a|drá|tri|cti|tal|rim|ont|erá|us |sus|end|pen|tor|ito|ond|ori|uie|lig|n a|ist|rac|lar|rse|tar|mo |omo|ibr|n l|edi|med| me|nio|a y|eda|isf|lo |aso|l m|ias|ico|lic|ple|ste|act|tec|ote|rot|ele|ura| ni|ie |adi|u p|seg|s i|un |und|a n|lqu|alq|o i|inc|sti| si|n s|ern',
  eng: 'the| th| an|he |nd |ion|and| to|to |tio| of|on |of | in|al |ati|or |ght|igh|rig| ri|ne |ent|one|ll |is |as |ver|ed | be|e r|in |t t|all|eve|ht | or|ery|s t|ty | ev|e h|yon| ha|ryo|e a|be |his| fr|ng |d t|has| sh|ing| hi|sha| pr| co| re|hal|nal|y a|s a|n t|ce |men|ree|fre|e s|l b|nat|for|ts |nt |n a|ity|ry |her|nce|ect|d i| pe|pro|n o|cti| fo|e e|ly |es | no|ona|ny |any|er |re |f t|e o| de|s o| wi|ter|nte|e i|ons| en| ar|res|ers|y t|per|d f| a | on|ith|l a|e t|oci|soc|lit| as| se|dom|edo|eed|nti|s e|t o|oth|wit| di|equ|t a|ted|st |y o|int|e p| ma| so| na|l o|e c|ch |d a|enc|th |are|ns |ic | un| fu|tat|ial|cia| ac|hts|nit|qua| eq| al|om |e w|d o|f h|ali|ote|n e| wh|r t|sta|ge |thi|o a|tit|ual|an |te |ess| ch|le |ary|e f|by | by|y i|tec|uni|o t|o o| li|no | la|s r| su|inc|led|rot|con| pu| he|ere|imi|r a|ntr| st| ot|eli|age|dis|s d|tle|itl|hou|son|duc|edu| wo|ate|ble|ces|at | at| fa|com|ive|o s|eme|o e|aw |law|tra|und|pen|nde|unt|oun|n s|s f|f a|tho|ms | is|act|cie|cat|uca| ed|anc|wor|ral|t i| me|o f|ily|pri|ren|ose|s c|en |d n|l c|ful|rar|nta|nst| ag|l p|min|din|sec|y e| tr|rso|ich|hic|whi|cou|ern|uri|r o|tic|iti|igi|lig|rat|rth|t f|oms|rit|d r|ee |e b|era|rou|se |ay |rs | ho|abl|e u',
  por: 'de | de| se|ão |os |to |em | e |do |o d| di|er |ito|eit|ser|ent|ção| a |dir|ire|rei|o s|ade|dad|uma|as |no |e d| to|nte| co|o t|tod| ou|men|que|s e|man| pr| in| qu|es | te|hum|odo|e a|da | hu|ano|te |al |tem|o e|s d|ida|m d| pe| re|o a|ou |r h|e s|cia|a e| li|o p| es|res| do| da| à |ual| em| su|açã|dos|a p|tra|est|ia |con|pro|ar |e p|is | na|rá |qua|a d| pa|com|ais|o c|ame|erá| po|uer|sta|ber|ter| o |ess|ra |e e|das|o à|nto|nal|o o|a c|ido|rda|erd| as|nci|sua|ona|des|ibe|lib|e t|ado|s n|ua |s t|ue | so|ica|ma |lqu|alq|tos|m s|a l|per|ada|oci|soc|cio|a n|par|aci|s a|pre|ont|m o|ura|a s| um|ion|e o|or |e r|pel|nta|ntr|a i|io |nac|ênc|str|ali|ria|nst| tr|a q|int|o n|a o|ca |ela|uçã|lid|e l| at|sen|ese|r d|s p|egu|seg|vid|pri|sso|ém |ime|tic|dis|raç|eci|ara| ca|nid|tru|ões|ass|seu|por|a a|m p| ex|so |r i|eçã|teç|ote|rot| le| ma|ing|a t|ran|era|rio|l d|eli|ça |sti| ne|cid|ern|utr|out|r e|e c|tad|gua|igu| ig| os|s o|ruç|ins|çõe|ios| fa|e n|sse| no|re |art|r p|rar|u p|inc|lei|cas|ico|uém|gué|ngu|nin| ni|gur|la |pen|nça|na |içã|ião|cie|ist|sem|ta |ele|e f|om |tro| ao|rel|m a|s s|tar|eda|ied|uni|e m|s i|a f|ias| cu| ac|r a|á a|rem|ei |omo|rec|for|s f|esc|ant|à s| vi|o q|ver|a u|nda|und|fun',
  fra: ' de|es |de |ion|nt |tio|et |ne |on | et|ent|le |oit|e d| la|e p|la |it | à |t d|roi|dro| dr| le|té |e s|ati|te |re | to|s d|men|tou|e l|ns | pe| co|son|que| au| so|e a|onn|out| un| qu| sa| pr|ute|eme| l’|t à| a |e e|con|des| pa|ue |ers|e c| li|a d|per|ont|s e|t l|les|ts |tre|s l|ant| ou|cti|rso|ou |ce |ux |à l|nne|ons|ité|en |un | en|er |une|n d|sa |lle| in|nte|e t| se|lib|res|a l|ire| d’| re|é d|nat|iqu|ur |r l|t a|s s|aux|par|nal|a p|ans|dan|qui|t p| dé|pro|s p|air| ne| fo|ert|s a|nce|au |ui |ect|du |ond|ale|lit| po|san| ch|és | na|us |com|our|ali|tra| ce|al |e o|e n|rté|ber|ibe|tes|r d|e r|its| di|êtr|pou|été|s c|à u|ell|int|fon|oci|soc|ut |ter| da|aut|ien|rai| do|iss|s n| ma|bli|ge |est|s o| du|ona|n p|pri|rs |éga| êt|ous|ens|ar |age|s t| su|cia|u d|cun|rat| es|ir |n c|e m| ét|t ê|a c| ac|ote|n t|ein| tr|a s|ndi|e q|sur|ée |ser|l n| pl|anc|lig|t s|n e|s i|t e| ég|ain|omm|act|ntr|tec|gal|ul | nu| vi|me |nda|ind|soi|st | te|pay|tat|era|il |rel|n a|dis|n s|pré|peu|rit|é e|t é|bre|sen|ill|l’a|d’a| mo|ass|lic|art| pu|abl|nta|t c|rot| on| lo|ure|l’e|ava|ten|nul|ivi|t i|ess|ys |ays| fa|ine|eur|rés|cla|tés|oir|eut|e f|utr|doi|ibr|ais|ins|éra|’en|iét|l e|s é|nté| ré|ssi| as|nse|ces|é a',
};

const MAX_LENGTH = 2048;
const MIN_LENGTH = 10;
const MAX_DIFFERENCE = 300;

/** A language code (ISO 639-3, or `und`) and its score. */
export type LanguageScore = [code: string, score: number];

const UNDETERMINED: LanguageScore[] = [['und', 1]];

/** Trigram → rank in the model, built on first use. */
let ranks: Map<string, Map<string, number>> | undefined;

function modelRanks(): Map<string, Map<string, number>> {
  ranks ??= new Map(
    Object.entries(MODELS).map(([code, model]) => [
      code,
      new Map(model.split('|').map((trigram, rank) => [trigram, rank])),
    ]),
  );
  return ranks;
}

/** The script whose characters occur most (franc's `getTopScript`), and its share. */
function topScript(value: string): [script: string | undefined, share: number] {
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) {
      topShare = share;
      top = script;
    }
  }
  return [top, topShare];
}

/** The text's trigrams with their counts, least frequent first (trigram-utils' `asTuples`). */
function trigramCounts(value: string): [string, number][] {
  const cleaned = ` ${value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1]);
}

/** franc's distance: for each of the text's trigrams, |count - rank - 1| if the model has it, else 300. */
function distance(trigrams: [string, number][], model: Map<string, number>): number {
  let sum = 0;
  for (const [trigram, count] of trigrams) {
    const rank = model.get(trigram);
    sum += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
  }
  return sum;
}

/**
 * Every allowed language with its score, best first, as franc-min's `francAll(value, { only,
 * minLength })` ranks them; `[['und', 1]]` when the text is too short or not mostly Latin script.
 * `only` (empty: all) picks among the four languages above; others have no model here.
 */
export function rankLanguages(
  value: string,
  options: { only?: readonly string[]; minLength?: number } = {},
): LanguageScore[] {
  if (!value || value.length < (options.minLength ?? MIN_LENGTH)) return UNDETERMINED;
  const sample = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(sample);
  if (script !== 'Latin' || share === 0) return UNDETERMINED;
  const only = options.only?.length ? options.only : Object.keys(MODELS);
  const models = [...modelRanks()].filter(([code]) => only.includes(code));
  if (models.length === 0) return UNDETERMINED;
  const trigrams = trigramCounts(sample);
  const distances: LanguageScore[] = models
    .map(([code, model]): LanguageScore => [code, distance(trigrams, model)])
    .sort((a, b) => a[1] - b[1]);
  const min = distances[0]![1];
  const max = sample.length * MAX_DIFFERENCE - min;
  return distances.map(([code, d]) => [code, 1 - (d - min) / max || 0]);
}

// ---------- detection for the normaliser: an item, and a feed that declares no language ----------

const FRANC_CODES: Record<string, Language> = { eng: 'en', spa: 'es', por: 'pt', fra: 'fr' };
const FRANC_ONLY = Object.keys(FRANC_CODES);

/** Under this many characters, a text has few trigrams: a language must lead it by far. */
const SHORT_TEXT = 120;

/**
 * How far (in franc's 0..1 scores) the best language must lead the runner-up. Portuguese and
 * French are rarer in the region than Spanish and English, and an English title easily scores
 * French ("Early childhood development: lessons from Chile Crece Contigo."): they need more.
 */
function requiredLead(language: Language, length: number): number {
  const rare = language === 'pt' || language === 'fr';
  if (length < SHORT_TEXT) return rare ? 0.14 : 0.08;
  return rare ? 0.05 : 0.03;
}

/** Detected language of a text long enough to tell, when one language clearly leads. */
export const detectLanguage = (text: string): Language | undefined => detectIn(text, 600);

/** The language of the first `max` characters of a text, when one language clearly leads. */
export function detectIn(text: string, max: number): Language | undefined {
  if (text.length < 40) return undefined;
  const sample = text.slice(0, max);
  const [best, second] = rankLanguages(sample, { only: FRANC_ONLY, minLength: 40 });
  if (!best || best[0] === 'und') return undefined;
  const language = FRANC_CODES[best[0]];
  if (!language || (second && best[1] - second[1] < requiredLead(language, sample.length))) return undefined;
  return language;
}
