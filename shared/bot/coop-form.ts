import { encodeAction } from '../chat/actions.js';
import type { ChatContext } from '../chat/context.js';
import type { BotLanguage } from '../chat/i18n.js';
import { type CoopForm, type CoopFormOutcome, paragraph, textReply } from '../chat/reply.js';
import type { CoopKind } from '../coop/entry.js';
import { type CommandEnv, defineCommand } from './commands/command.js';
import { issueText, savedBlocks, saveFromChat, startTalk } from './coop-talk.js';
import { exampleOf, fieldsFor, OPTIONAL_FIELDS, TALK_WORDS, type TalkField } from './coop-talk-words.js';

/**
 * The offer or request as one form (the Slack modal): the conversation's fields, labels, what each
 * expects and its example; submitted, the draft validation decides (the one filter language), and
 * a refusal comes back on each field with the reason and the closest value, nothing saved.
 */

const MAX_LENGTH: Record<TalkField, number> = {
  title: 200,
  summary: 2000,
  topics: 500,
  country: 100,
  institution: 200,
  contact: 200,
  modalities: 300,
  languages: 200,
  timeFrame: 200,
};

export function coopFormOf(kind: CoopKind, lang: BotLanguage): CoopForm {
  const w = TALK_WORDS[lang];
  return {
    kind: 'coop',
    entryKind: kind,
    language: lang,
    title: w.formTitle(kind),
    submit: w.formSubmit,
    cancel: w.formCancel,
    fields: fieldsFor(kind).map((name) => {
      const f = w.fields[name];
      return {
        name,
        label: f.label,
        hint: `${f.expects.replace(/^./, (c) => c.toUpperCase())}.`,
        placeholder: exampleOf(f, kind),
        optional: OPTIONAL_FIELDS.has(name),
        multiline: name === 'summary',
        maxLength: MAX_LENGTH[name],
      };
    }),
  };
}

export async function submitCoopForm(
  env: CommandEnv,
  ctx: ChatContext,
  form: { kind: CoopKind; language: BotLanguage; values: Record<string, string> },
): Promise<CoopFormOutcome> {
  const raw: Record<string, string> = { kind: form.kind };
  for (const field of fieldsFor(form.kind)) raw[field] = form.values[field] ?? '';
  const saved = await saveFromChat(env, ctx, raw, form.language);
  if ('issues' in saved) {
    const errors: Record<string, string> = {};
    const fields: readonly string[] = fieldsFor(form.kind);
    for (const issue of saved.issues) {
      // Every problem of a member's field is shown on it; anything else (none expected) on the title.
      const at = fields.includes(issue.field) ? issue.field : 'title';
      const said = issueText(issue, form.language);
      errors[at] = errors[at] ? `${errors[at]} ${said}` : said;
    }
    return { errors };
  }
  const blocks = await savedBlocks(env, saved.entry, form.language);
  const summary = TALK_WORDS[form.language].saved(form.kind, saved.entry.id);
  return { reply: { blocks, summary, private: true } };
}

/**
 * `offer` / `ofrecer` and `request` / `solicitar`: where the face has forms, a button that opens
 * one (a slash command opens it at once: shared/chat/slack/app.ts); in a private chat, the guided
 * conversation (coop-talk.ts); in a group without forms, where to do it instead.
 */
export function coopAddCommand(name: 'offer' | 'request', kind: CoopKind) {
  return defineCommand([name], async ({ env, ctx, lang }) => {
    const w = TALK_WORDS[lang];
    if (ctx.forms) {
      const action = await encodeAction(env.store, { type: 'coopForm', kind, language: lang }, env.now());
      return {
        blocks: [
          paragraph(w.formIntro(kind)),
          { kind: 'buttons', buttons: [{ label: w.openForm(kind), action }] },
        ],
        summary: w.formIntro(kind),
        private: true,
      };
    }
    if (ctx.conversation === 'group') return textReply(w.groupOnly(kind), { private: true });
    return startTalk(env, ctx, kind, lang);
  });
}
