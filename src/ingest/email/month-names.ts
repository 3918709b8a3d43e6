// Month words as mail clients write them in quote headers ("Le 3 avr. 2012", "Am 3. März"),
// matched as whole words: a prefix match would read the French "mardi" (Tuesday) as March.
const MONTH_WORDS: [number, string][] = [
  [1, "january jan janvier janv januar jänner enero ene gennaio gen janeiro januari января январь"],
  [2, "february feb février févr fevrier fevr februar febrero febbraio fevereiro fev februari февраля февраль"],
  [3, "march mar mars märz maerz mär marzo março marco maart mrt марта март"],
  [4, "april apr avril avr abril abr aprile апреля апрель"],
  [5, "may mai mayo maggio mag maio mei maj мая май"],
  [6, "june jun juin juni junio giugno giu junho июня июнь"],
  [7, "july jul juillet juil juli julio luglio lug julho июля июль"],
  [8, "august aug août aout agosto ago augustus augusti августа август"],
  [9, "september sep sept septembre septiembre setiembre settembre set setembro сентября сентябрь"],
  [10, "october oct octobre oktober okt octubre ottobre ott outubro out октября октябрь"],
  [11, "november nov novembre noviembre novembro ноября ноябрь"],
  [12, "december dec décembre déc decembre dezember dez diciembre dic dicembre dezembro декабря декабрь"],
];

const MONTHS = new Map<string, number>();
for (const [month, words] of MONTH_WORDS) {
  for (const word of words.split(" ")) MONTHS.set(word, month);
}

/** The month number (1-12) of a month word in English, French, German, Spanish, Italian, Portuguese, Dutch, Nordic or Russian. */
export function monthFromWord(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ""));
}
