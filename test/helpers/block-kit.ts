import type { SlackBlock } from '#shared/chat/slack/render.js';

/**
 * What breaks Block Kit's documented limits (api.slack.com/reference/block-kit) in a message's or a
 * Home view's rendered blocks: empty when nothing does.
 */
export function blockKitProblems(blocks: SlackBlock[], maxBlocks = 50): string[] {
  const problems: string[] = [];
  const text = (t: unknown, max: number, where: string) => {
    const o = t as { type?: string; text?: string } | undefined;
    if (!o || (o.type !== 'mrkdwn' && o.type !== 'plain_text')) problems.push(`${where}: not a text object`);
    else if (!o.text || o.text.length > max)
      problems.push(`${where}: ${o.text?.length ?? 0} characters (max ${max})`);
  };
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  for (const [i, b] of blocks.entries()) {
    const where = `block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string' && b.block_id.length > 255) problems.push(`${where}: block_id`);
    switch (b.type) {
      case 'header':
        text(b.text, 150, where);
        if ((b.text as { type?: string }).type !== 'plain_text')
          problems.push(`${where}: header not plain_text`);
        break;
      case 'section':
        text(b.text, 3000, where);
        if (Array.isArray(b.fields) && b.fields.length > 10) problems.push(`${where}: fields`);
        if (b.accessory) button(b.accessory, `${where} accessory`);
        break;
      case 'context': {
        const elements = b.elements as unknown[];
        if (!elements?.length || elements.length > 10)
          problems.push(`${where}: ${elements?.length} elements`);
        for (const e of elements ?? []) text(e, 2000, where);
        break;
      }
      case 'actions': {
        const elements = b.elements as unknown[];
        if (!elements?.length || elements.length > 25)
          problems.push(`${where}: ${elements?.length} elements`);
        for (const e of elements ?? []) button(e, where);
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  }
  function button(e: unknown, where: string) {
    const b = e as { type?: string; text?: unknown; value?: string; action_id?: string; url?: string };
    if (b.type !== 'button') return problems.push(`${where}: not a button`);
    text(b.text, 75, `${where} button`);
    if ((b.value?.length ?? 0) > 2000) problems.push(`${where}: value`);
    if (!b.action_id || b.action_id.length > 255) problems.push(`${where}: action_id`);
    if (b.url && b.url.length > 3000) problems.push(`${where}: url`);
  }
  return problems;
}

/** What breaks a modal's limits: title, submit and close 24 characters, input blocks' labels and hints. */
export function modalProblems(view: SlackBlock): string[] {
  const problems: string[] = [];
  const text = (t: unknown, max: number, where: string) => {
    const o = t as { type?: string; text?: string } | undefined;
    if (o?.type !== 'plain_text' || !o.text || o.text.length > max)
      problems.push(`${where}: ${o?.text?.length ?? 0} characters of plain_text (max ${max})`);
  };
  if (view.type !== 'modal') problems.push('not a modal');
  if (typeof view.callback_id !== 'string' || view.callback_id.length > 255) problems.push('callback_id');
  for (const part of ['title', 'submit', 'close']) text(view[part], 24, part);
  const blocks = (view.blocks ?? []) as SlackBlock[];
  if (!blocks.length || blocks.length > 100) problems.push(`${blocks.length} blocks`);
  for (const [i, b] of blocks.entries()) {
    const where = `block ${i} (${String(b.type)})`;
    if (b.type !== 'input') {
      problems.push(...blockKitProblems([b]).map((p) => `${where}: ${p}`));
      continue;
    }
    text(b.label, 2000, `${where} label`);
    if (b.hint) text(b.hint, 2000, `${where} hint`);
    const element = b.element as SlackBlock | undefined;
    if (!element?.action_id || String(element.action_id).length > 255) problems.push(`${where}: action_id`);
    if (element?.placeholder) text(element.placeholder, 150, `${where} placeholder`);
    if (typeof element?.max_length === 'number' && element.max_length > 3000)
      problems.push(`${where}: max_length`);
  }
  return problems;
}
