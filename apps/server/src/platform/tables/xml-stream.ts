import { SaxesParser } from 'saxes';
import { refuse } from './table-limits.ts';

interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** The local part of a tag name: some writers prefix the spreadsheet namespace («x:row»). */
const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/**
 * Feeds an entry's bytes to a SAX parser. The decoder keeps the bytes of a character cut at a chunk
 * border until the next chunk, so Cyrillic text is whole. Yields after each chunk, so the caller can
 * hand on what the handlers collected before more is read.
 */
export async function* parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => handlers.open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(local(tag.name)));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const write = (text: string) => {
    try {
      parser.write(text);
    } catch (e) {
      if ((e as { code?: string }).code) throw e;
      throw refuse.unreadableXlsx('повреждена разметка листа');
    }
  };
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw refuse.unreadableXlsx('текст не в UTF-8');
    }
    if (text) write(text);
    yield;
  }
  try {
    write(decoder.decode());
    parser.close();
  } catch (e) {
    if ((e as { code?: string }).code) throw e;
    throw refuse.unreadableXlsx('файл оборван');
  }
}

/** Runs a whole (small) entry through the handlers. */
export async function parseXmlEntry(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parseXml(chunks, handlers));
}
