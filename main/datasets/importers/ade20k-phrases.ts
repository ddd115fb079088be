/**
 * Repairs the names of `objectInfo150.csv`, whose export replaced the spaces inside multi-word
 * names by `;` as well ("chest;of;drawers;chest;bureau;dresser" means "chest of drawers, chest,
 * bureau, dresser"). Known phrases of the 150 classes are re-joined, longest first, so the display
 * names match the class names used by ADE20K code ("chest of drawers", "coffee table", "screen door").
 */

/** The multi-word names of the 150 SceneParsing classes and their synonyms. */
const PHRASES: readonly string[] = [
  'chest of drawers',
  'information processing system',
  'double door',
  'plant life',
  'bathing tub',
  'open fireplace',
  'covered stand',
  'display case',
  'pool table',
  'billiard table',
  'snooker table',
  'screen door',
  'coffee table',
  'cocktail table',
  'kitchen stove',
  'kitchen range',
  'cooking stove',
  'palm tree',
  'kitchen island',
  'computing machine',
  'computing device',
  'data processor',
  'electronic computer',
  'swivel chair',
  'arcade machine',
  'passenger vehicle',
  'light source',
  'street lamp',
  'television receiver',
  'television set',
  'tv set',
  'idiot box',
  'boob tube',
  'goggle box',
  'dirt track',
  'wearing apparel',
  'moving staircase',
  'moving stairway',
  'conveyer belt',
  'conveyor belt',
  'automatic washer',
  'washing machine',
  'swimming pool',
  'swimming bath',
  'collapsible shelter',
  'solid food',
  'storage tank',
  'trade name',
  'brand name',
  'microwave oven',
  'animate being',
  'dish washer',
  'dishwashing machine',
  'silver screen',
  'projection screen',
  'exhaust hood',
  'traffic light',
  'traffic signal',
  'trash can',
  'garbage can',
  'ash bin',
  'trash barrel',
  'trash bin',
  'crt screen',
  'monitoring device',
  'bulletin board',
  'notice board',
  'drinking glass',
];

const BY_LENGTH = [...PHRASES].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);

/** Re-joins the tokens of a `;`-split objectInfo150 name into names, longest known phrase first. */
export function rejoinObjectInfoNames(tokens: readonly string[]): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const phrase = BY_LENGTH.find((words) => words.every((word, k) => tokens[i + k]?.toLowerCase() === word));
    const length = phrase?.length ?? 1;
    names.push(tokens.slice(i, i + length).join(' '));
    i += length;
  }
  return names;
}
