/**
 * The query text as the engine should read it. Meilisearch segments Chinese with jieba without
 * its HMM, which cuts a digit run glued to Chinese into single digits: `157件` is read as
 * 1/5/7/件, so the query matched passages that merely contain those digits somewhere, and missed
 * the passage saying `157 件` (measured on the bundled data: `主动撤回 157件` found nothing,
 * `4900人次` found four passages of which one says 4900). A space between a number and the
 * Chinese around it makes the number one word, which the hidden jieba `terms` field (HMM on)
 * and any spaced text both hold. What the reader typed is still what the page shows.
 */
const DIGIT_THEN_HAN = /(\d)(?=\p{Script=Han})/gu;
const HAN_THEN_DIGIT = /(\p{Script=Han})(?=\d)/gu;

export function engineQueryText(q: string): string {
  return q.replace(DIGIT_THEN_HAN, '$1 ').replace(HAN_THEN_DIGIT, '$1 ');
}
