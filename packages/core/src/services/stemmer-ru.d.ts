declare module '@nlpjs/lang-ru/src/stemmer-ru.js' {
  /** Snowball's Russian stemmer as packaged by nlp.js. */
  export default class StemmerRu {
    stemWord(word: string): string;
  }
}
