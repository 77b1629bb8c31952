import { describe, expect, it } from 'vitest';
import { childOf, escapeXml, parseXml, pathOf, textOf, XmlError } from './xml.ts';

describe('parseXml', () => {
  it('resolves prefixes and default namespaces, scoped to the element that declares them', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<s:Envelope xmlns:s="urn:soap"><s:Body>' +
        '<Answer xmlns="urn:a" xmlns:b="urn:b"><Code>200</Code><b:Code>7</b:Code></Answer>' +
        '<Other><Code>1</Code></Other>' +
        '</s:Body></s:Envelope>',
    );
    expect(root).toMatchObject({ ns: 'urn:soap', name: 'Envelope' });
    const answer = pathOf(root, [
      ['urn:soap', 'Body'],
      ['urn:a', 'Answer'],
    ]);
    expect(textOf(childOf(answer, 'urn:a', 'Code'))).toBe('200');
    expect(textOf(childOf(answer, 'urn:b', 'Code'))).toBe('7');
    const other = childOf(childOf(root, 'urn:soap', 'Body'), '', 'Other');
    expect(textOf(childOf(other, '', 'Code'))).toBe('1');
  });

  it('decodes the predefined entities, character references and CDATA, and skips comments', () => {
    const root = parseXml(
      '<a t="&quot;x&quot; &amp; y">&lt;b&gt; &#1058;&#x435;&#x441;&#x442; <!-- no --><![CDATA[{"k":"<v>"}]]></a>',
    );
    expect(root.attrs.t).toBe('"x" & y');
    expect(root.text).toBe('<b> Тест {"k":"<v>"}');
  });

  it('keeps self-closing elements, single-quoted attributes and Cyrillic text', () => {
    const root = parseXml("<a><b x='1'/><c>Чек не найден</c></a>");
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[0]!.attrs.x).toBe('1');
    expect(textOf(root.children[1])).toBe('Чек не найден');
  });

  it('refuses a document type declaration, so no entity is expanded and no file is read (XXE)', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(() => parseXml(xxe)).toThrow(/DOCTYPE/);
    const laughs = '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;</r>';
    expect(() => parseXml(laughs)).toThrow(XmlError);
  });

  it('refuses entities it does not know instead of passing them through', () => {
    expect(() => parseXml('<r>&x;</r>')).toThrow(/сущность/);
    expect(() => parseXml('<r>a & b</r>')).toThrow(XmlError);
    expect(() => parseXml('<r>&#0;</r>')).toThrow(XmlError);
  });

  it.each([
    ['an empty document', ''],
    ['plain text', 'Internal Server Error'],
    ['an HTML page', '<html><body><h1>502 Bad Gateway</h1><hr></body></html>'],
    ['a truncated answer', '<s:Envelope xmlns:s="urn:soap"><s:Body><Answer>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['two roots', '<a/><b/>'],
    ['an unknown prefix', '<x:a/>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['a repeated attribute', '<a b="1" b="2"/>'],
    ['text after the root', '<a/>tail'],
    ['an unclosed comment', '<a><!-- </a>'],
  ])('throws XmlError for %s', (_what, text) => {
    expect(() => parseXml(text)).toThrow(XmlError);
  });

  it('stops at absurd nesting', () => {
    expect(() => parseXml(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).toThrow(/вложенность/);
  });
});

describe('escapeXml', () => {
  it('round-trips every special character through the parser', () => {
    const value = `<&>"' токен`;
    const root = parseXml(`<a v="${escapeXml(value)}">${escapeXml(value)}</a>`);
    expect(root.attrs.v).toBe(value);
    expect(root.text).toBe(value);
  });
});
