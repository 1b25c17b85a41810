// What each fact parser frames and what the slots find across independently worded articles (fictional
// text, real per-article stages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysed, findings, mentionsOf, noReuse } from '../../../test/fixtures/facts/build.js';
import { alignStory } from '../align.js';
import { markedQuotes } from './quotes.js';
import { canonicalUnit, toCanonical } from './normalise/units.js';
import { compatibleValues } from './normalise/compatible.js';
import { sameSpelling, spellingKey } from './normalise/spelling.js';
import { dateDisplay, sameDate, sameParticipant } from './slots.js';
import type { FactMention } from './mention.js';
import { endSubstitution, innerHunks } from '../rules/quote.js';

const find = (body: string, rule: string) => mentionsOf(body).filter((m) => m.rule === rule);

test('toll: killed, injured and evacuated are different slots; the nearest predicate wins', () => {
  const ms = find('The quake struck the town of Orvel on Tuesday, killing at least five people and injuring dozens.', 'toll');
  assert.deepEqual(ms.map((m) => [m.measure, m.display]), [['death', 'at least five'], ['injury', 'dozens']]);
  assert.equal(ms[0].range!.max, Infinity, 'a floor');
  assert.deepEqual(find('The death toll from the landslide in Dunmere has risen to nine, officials said.', 'toll').map((m) => [m.measure, m.display]), [['death', 'nine']]);
});

test('toll: people left trapped are their own count, not the dead named before them', () => {
  const ms = find('The quake in Dellmar killed six children and left 14 others trapped when the school collapsed.', 'toll');
  assert.deepEqual(ms.map((m) => [m.measure, m.display]), [['death', 'six'], ['trapped', '14']]);
  const r = findings(
    analysed('a', 'The quake in Dellmar killed six children and left 14 others trapped when the school collapsed.'),
    analysed('b', 'One report said six pupils were killed and 35 trapped under rubble after the Dellmar school fell.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'others trapped' || c.slot === 'people trapped').map((c) => c.values.map((v) => v.value).sort()), [['14', '35']]);
});

test('score: the final and the halftime score of a game, winner first or not, and a disagreement', () => {
  const ms = find('The Larks beat the Drayton Owls 20 - 13 on Sunday after a 13-3 halftime lead.', 'score');
  assert.deepEqual(ms.map((m) => [m.measure, m.display]), [['score:final', '20 - 13'], ['score:halftime', '13-3']]);
  assert.deepEqual(find('Drayton fell to a 13-20 loss in the rain.', 'score').map((m) => m.range!.min), [ms[0].range!.min], 'a 13-20 loss is the 20-13 game');
  assert.deepEqual(find('The Owls lost to the Larks, 20-13, and led 7-3 at the half.', 'score').map((m) => m.measure), ['score:final', 'score:halftime']);
  const r = findings(
    analysed('a', 'Lee Varn threw two touchdown passes as the Larks beat the Drayton Owls 20-13 on Sunday.'),
    analysed('b', 'Lee Varn led the Larks to a 20-17 victory over Drayton on Sunday with two touchdown passes.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'final score').map((c) => c.values.map((v) => v.value).sort()), [['20-13', '20-17']]);
});

test('count: "landed 178 of 369 punches" — the part is the punches landed, the whole the attempts; a round is a part of the bout', () => {
  const ms = find('The final numbers showed Ivo Kellam landing 178 of 369 punches thrown.', 'count');
  assert.deepEqual(ms.map((m) => [m.measure, m.range!.min]), [['count:punch', 178], ['count:punch:whole', 369]]);
  const r = findings(
    analysed('a', 'Ivo Kellam, who was coming off a knockout of Lee Varn in July, landed 363 punches to just 30 for Orsini. In fact, Ivo Kellam landed 28 of his 68 punches thrown during the round.'),
    analysed('b', 'The final numbers showed Ivo Kellam landing 178 of 369 punches thrown while Orsini connected on just 30 of 207 punches thrown.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot?.startsWith('number of punches')).map((c) => c.values.map((v) => v.value).sort()), [['178', '363']], 'the round’s 28 and the attempts do not make the article leave the slot');
});

test('restated: a date restated in brackets takes the bracket’s explicit value, and the bracket is no second date', () => {
  const ms = find("Varn was unveiled on tonight's (August 13) special show on Channel Nine.", 'event-date');
  assert.deepEqual(ms.map((m) => [m.measure, m.display, m.date!.month, m.date!.day]), [['date:release', 'tonight', 8, 13]]);
  const thursday = find('Varn checked into the Dellmar clinic on Thursday (June 13) this week.', 'event-date');
  assert.equal(thursday[0]?.date?.weekday, 4, 'the weekday written stays, whatever year the bracket is read in');
});

test('duration: how long a standing practice had gone on, keyed by the perfect’s verb, and a disagreement', () => {
  assert.deepEqual(find('Reviews that Dellmar inspectors have performed for 35 years on dams are being scrapped.', 'duration').map((m) => [m.measure, m.range!.min]), [['duration:practice:perform', 420]]);
  const r = findings(
    analysed('a', 'The council will scrap the independent reviews that Dellmar inspectors have performed for 35 years on dams and bridges.'),
    analysed('b', 'Some independent reviews that Dellmar inspectors have performed for 25 years are being scrapped by the council.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot?.startsWith('how long')).map((c) => c.values.map((v) => v.value).sort()), [['25 years', '35 years']]);
});

test('age: apposition, N-year-old before the name, and the person as holder', () => {
  assert.deepEqual(find('Anthony Marsh, 36, of Lindell was arrested at the scene.', 'age').map((m) => [m.holder, m.range!.min]), [['Anthony Marsh', 36]]);
  assert.deepEqual(find('The crash killed 32-year-old Englishman Robert Vane on the ridge.', 'age').map((m) => [m.holder, m.range!.min]), [['Robert Vane', 32]]);
});

test('magnitude and measure: the quake magnitude, a distance from a place in metres', () => {
  assert.deepEqual(find('A 6.1-magnitude earthquake shook the province of Dellmar on Sunday.', 'magnitude').map((m) => m.range!.min), [6.1]);
  const d = find('The epicentre was about 12 miles north of Calder, the survey said.', 'measure');
  assert.equal(d.length, 1);
  assert.equal(d[0].holder, 'Calder');
  assert.ok(Math.abs(d[0].range!.min - 12 * 1609.344 * 0.85) < 1, 'about 12 miles, ±15 %, in metres');
});

test('residence: where a named person lives, and a disagreement about it', () => {
  assert.deepEqual(find('Police stopped Anthony Marsh, 36, of Lindell, when he hit another car.', 'residence').map((m) => [m.holder, m.name]), [['Anthony Marsh', 'Lindell']]);
  assert.deepEqual(find('Raj Orsini, who lived in South Fallow Park, was walking to the temple.', 'residence').map((m) => m.name), ['South Fallow Park']);
  const r = findings(
    analysed('a', 'Police stopped Anthony Marsh, 36, of Lindell, when he hit another car at the crossing.'),
    analysed('b', 'According to police, Anthony Marsh, 36, of Brayton, hit a woman outside the Lindell store.'),
  );
  const home = r.contradictions.find((c) => c.slot === 'home town of Anthony Marsh');
  assert.ok(home, 'a place named elsewhere in the article (the Lindell store) is not a residence it states');
  assert.equal(home.kind, 'name');
});

test('count: a named holder’s count of a thing', () => {
  assert.deepEqual(find('Corvane said it would recall 80,000 batteries sold in Europe.', 'count').map((m) => [m.measure, m.holder, m.range!.min]), [['count:battery', 'Corvane', 80000]]);
});

test('elided-total: a running total without its noun counts the holder’s earlier count; a figure the holder entered with is another time', () => {
  const a = analysed('a', 'Ivo Kell scored 20 points on Thursday night against Drayton. Ivo Kell now has 2,301.');
  const b = analysed('b', 'Ivo Kell entered the game with 2,281 points, nine fewer than the old total. Officials stopped the game when Ivo Kell, who now has 2,302 points, made the basket.');
  const c = analysed('c', 'Ivo Kell finished with 20 points and now has 2,302 for his career.');
  const totals = findings(a, b, c).contradictions.filter((x) => x.slot === 'total number of points (Ivo Kell)');
  assert.deepEqual(totals.map((x) => x.values.map((v) => [v.value, v.sources]).sort()), [[['2,301', ['a']], ['2,302', ['b', 'c']]]]);
  // The figure Kell entered with is not his total: b states one total, not two.
  assert.deepEqual(find('Ivo Kell entered the game with 2,281 points, nine fewer than the old total.', 'count').filter((m) => m.range!.min === 2281), []);
});

test('count: a running total is the phrase after "now has", the game count before it stays the game’s', () => {
  const ms = find('Ivo Kell finished with 20 points and now has 2,302 for his career points.', 'count');
  assert.deepEqual(ms.map((m) => [m.measure, m.range!.min]), [['count:point', 20]]);
  assert.deepEqual(find('Officials stopped the game when Ivo Kell, who now has 2,302 points, made the record-setting basket.', 'count').map((m) => m.measure), ['count:point:total'], 'a record-setting basket does not make the total a record');
});

test('slots: two running totals disagree though each article also counts the game', () => {
  const a = analysed('a', 'Forward Ivo Kellam scored 27 points in the win over Drayton on Friday. Ivo Kellam now has 2,129 points for the Larks.', '2031-05-14');
  const b = analysed('b', 'Ivo Kellam now has 2,029 points in 106 games as a Lark. Kellam added 25 points against Drayton.', '2031-05-14');
  // A holder's count is a weak frame: it is reported when each side has two independent sources.
  const c = analysed('c', 'After the Drayton game Ivo Kellam now has 2,129 points as a Lark.', '2031-05-14');
  const d = analysed('d', 'With 24 points on Friday, Ivo Kellam now has 2,029 points as a Lark.', '2031-05-14');
  const totals = findings(a, b, c, d).contradictions.filter((c) => c.slot?.startsWith('total number of points'));
  assert.deepEqual(totals.map((c) => c.values.map((v) => v.value).sort()), [['2,029', '2,129']]);
});

test('event-date: abbreviated months ("Sept.", "Dec. 16") fix their month', () => {
  const ms = find('The rule was proposed in Sept. and finalized on Dec. 16 by the agency.', 'event-date');
  assert.deepEqual(ms.map((m) => [m.measure, m.date!.month, m.date!.day]), [['date:propose', 9, undefined], ['date:approve', 12, 16]]);
});

test('event-date: a fugitive captured on a day is arrested that day, whatever the clause after says', () => {
  const ms = find('The escaped inmate Dario Venn was captured Thursday after authorities received several phone tips.', 'event-date');
  assert.deepEqual(ms.map((m) => m.measure), ['date:arrest']);
});

test('event-date: a sentence-opening date belongs to the verb after an apposition, counted in words', () => {
  const ms = find('On Saturday, 32-year-old Englishman Ronan Vale, originally from Dunmere, but living in Calder, died after a fall.', 'event-date');
  assert.deepEqual(ms.map((m) => m.measure), ['date:death']);
  const far = find('Ronan Vale was arrested outside a small hut near the old Dunmere ferry terminal by the lake on Tuesday.', 'event-date');
  assert.deepEqual(far.map((m) => m.measure), ['date:arrest'], 'thirteen words back to the verb');
});

test('event-date: a list inside the phrase ("his WBA, IBF and WBO belts Saturday") does not cut the date from its verb', () => {
  assert.deepEqual(find('Ivo Kell stopped Dan Osric in the sixth round to retain his WBA, IBF and WBO heavyweight title belts Saturday night.', 'event-date').map((m) => m.measure), ['date:verb:retain']);
  assert.ok(find('Ivo Kell retained his IBF, WBO, WBA & IBO heavyweight world titles with a second victory over Dan Osric on Saturday.', 'event-date').some((m) => m.measure === 'date:verb:retain'));
});

test('event-date: a possessive date dates the classed noun it qualifies, not the clause verb', () => {
  assert.deepEqual(find("On Wednesday, two officers involved in Saturday's shooting were arrested.", 'event-date').map((m) => [m.display, m.measure]), [['Wednesday', 'date:arrest'], ['Saturday', 'date:death']]);
  assert.deepEqual(find("Tuesday's quake struck the town of Orvel.", 'event-date').map((m) => m.measure), ['date:strike']);
  assert.deepEqual(find('Two officers involved in Saturday ’ s shooting were arrested on Wednesday.', 'event-date').map((m) => [m.display, m.measure]), [['Saturday', 'date:death'], ['Wednesday', 'date:arrest']], 'the possessive as ECB+ spaces it');
});

test('event-date: "was hit and killed" dates the death, not a strike', () => {
  assert.deepEqual(find('A grandmother on her way to a service in Dunmere last Friday was hit and killed by a driver who fled.', 'event-date').map((m) => m.measure), ['date:death']);
});

test('event-date: a player picked up on a day is signed that day', () => {
  assert.deepEqual(find('The Saints picked up Dario Venn on Monday after putting Lee Orr on injured reserve.', 'event-date').map((m) => m.measure), ['date:sign']);
});

test('event-date: the predicate class of a date; a weekday fixes only the weekday', () => {
  const [m] = find('Marla Quint checked into the Solace clinic on Tuesday, her spokesman said.', 'event-date');
  assert.equal(m.measure, 'date:checkin');
  assert.deepEqual(m.date, { weekday: 2 });
  const [w] = find('The fatal shooting of Dario Venn, 15, on Saturday set off five nights of riots.', 'event-date');
  assert.equal(w.measure, 'date:death', 'a shooting and a killing are dated together');
});

test('slots: an age, a toll and a date disagree across independently worded articles', () => {
  const a = analysed('a', 'Rescue chief Hana Brecht, 47, said her teams had pulled two survivors from the mud on Wednesday.', '2031-05-14');
  const b = analysed('b', 'Rescue chief Hana Brecht, 51, told reporters the search in the valley would go on through the weekend.', '2031-05-14');
  const r = findings(a, b);
  const age = r.contradictions.find((c) => c.slot === 'age of Hana Brecht');
  assert.ok(age, JSON.stringify(r.contradictions.map((c) => c.slot)));
  assert.deepEqual(age.values.map((v) => v.value).sort(), ['47', '51']);
  const m = age.values.find((v) => v.value === '47')!.mentions![0];
  assert.equal(a.clean.text.slice(m.start, m.end), '47', 'offsets index the clean text');
  assert.ok(age.confidence! > 0.6 && age.normalisations!.length > 0);
});

test('slots: a toll that rises with later publication is an update, not a contradiction', () => {
  const a = analysed('a', 'Floods in the Merrow valley killed at least three people on Monday.', '2031-05-12');
  const b = analysed('b', 'The floods in the Merrow valley have killed 11 people, officials said on Tuesday.', '2031-05-13');
  const r = findings(a, b);
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'people killed'), []);
  assert.deepEqual(r.updates.map((u) => u.values.map((v) => v.value)), [['at least three', '11']]);
  // The same figures the other way round in time: the toll went down, a contradiction.
  const c = analysed('c', 'Floods in the Merrow valley killed 11 people on Monday.', '2031-05-12');
  const d = analysed('d', 'The floods in the Merrow valley have killed four people, officials said on Tuesday.', '2031-05-13');
  assert.ok(findings(c, d).contradictions.some((x) => x.slot === 'people killed'));
});

test('quotes: the same remark with a content word changed is a quote contradiction across attribution', () => {
  const a = analysed('a', '“We should be looking for ways to improve the harbour law, not weaken it,” Mayor Tessa Lund said.');
  const b = analysed('b', 'The statement added: “We should be looking at ways to strengthen the harbour law, not weaken it.”');
  const q = findings(a, b).contradictions.filter((c) => c.kind === 'quote');
  assert.equal(q.length, 1);
  assert.equal(innerHunks(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd']).length, 1);
});

test('quotes: a quote’s unattributed second sentence is compared by its quotation marks', () => {
  // The second sentence carries no attribution; its quote opens in the sentence before.
  const a = analysed('a', '“The harbour board met twice this week,” Mayor Tessa Lund said. “So on all fronts, the crews and ourselves, we felt that this was the best move for the port.”');
  const b = analysed('b', 'The mayor spoke after the vote. “The crews and ourselves, we thought this was the best move for the port.”');
  const q = findings(a, b).contradictions.filter((c) => c.kind === 'quote');
  assert.equal(q.length, 1);
  assert.deepEqual(q[0].values.map((v) => v.sources).sort(), [['a'], ['b']]);
  const marked = markedQuotes(alignStory([a], noReuse(['a'])).units).map((m) => m.text.trim());
  assert.deepEqual(marked, ['The harbour board met twice this week,', 'So on all fronts, the crews and ourselves, we felt that this was the best move for the port.']);
});

test('quotes: the last word swapped where one quote stops is a misquote ("stay in jail" / "stay in prison")', () => {
  const a = analysed('a', '“By her own account, she said it’s not her nature to stay in the harbour,” said Ilse Varga, the pilot’s sister.');
  const b = analysed('b', 'The pilot’s sister spoke after the hearing. “By her own account, it is not in her nature to stay in the village.');
  const q = findings(a, b).contradictions.filter((c) => c.kind === 'quote');
  assert.equal(q.length, 1);
  assert.deepEqual(endSubstitution(['to', 'stay', 'in', 'the', 'harbour'], ['to', 'stay', 'in', 'the', 'village', 'for', 'good']), { from: 'harbour', to: 'village' });
});

test('event-date: a birth date in a bracket after a name is that person’s, and two of them disagree', () => {
  assert.deepEqual(find('The singer Lena Vask (born March 6, 1961) grew up in Dellmar.', 'event-date').map((m) => [m.measure, m.holder]), [['date:born', 'Lena Vask']]);
  const r = findings(analysed('a', 'Lena Vask was born on March 3, 1961, in Dellmar. She grew up there.'), analysed('b', 'The singer Lena Vask (born March 6, 1961) grew up in Dellmar.'));
  assert.deepEqual(r.contradictions.map((c) => [c.slot, c.values.map((v) => v.value).sort()]), [['birth date of Lena Vask', ['1961-03-03', '1961-03-06']]]);
});

test('quotes: one misquote against two agreeing wordings is one finding, both on one side', () => {
  const a = analysed('a', '“By her own account, she said it’s not her nature to stay in the harbour,” said Ilse Varga, the pilot’s sister.');
  const b = analysed('b', 'The pilot’s sister spoke after the hearing. “By her own account, it is not in her nature to stay in the village.');
  const c = analysed('c', '“By her own account, she said it’s not her nature to stay in the harbour, which is where her boat is moored,” Ilse Varga said.');
  const q = findings(a, b, c).contradictions.filter((x) => x.kind === 'quote');
  assert.deepEqual(q.map((x) => x.values.map((v) => v.sources).sort()), [[['a', 'c'], ['b']]], 'c only quotes more of the harbour wording');
});

test('quotes: a quoted phrase lacking a qualifier of the story’s settled wording is a misquote', () => {
  const a = analysed('a', 'The mayor said she regretted the “unfair public scrutiny” the harbour crews had faced since the strike.');
  const b = analysed('b', 'Mayor Tessa Lund apologised for the “unfair public scrutiny” of the crews.');
  const c = analysed('c', 'The mayor has apologised if “unfair scrutiny” drove the crews to strike.');
  const q = findings(a, b, c).contradictions.filter((x) => x.rule === 'fact:quote-qualifier');
  assert.deepEqual(q.map((x) => x.values.map((v) => [v.value, v.sources])), [[['unfair public scrutiny', ['a', 'b']], ['unfair scrutiny', ['c']]]]);
});

test('fall: the faller is the nearest person before the distance, past a clause break and a place', () => {
  const m = find('The day after the storm, 31-year-old Ronan Vale, a Dunmere guide but living in Calder, North Fenwick, slipped on ice and fell 700 meters.', 'fall');
  assert.deepEqual(m.map((x) => x.holder), ['Ronan Vale']);
});

test('fall: how far a person fell, in metres; an N-year-old is the story’s one person of that age', () => {
  const m = find('Police said 36-year-old John Marsh died after he slipped and fell about 200 feet from a ridge.', 'fall');
  assert.deepEqual(m.map((x) => [x.holder, x.measure, x.display]), [['John Marsh', 'fall', 'about 200 feet']]);
  assert.ok(m[0].range!.min < 61 && 61 < m[0].range!.max, '200 feet is 61 metres, widened by the hedge');
  const f = findings(
    analysed('a', 'Police said 36-year-old John Marsh died after he slipped and fell about 200 feet from a ridge on the glacier.'),
    analysed('b', 'A 36-year-old climber is dead after falling about 150 metres from a ridge on the glacier.'),
    analysed('c', 'The 36-year-old climber died after he fell 150 metres from a ridge on the glacier, police said.'),
  );
  const c = f.contradictions.filter((x) => x.rule === 'fact:fall');
  assert.equal(c.length, 1);
  assert.equal(c[0].about, 'distance John Marsh fell');
});

test('temperature: the temperature at the event, with or without a scale', () => {
  assert.deepEqual(find('Crews fought the blaze in temperatures of minus 17 degrees.', 'temperature').map((x) => [x.measure, x.range!.min]), [['temperature:no-scale', -17]]);
  assert.deepEqual(find('Temperatures were 50 degrees Fahrenheit at the quay.', 'temperature').map((x) => [x.measure, x.range!.min]), [['temperature', 10]]);
  assert.deepEqual(find('Crews battled for eight hours in minus-20 degree temperatures at the quay.', 'temperature').map((x) => [x.measure, x.range!.min, x.display]), [['temperature:no-scale', -20, 'minus-20 degree temperatures']]);
  assert.deepEqual(find('Rescuers worked on in 95-degree heat.', 'temperature').map((x) => x.range!.min), [95]);
  assert.deepEqual(find('Crews battled for hours in -20 degree temperatures.', 'temperature').map((x) => x.range!.min), [-20], 'a minus sign is kept');
  const f = findings(
    analysed('a', 'Crews fought the warehouse blaze in temperatures of minus 17 degrees.'),
    analysed('b', 'Outside temperatures were minus 30 as crews fought the warehouse blaze.'),
    analysed('c', 'Outside temperatures were minus 30 while crews fought the warehouse blaze.'),
  );
  assert.equal(f.contradictions.filter((x) => x.rule === 'fact:temperature').length, 1);
});

test('affected: things damaged or attacked, also as the last item of the attacked list', () => {
  const m = find('Overnight a few youths attacked a government building, four shops and two banks in the port.', 'affected');
  assert.deepEqual(m.map((x) => [x.measure, x.display]), [['attack:shop', 'four'], ['attack:bank', 'two']]);
  const f = findings(
    analysed('a', 'Overnight youths attacked a government building, four shops and two banks in the port.'),
    analysed('b', 'Youths attacked a police station in the port as well as at least three banks, police said.'),
    analysed('c', 'Youths attacked a police station in the port and at least three banks, police said.'),
  );
  assert.equal(f.contradictions.filter((x) => x.rule === 'fact:affected').length, 1);
});

test('event-date: the participant of a date is the person, not a magazine named nearer to it', () => {
  const m = find('Tara Holt has finally entered the Harbour Clinic on Tuesday, her rep told People.', 'event-date');
  assert.deepEqual(m.map((x) => [x.measure, x.participant]), [['date:checkin', 'Tara Holt']]);
});

test('quotes: a whole-sentence quote missing its last content word is a misquote; a straight closing mark at a sentence start closes', () => {
  const a = analysed('a', 'The councillor wrote on Monday, "The young people of this harbour have no outlets for their anger, no youth centre.\n\n" The post was shared widely.');
  const b = analysed('b', 'The councillor wrote: “The young people of this harbour have no outlets for their anger, no youth.”');
  const q = findings(a, b).contradictions.filter((c) => c.kind === 'quote');
  assert.equal(q.length, 1);
});

test('received: submissions an office received; "nearly N" is just under N', () => {
  const m = find('The harbour board received nearly 2,400 comments on the ferry plan.', 'received');
  assert.deepEqual(m.map((x) => [x.measure, x.display, x.range!.min, x.range!.max]), [['receive:comment', 'nearly 2,400', 2040, 2400]]);
  const f = findings(
    analysed('a', 'The harbour board received nearly 2,400 comments on the ferry plan, most of them form letters.'),
    analysed('b', 'The board proposed the ferry plan in May and since has received nearly 3,100 comments on it.'),
  );
  assert.equal(f.contradictions.filter((x) => x.rule === 'fact:received').length, 1);
});

test('duration: how long a bounded activity lasted, in hours, hours and days apart', () => {
  const m = find('The jury was unable to reach a verdict after 30 hours of deliberation.', 'duration');
  assert.deepEqual(m.map((x) => [x.measure, x.range!.min]), [['duration:deliberation:H', 30]]);
  const f = findings(
    analysed('a', 'The harbour jury was unable to reach a verdict after 30 hours of deliberation.'),
    analysed('b', 'The harbour jury deliberated the case for 40 hours over four days.'),
    analysed('c', 'The jury in the harbour case deliberated for 40 hours without a verdict.'),
  );
  assert.equal(f.contradictions.filter((x) => x.rule === 'fact:duration').length, 1);
});

test('record: a person’s won-lost record beside the name; a bare surname is the story’s one person of that name', () => {
  assert.deepEqual(find('John Marsh (52-3, 46 KOs) kept his belt.', 'record').map((x) => [x.holder, x.display, x.measure]), [['John Marsh', '46 KOs', 'knockouts'], ['John Marsh', '52-3', 'record']]);
  const f = findings(
    analysed('a', 'Coach Peter Hale is 122-147 in three seasons with the harbour club.'),
    analysed('b', 'The club fired Peter Hale on Monday. Hale compiled a 162-139 record in three seasons.'),
    analysed('c', 'Peter Hale, 122-147 in three seasons, was fired on Monday.'),
  );
  const c = f.contradictions.filter((x) => x.rule === 'fact:record');
  assert.equal(c.length, 1);
  assert.deepEqual(c[0].values.map((v) => v.value).sort(), ['122-147', '162-139']);
});

test('wounds: how many times a named person was shot, hit or stabbed', () => {
  assert.deepEqual(find('Both officers fired, hitting John Marsh eleven times in the legs.', 'wounds').map((x) => [x.holder, x.range!.min]), [['John Marsh', 11]]);
  const f = findings(
    analysed('a', 'Both officers fired, hitting John Marsh eleven times in the legs.'),
    analysed('b', 'On Wednesday the autopsy showed John Marsh had been shot seven times, his family said.'),
  );
  assert.equal(f.contradictions.filter((x) => x.rule === 'fact:wounds').length, 1);
});

test('title: the rank in one job of a named person, the job’s words the slot', () => {
  const m = find('“The code is checked daily,” said John Marsh, port security and planning manager for Harbour Lines.', 'title');
  assert.deepEqual(m.map((x) => [x.measure, x.name]), [['title:port-security-plann', 'manager']]);
  const f = findings(
    analysed('a', '“The code is checked daily,” said John Marsh, port security and planning manager for Harbour Lines.'),
    analysed('b', 'Attackers changed tack, John Marsh, port security and planning director at Harbour Lines, told reporters.'),
  );
  assert.equal(f.contradictions.filter((x) => x.rule === 'fact:title').length, 1);
});

test('employer: the organisation of a person’s title, before the name or after it; one word swapped is a disagreement', () => {
  assert.deepEqual(find('“The patch is ready,” said Harbour Safety Board director Ilse Varga.', 'employer').map((x) => [x.measure, x.holder, x.name]), [['employer:director', 'Ilse Varga', 'Harbour Safety Board']]);
  const f = findings(
    analysed('a', '“The patch is ready,” said Harbour Safety Board director Ilse Varga.'),
    analysed('b', 'Ilse Varga, director of the Harbour Safety Council, urged crews to test the update.'),
  );
  assert.deepEqual(f.contradictions.filter((x) => x.rule === 'fact:employer').map((x) => x.values.map((v) => v.value).sort()), [['Harbour Safety Board', 'Harbour Safety Council']]);
});

test('score-clock: two scores of a lead at one game clock disagree', () => {
  assert.deepEqual(find('The Larks would take their first double - digit lead at 45 - 35 on two free throws by Ivo Kell with 13:41 to go.', 'score-clock').map((m) => [m.measure, m.display]), [['score:821', '45-35']]);
  const f = findings(
    analysed('a', 'The Larks would take their first double - digit lead at 45 - 35 on two free throws by Ivo Kell with 13:41 to go.'),
    analysed('b', 'Ivo Kell scored four straight points that allowed the Larks to open a 45-36 lead with 13:41 to play.'),
  );
  assert.deepEqual(f.contradictions.filter((c) => c.rule === 'fact:score-clock').map((c) => c.values.map((v) => v.value).sort()), [['45-35', '45-36']]);
});

test('score-clock: a lead with no points for the other side is no rounding of a close one (20-0 against 20-13)', () => {
  const f = findings(
    analysed('a', 'The Larks opened a 20-0 lead with 5:10 to play in the half.'),
    analysed('b', 'The Larks opened a 20-13 lead with 5:10 to play in the half.'),
  );
  assert.deepEqual(f.contradictions.filter((c) => c.rule === 'fact:score-clock').map((c) => c.values.map((v) => v.value).sort()), [['20-0', '20-13']]);
});

test('count: people sent to do something are counted by what they were sent to do', () => {
  assert.deepEqual(find('The Harbour Safety Board sent eight experts to monitor the ferry trials.', 'count').map((m) => [m.measure, m.holder]), [['count:sent-to:monitor', 'Harbour Safety Board']]);
  const f = findings(
    analysed('a', 'The Harbour Safety Board sent eight experts to monitor the ferry trials on the Calder river.'),
    analysed('b', 'The Harbour Safety Board sent only three observers to monitor the ferry trials on the Calder river.'),
  );
  assert.deepEqual(f.contradictions.filter((c) => c.rule === 'fact:count').map((c) => c.values.map((v) => v.value).sort()), [['eight', 'three']]);
});

test('defence: which defence of a title, as "Nth defense of the X belt" or "retained his X title for the Nth time"', () => {
  assert.deepEqual(find("The stoppage in Ivo Kell's sixth defense of the IBF belt - and third this year - lifted him to 40-2.", 'defence').map((m) => [m.measure, m.range!.min]), [['defence:IBF', 6]]);
  const f = findings(
    analysed('a', "The stoppage in Ivo Kell's sixth defense of the IBF belt lifted him to 40-2."),
    analysed('b', 'Ivo Kell retained his International Boxing Federation title for the fifth time in Calder.'),
  );
  assert.deepEqual(f.contradictions.filter((c) => c.rule === 'fact:defence').map((c) => c.values.map((v) => v.value).sort()), [['fifth', 'sixth']]);
});

test('calibre: the calibre of the gun, also where a tokeniser glued the point to the article', () => {
  assert.deepEqual(find('He turned and pointed a. 38 caliber revolver at the officers.', 'calibre').map((x) => [x.display, x.range!.min]), [['.38', 0.38]]);
  // Written "a .38" the sentence splitter (wink-nlp) ends a sentence at " ." before the digits: the text
  // stage's limit, not this parser's, so the pair is written as ECB+ tokenises it.
  const f = findings(
    analysed('a', 'The suspect turned and pointed a. 38 caliber revolver at the officers, police said.'),
    analysed('b', 'Police said the suspect pointed a. 357 caliber revolver at the officers.'),
  );
  assert.equal(f.contradictions.filter((x) => x.rule === 'fact:calibre').length, 1);
});

test('normalisers: units, conversions within tolerance, spelling, dates by the parts both fix', () => {
  const mile = canonicalUnit('miles')!;
  const km = canonicalUnit('kilometres')!;
  const [m10] = toCanonical(10, 10, mile);
  const [k16] = toCanonical(16, 16, km);
  assert.ok(compatibleValues({ min: m10, max: m10, exact: true }, { min: k16, max: k16, exact: true }, true).ok, '10 miles = 16 km');
  assert.equal(canonicalUnit('square feet')!.dimension, 'area');
  assert.ok(sameSpelling('fibre', 'fiber') && sameSpelling('José', 'Jose') && sameSpelling('e-mail', 'email') && sameSpelling('offence', 'offense') && sameSpelling('Advisors', 'Advisers'));
  assert.equal(spellingKey('Centre'), spellingKey('center'));
  assert.ok(sameDate({ weekday: 2 }, { year: 2008, month: 12, day: 9, weekday: 2 }), 'Tuesday and Tuesday, December 9, 2008');
  assert.ok(!sameDate({ weekday: 2 }, { weekday: 5 }));
  assert.equal(dateDisplay({ month: 7, day: 15, year: 2022, yearInferred: true }), '2022-07-15');
});

test('slots: one statement worded twice by two lone sources (one named person, related sentences) is reported', () => {
  // "visited" is a verb outside the classes (a weak frame): one lone source against another would be
  // discounted below the floor, but both sentences name Quint and say the same thing.
  const r = findings(
    analysed('a', 'Governor Marla Quint visited the flooded school in Dunmere on Tuesday and her office later released a statement.'),
    analysed('b', 'Ms Quint visited the flooded school in Dunmere on Saturday.'),
  );
  const visit = r.contradictions.find((c) => c.kind === 'date');
  assert.ok(visit, JSON.stringify(r.contradictions.map((c) => c.slot)));
  assert.deepEqual(visit.values.map((v) => v.value).sort(), ['Saturday', 'Tuesday']);
  assert.ok(visit.confidence! >= 0.6);
});

test('slots: a weekday of a classed predicate is not known from the article’s other days', () => {
  // The court date on Friday does not make the second article know that the arrest was on a Friday.
  const r = findings(
    analysed('a', 'Vance Orrin was arrested by the highway patrol early Friday morning after failing sobriety tests.'),
    analysed('b', 'Vance Orrin was arrested early Tuesday morning by the highway patrol, which said he failed a breath test. He will appear in court on Friday.'),
  );
  const arrest = r.contradictions.find((c) => c.slot === 'date of the arrest');
  assert.ok(arrest, JSON.stringify(r.contradictions.map((c) => c.slot)));
  assert.deepEqual(arrest.values.map((v) => v.value).sort(), ['Friday', 'Tuesday']);
});

test('sameParticipant: a place one sentence names and the other takes as its participant is one fact', () => {
  const at = (text: string, participant: string) => ({ participant, unit: { text } }) as unknown as FactMention;
  const a = at('The fire that destroyed the old Calder Mill warehouse in Orvel on Friday took a piece of history.', 'Calder Mill');
  const b = at('Remains of the warehouse in Orvel smoldered on Tuesday morning.', 'Orvel');
  assert.equal(sameParticipant(a, b), true);
});

test('zone: a day restated in another time zone inside brackets is not a second date of the event', () => {
  const dates = (t: string) => find(t, 'event-date').map((m) => m.display);
  assert.deepEqual(dates('The quake struck Orvel on Wednesday at 7:48 am (2248 GMT Tuesday), officials said.'), ['Wednesday at 7:48 am']);
  assert.deepEqual(dates('The Calder church burned at 9:40 p.m. Friday (1:40 a.m. ET Saturday), the fire chief said.'), ['9:40 p.m. Friday']);
});

test('slots: a later restatement of the article’s value may face the other article when its lead does not', () => {
  const r = findings(
    analysed('a', 'A strong earthquake jolted the Dellmar province on Wednesday, days after a deadly tremor levelled homes. Officials said the 7.6 magnitude quake that struck off the coast of Orvel on Wednesday cut power across the city.'),
    analysed('b', 'Hundreds of aftershocks kept shaking the coastal city of Orvel, which was struck by a 7.6 magnitude quake off the coast early on Sunday, cutting power.'),
  );
  const strike = r.contradictions.find((c) => c.slot === 'date of the quake or strike');
  assert.ok(strike, JSON.stringify(r.contradictions.map((c) => c.slot)));
  assert.deepEqual(strike.values.map((v) => v.value).sort(), ['Sunday', 'Wednesday']);
});

test('event-date: the predicate is read across a place written "Town, State," before the date', () => {
  const ms = find('Marla Quint checked into the Solace Clinic in Rancho Verde, Calif., on Thursday night, for what is to be a three-month stay.', 'event-date');
  assert.deepEqual(ms.map((m) => [m.measure, m.date]), [['date:checkin', { weekday: 4 }]]);
});

test('scheduled: a date things are scheduled for is the planned thing’s slot, and a future verb’s date is no event date', () => {
  const [e] = find('Parliamentary elections in Marvale which are planned for December 15, 2031, will be held on a new basis.', 'event-date');
  assert.equal(e.measure, 'date:plan:election');
  assert.equal(e.label, 'scheduled date of the elections');
  assert.deepEqual(find('Tarn Welby will be sentenced November 8.', 'event-date').map((m) => m.measure), ['date:plan:verdict']);
  // The verdict day and the sentencing day of one article no longer state two verdict days.
  const r = findings(
    analysed('a', 'A jury found Tarn Welby guilty Thursday of murder in the death of Lena Ostrova. Welby is to be sentenced Nov. 8.'),
    analysed('b', 'Tarn Welby was found guilty Sunday of murder in the death of Lena Ostrova, the court said. He will be sentenced November 8.'),
  );
  assert.ok(r.contradictions.some((c) => c.kind === 'date' && c.slot === 'date of the verdict'), JSON.stringify(r.contradictions.map((c) => c.slot)));
  const s = findings(
    analysed('a', 'Parliamentary elections in Marvale which are planned for December 15, 2031, will be held on a new basis, the commission said.'),
    analysed('b', 'Parliamentary elections in Marvale that are scheduled for December 24 of this year will be held on a new basis for the first time.'),
  );
  assert.ok(s.contradictions.some((c) => c.slot === 'scheduled date of the elections'));
});

test('count: a player’s points stand though the article counts other players’ points and a team line', () => {
  // Two lone sources naming the same player in related sentences state one statement: not discounted.
  const a = analysed('a', 'Ivo Kellam scored 14 points and Dara Quill scored 22 points for the Larks against Drayton. The Larks outscored Drayton on second chance points (9 - 0).', '2031-05-14');
  const b = analysed('b', 'The Larks were paced by 22 points from Dara Quill, while Ivo Kellam had 12 points and four assists against Drayton. It gave him 2,117 career points.', '2031-05-14');
  const points = findings(a, b).contradictions.filter((c) => c.slot === 'number of points (Ivo Kellam)');
  assert.deepEqual(points.map((c) => c.values.map((v) => v.value).sort()), [['12', '14']]);
  // The stat-line limit is per clause: Kellam's clause of b has two amounts.
  assert.deepEqual(find('The Larks were paced by 22 points from Dara Quill, while Ivo Kellam had 12 points and four assists.', 'count').filter((m) => m.holder === 'Ivo Kellam').map((m) => m.display), ['12', 'four']);
});

test('mark: a named person’s standing record, its kind in the slot, compared story-wide', () => {
  assert.deepEqual(find('Doug Amrit broke Rodney Vane ’ s school scoring record of 2,116 points on Friday.', 'mark').map((m) => [m.measure, m.holder, m.range!.min]), [['mark:scoring', 'Rodney Vane', 2116]]);
  const a = analysed('a', 'Doug Amrit broke Rodney Vane’s school scoring record of 2,116 points with a free throw on Friday.');
  const b = analysed('b', 'Amrit came in needing 11 points to break Rodney Vane’s scoring record of 2,106.');
  const found = findings(a, b).contradictions.filter((c) => c.rule === 'fact:mark');
  assert.deepEqual(found.map((c) => c.values.map((v) => v.value).sort()), [['2,106', '2,116']]);
});

test('event-date: a participle naming the object is skipped for the verb before it; one person’s one statement stands lone against lone', () => {
  assert.deepEqual(find('Ana Vell launched a jewellery line called Corra in December.', 'event-date').map((m) => m.measure), ['date:release']);
  const a = analysed('a', 'Ana Vell launched a new jewellery line called Corra in December.');
  const b = analysed('b', 'Ana Vell, who launched a new jewellery line called Corra in September, spoke about her past.');
  assert.deepEqual(findings(a, b).contradictions.filter((c) => c.kind === 'date').map((c) => c.values.map((v) => v.value).sort()), [['2030-09', '2030-12']]);
});

test('event-date: a year after "in" dates a classed predicate; the speaker is no participant; near-identical wording is one statement', () => {
  assert.deepEqual(find('Voters in 2027 approved a $3 million bond to buy the mill, Dara Quill said.', 'event-date').map((m) => [m.measure, m.date!.year, m.participant]), [['date:approve', 2027, null]]);
  const a = analysed('a', 'Voters in 2027 approved a $3 million bond to buy the old mill, Dara Quill said.');
  const b = analysed('b', 'Lindell voters in 2028 approved a $3 million bond to buy the old mill.');
  assert.deepEqual(findings(a, b).contradictions.filter((c) => c.kind === 'date').map((c) => c.values.map((v) => v.value).sort()), [['2027', '2028']]);
});

test('injury: the bone a named person broke, from a participle, a verb or a bracket', () => {
  assert.deepEqual(find('Ivo Vane, who returned from his broken right fibula on Sunday, said he felt stronger.', 'injury').map((m) => [m.holder, m.name]), [['Ivo Vane', 'fibula']]);
  assert.deepEqual(find('Dara Quill made the most of his chances with Ivo Vane (broken tibia) missing time.', 'injury').map((m) => [m.holder, m.name]), [['Ivo Vane', 'tibia']]);
  const a = analysed('a', 'Ivo Vane, who returned from his broken right fibula on Sunday, is ready to start for the Larks.');
  const b = analysed('b', 'The Larks leaned on Dara Quill with Ivo Vane (broken tibia) missing time for the Larks.');
  assert.deepEqual(findings(a, b).contradictions.filter((c) => c.rule === 'fact:injury').map((c) => c.values.map((v) => v.value).sort()), [['fibula', 'tibia']]);
});

test('functional date: a death date two independent sources give faces a lone other date in a sentence worded apart', () => {
  const a = analysed('a', 'A grandmother on her way to a religious service last Monday was struck and killed by a drunk driver who fled the scene, leaving her family devastated, the district attorney said.');
  const b = analysed('b', 'Police have a suspect in custody after a crash that killed a woman in Dunmere Friday night.');
  const c = analysed('c', 'A Calder man has been charged in a fatal collision that killed a woman in Dunmere Friday night, police said.');
  const death = findings(a, b, c).contradictions.filter((x) => x.slot === 'date of the killing or death');
  assert.deepEqual(death.map((x) => x.values.map((v) => `${v.value}:${v.sources.join(',')}`)), [['Friday:b,c', 'Monday:a']]);
});

test('stoppage: the time into the round a bout was stopped, "N seconds into the seventh" against "at the 2:15 mark"', () => {
  assert.deepEqual(find('Referee Dan Osric stopped the fight 44 seconds into the seventh round.', 'stoppage').map((m) => m.range!.min), [44]);
  assert.deepEqual(find('Ivo Kell floored Marsh in the sixth round and the referee stopped the fight at 2 : 56.', 'stoppage').map((m) => m.range!.min), [176]);
  const r = findings(
    analysed('a', 'Ivo Kell retained his title after stopping Dan Marsh after 44 seconds of the seventh round in Calder.'),
    analysed('b', 'After flooring Marsh in the sixth round, Ivo Kell wrapped it up in the seventh, and the referee stepped in and stopped the fight at the 2:15 mark.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'time into the round when it was stopped').map((c) => c.values.map((v) => v.value).sort()), [['2:15', '44 seconds of the seventh']]);
});

test('event-date: a date after a contest noun and its opponent dates the contest, and still the clause verb', () => {
  assert.deepEqual(find('Ivo Kell retained his titles with a second victory over Dan Osric on Saturday.', 'event-date').map((m) => m.measure), ['date:game', 'date:verb:retain']);
  const r = findings(
    analysed('a', "The senior needed nine points in the Larks' game against Drayton on Thursday night to pass Dan Osric for the record."),
    analysed('b', "Ivo Kell broke the record during the Larks' 91-73 victory over Drayton on Sunday night with a power move."),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'date of the game').map((c) => c.values.map((v) => v.value).sort()), [['Sunday', 'Thursday']]);
});

test('record-clock: the game clock when a record fell, reported as a time (a date-kind finding)', () => {
  assert.deepEqual(find('Ivo Kell tied Osric on a jumper with 14:05 left, then set the mark by banking in a shot with 7:41 left in the first half.', 'record-clock').map((m) => m.range!.min), [461]);
  const r = findings(
    analysed('a', 'Ivo Kell set the school scoring record by muscling in a bank shot over two defenders with 7:41 to go in the first half.'),
    analysed('b', 'With 7:42 left in the first half, Ivo Kell banked in a shot off the glass to break the record.'),
  );
  const clock = r.contradictions.filter((c) => c.slot === 'game clock when the record fell');
  assert.deepEqual(clock.map((c) => [c.kind, c.values.map((v) => v.value).sort()]), [['date', ['7:41', '7:42']]]);
});

test('event-date: an announcement is dated as its own slot, by the verb or a briefing noun, and one announcement worded twice faces', () => {
  assert.deepEqual(find('Korvane will buy Delt Systems for $2 billion in cash and stock, the companies announced Monday.', 'event-date').map((m) => m.measure), ['date:announce']);
  assert.deepEqual(find('In a briefing Wednesday, Korvane executives stressed that the purchase of Delt Systems was about networks.', 'event-date').map((m) => m.measure), ['date:announce']);
  const r = findings(
    analysed('a', 'Korvane agreed to buy Delt Systems for about $2 billion in cash and stock, the companies announced Thursday.'),
    analysed('b', 'Korvane announced the largest purchase in its history Monday, paying about $2 billion in cash and stock for Delt Systems.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'date of the announcement').map((c) => c.values.map((v) => v.value).sort()), [['Monday', 'Thursday']]);
});

test('copies that disagree on a weakly framed date are shown, ranked below the same finding between independent sources', async () => {
  const { factFindings } = await import('./index.js');
  const articles = [
    analysed('a', 'Lee Varn, 41, died while climbing to a hut on Mount Orvel in the Dellmar park on Saturday, police said.'),
    analysed('b', 'Lee Varn, 41, was climbing to a small hut on Mount Orvel in the Dellmar national park on Saturday.'),
    analysed('c', 'Lee Varn, 41, fell about 600 metres while climbing to a small hut on Mount Orvel in the Dellmar park on Tuesday, police said.'),
  ];
  const al = alignStory(articles, noReuse(articles.map((x) => x.id)));
  const run = (groupOf: (id: string) => string) => factFindings(al, { eventOf: () => 'e1', groupOf, publishedOf: () => '2031-05-14', similarity: al.similarity }).contradictions.filter((c) => c.kind === 'date');
  const independent = run((id) => id);
  const copies = run(() => 'one-report');
  assert.equal(independent.length, 1, 'found between independent sources');
  assert.equal(copies.length, 1, 'between copies of one report it is still reported (it was hidden under minConfidence)');
  assert.equal(copies[0].betweenCopies, true);
  assert.ok(copies[0].confidence! < independent[0].confidence!, 'and ranked lower');
  assert.deepEqual(copies[0].values.map((v) => v.value).sort(), ['Saturday', 'Tuesday']);
});

test('event-date: a short bracketed aside between the verb and its date stays inside the phrase', () => {
  const ms = find('They also signed veteran Dario Venn (Orvel State) on Tuesday to serve as a backup behind Lee Varn.', 'event-date');
  assert.deepEqual(ms.map((m) => [m.measure, m.display]), [['date:sign', 'Tuesday']], 'the signing, not "to serve"');
  assert.deepEqual(find('Police arrested Dario Venn (Orvel) on Monday near the harbour.', 'event-date').map((m) => m.measure), ['date:arrest']);
});
