/**
 * A small XML reader for SOAP messages, and the escaping their writers need.
 *
 * It reads elements, attributes, text, CDATA, comments and processing instructions, resolves namespaces,
 * and knows only the five predefined entities and character references. A document type declaration is
 * refused outright: SOAP 1.1 forbids one in a message, and refusing it means no entity is ever declared,
 * so nothing can be expanded (no billion laughs) and nothing outside the message is ever read (no XXE).
 */

export interface XmlElement {
  /** Namespace URI, '' when the element has none. */
  ns: string;
  /** Local name, without the prefix. */
  name: string;
  /** Attributes by their qualified name as written (namespace declarations included). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, decoded and joined; the text of children is not included. */
  text: string;
}

export class XmlError extends Error {
  constructor(message: string, at: number) {
    super(`${message} (позиция ${at})`);
    this.name = 'XmlError';
  }
}

const MAX_DEPTH = 64;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME =
  /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?$/;

interface Open {
  qname: string;
  element: XmlElement;
  scope: Map<string, string>;
}

/** Parses one XML document; throws XmlError on anything malformed or not allowed. */
export function parseXml(input: string): XmlElement {
  const src = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new XmlError(message, at);
  };
  const addText = (text: string, at: number) => {
    const top = stack[stack.length - 1];
    if (top) top.element.text += text;
    else if (text.trim() !== '') fail('Текст вне корневого элемента', at);
  };

  while (pos < src.length) {
    const lt = src.indexOf('<', pos);
    if (lt === -1) {
      addText(decode(src.slice(pos), pos), pos);
      break;
    }
    if (lt > pos) addText(decode(src.slice(pos, lt), pos), pos);
    pos = lt;

    if (src.startsWith('<!--', pos)) {
      const end = src.indexOf('-->', pos + 4);
      if (end === -1) fail('Незакрытый комментарий');
      pos = end + 3;
    } else if (src.startsWith('<![CDATA[', pos)) {
      const end = src.indexOf(']]>', pos + 9);
      if (end === -1) fail('Незакрытый блок CDATA');
      if (stack.length === 0) fail('CDATA вне корневого элемента');
      addText(src.slice(pos + 9, end), pos);
      pos = end + 3;
    } else if (src.startsWith('<!', pos)) {
      fail('Объявление типа документа (DOCTYPE, ENTITY) не допускается');
    } else if (src.startsWith('<?', pos)) {
      const end = src.indexOf('?>', pos + 2);
      if (end === -1) fail('Незакрытая инструкция обработки');
      pos = end + 2;
    } else if (src.startsWith('</', pos)) {
      const end = src.indexOf('>', pos + 2);
      if (end === -1) fail('Незакрытый закрывающий тег');
      const qname = src.slice(pos + 2, end).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) fail(`Закрывающий тег </${qname}> не совпадает с открытым`);
      pos = end + 1;
    } else {
      if (root && stack.length === 0) fail('Второй корневой элемент');
      if (stack.length >= MAX_DEPTH) fail('Слишком глубокая вложенность элементов');
      const tag = readTag(src, pos, fail);
      const { element, scope } = openElement(tag, stack[stack.length - 1]?.scope, fail);
      const parent = stack[stack.length - 1];
      if (parent) parent.element.children.push(element);
      else root = element;
      if (!tag.selfClosing) stack.push({ qname: tag.qname, element, scope });
      pos = tag.end;
    }
  }
  if (stack.length > 0) fail(`Элемент <${stack[stack.length - 1]!.qname}> не закрыт`);
  if (!root) fail('Нет корневого элемента');
  return root!;
}

/** The element a start tag opens, with the namespace prefixes in scope inside it. */
function openElement(
  tag: { qname: string; attrs: Record<string, string> },
  parentScope: Map<string, string> | undefined,
  fail: (message: string, at?: number) => never,
): { element: XmlElement; scope: Map<string, string> } {
  const scope = new Map(parentScope);
  for (const [key, value] of Object.entries(tag.attrs)) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) {
      if (value === '') fail(`Пустое пространство имён для префикса ${key.slice(6)}`);
      scope.set(key.slice(6), value);
    }
  }
  const colon = tag.qname.indexOf(':');
  const prefix = colon === -1 ? '' : tag.qname.slice(0, colon);
  const ns = prefix === 'xml' ? XML_NS : scope.get(prefix);
  if (ns === undefined && prefix !== '') fail(`Неизвестный префикс пространства имён «${prefix}»`);
  const element: XmlElement = {
    ns: ns ?? '',
    name: colon === -1 ? tag.qname : tag.qname.slice(colon + 1),
    attrs: tag.attrs,
    children: [],
    text: '',
  };
  return { element, scope };
}

function readTag(
  src: string,
  start: number,
  fail: (message: string, at?: number) => never,
): { qname: string; attrs: Record<string, string>; selfClosing: boolean; end: number } {
  let pos = start + 1;
  const nameEnd = scanName(src, pos);
  const qname = src.slice(pos, nameEnd);
  if (!NAME.test(qname)) fail('Неверное имя элемента', pos);
  pos = nameEnd;
  const attrs: Record<string, string> = {};
  for (;;) {
    const ws = pos;
    while (isSpace(src.charCodeAt(pos))) pos += 1;
    if (src.startsWith('/>', pos)) return { qname, attrs, selfClosing: true, end: pos + 2 };
    if (src[pos] === '>') return { qname, attrs, selfClosing: false, end: pos + 1 };
    if (pos >= src.length) fail('Незакрытый тег', start);
    if (pos === ws) fail('Между атрибутами нужен пробел', pos);
    const attrEnd = scanName(src, pos);
    const name = src.slice(pos, attrEnd);
    if (!NAME.test(name)) fail('Неверное имя атрибута', pos);
    pos = attrEnd;
    while (isSpace(src.charCodeAt(pos))) pos += 1;
    if (src[pos] !== '=') fail(`Атрибут ${name} без значения`, pos);
    pos += 1;
    while (isSpace(src.charCodeAt(pos))) pos += 1;
    const quote = src[pos];
    if (quote !== '"' && quote !== "'") fail(`Значение атрибута ${name} не в кавычках`, pos);
    const close = src.indexOf(quote!, pos + 1);
    if (close === -1) fail(`Незакрытое значение атрибута ${name}`, pos);
    const raw = src.slice(pos + 1, close);
    if (raw.includes('<')) fail(`Символ < в значении атрибута ${name}`, pos);
    if (Object.hasOwn(attrs, name)) fail(`Атрибут ${name} повторяется`, pos);
    attrs[name] = decode(raw, pos + 1);
    pos = close + 1;
  }
}

function scanName(src: string, pos: number): number {
  let end = pos;
  while (end < src.length) {
    const c = src[end]!;
    if (isSpace(c.charCodeAt(0)) || c === '>' || c === '/' || c === '=' || c === '<') break;
    end += 1;
  }
  return end;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function decode(text: string, at: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError('Символ & без ссылки на сущность', at);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      const surrogate = code >= 0xd800 && code <= 0xdfff;
      const valid =
        /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.test(ref) && code > 0 && code <= 0x10ffff && !surrogate;
      if (!valid) throw new XmlError(`Неверная ссылка на символ &${ref};`, at);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[ref];
    if (value === undefined) throw new XmlError(`Неизвестная сущность &${ref};`, at);
    return value;
  });
}

/** Escapes text for an element or a double-quoted attribute. */
export function escapeXml(value: string): string {
  return value.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** The first child with this namespace and local name. */
export function childOf(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.ns === ns && c.name === name);
}

/** Follows children by [namespace, local name] steps. */
export function pathOf(el: XmlElement | undefined, steps: readonly (readonly [string, string])[]) {
  let at = el;
  for (const [ns, name] of steps) at = childOf(at, ns, name);
  return at;
}

/** The trimmed text of an element, undefined when there is no element or no text. */
export function textOf(el: XmlElement | undefined): string | undefined {
  const t = el?.text.trim();
  return t ? t : undefined;
}
