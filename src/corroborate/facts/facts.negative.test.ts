// What the fact parsers must not frame and the slots must not report (each parser's "must not hit").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysed, findings, mentionsOf, noReuse } from '../../../test/fixtures/facts/build.js';
import { alignStory } from '../align.js';
import { markedQuotes } from './quotes.js';
import { endSubstitution } from '../rules/quote.js';
import { elidedTotals } from './parsers/elided-total.js';
import { factMentions } from './index.js';
import { sameParticipant } from './slots.js';
import type { FactMention } from './mention.js';
import type { SentenceUnit } from '../align.js';
import { zoneRestatement } from './normalise/zone.js';

const rules = (body: string, rule: string) => mentionsOf(body).filter((m) => m.rule === rule);

test('toll: background tolls, things, hypotheticals, increments and metres are no toll', () => {
  assert.deepEqual(rules('In 2004 a tsunami off Verano killed 230,000 people around the ocean.', 'toll'), []);
  assert.deepEqual(rules('The storm destroyed 300 houses in the bay.', 'toll'), []);
  assert.deepEqual(rules('Officials warned the dam could kill thousands if it failed.', 'toll'), []);
  assert.deepEqual(rules('Rescuers recovered six more bodies overnight.', 'toll'), []);
  assert.deepEqual(rules('The climber died after falling about 60m from a ridge.', 'toll'), []);
});

test('toll: a trap of things is no toll, and the trapped do not meet the dead', () => {
  assert.deepEqual(rules('Police set up 12 speed traps along the Dellmar road.', 'toll'), []);
  const r = findings(
    analysed('a', 'The quake in Dellmar killed six children and left 14 others trapped when the school collapsed.'),
    analysed('b', 'Six children died when the Dellmar school collapsed, and 14 children are still trapped.'),
  );
  assert.deepEqual(r.contradictions.map((c) => c.slot), [], 'six dead and 14 trapped, worded twice: nothing to report');
});

test('score: a lead at a moment, a record, a year span, another contest and another week are no game score', () => {
  assert.deepEqual(rules('The Larks, trailing 14-0 at the start of the second quarter, took a 20-13 lead late.', 'score'), []);
  assert.deepEqual(rules('Drayton (10 - 5) improved to 10-5 and has a 9-1 record in close games.', 'score'), []);
  assert.deepEqual(rules('Lee Varn coached the club from 1979-90 and went 10-5-2 in 2008-09.', 'score'), []);
  assert.deepEqual(rules('The Larks won the turnover battle 3 - 0 over the Owls.', 'score'), []);
  assert.deepEqual(rules('Ivo Kellam beat Lee Varn 6-4, 6-3 in the Dellmar final.', 'score'), [], 'set scores are no one score');
  assert.deepEqual(rules('In head-to-head matchups, Ivo Kellam beats Lee Varn 42-40 among likely voters.', 'score'), [], 'a poll margin is no game score');
  assert.deepEqual(rules('Last week the Larks beat the Owls 24-7 in Drayton.', 'score'), []);
  assert.deepEqual(rules('Ivo Kellam beat Lee Varn, 43-1, 33 KOs, in the fifth round.', 'score'), [], 'a fighter’s record beside his name is parser record’s');
});

test('score: two games of one tournament day, each against its named opponent, never meet', () => {
  const r = findings(
    analysed('a', 'The top-seeded Larks defeated Drayton 65-53 on Friday in the quarterfinals of the Valley tournament.'),
    analysed('b', 'The Larks meet Orvel in the semifinals after Orvel outlasted Calder 51-50 on Friday in the Valley tournament.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'final score'), []);
});

test('count: a round’s or a half’s count is not the game’s, and the attempts never face the landed', () => {
  assert.deepEqual(rules('Ivo Kellam landed 28 of his 68 punches during the round.', 'count').map((m) => m.measure), [], 'a round is a part of the bout');
  assert.deepEqual(rules('Ivo Kellam scored 14 points in the second half.', 'count'), []);
  const r = findings(
    analysed('a', 'The final numbers showed Ivo Kellam landing 178 of 369 punches thrown in the bout.'),
    analysed('b', 'Ivo Kellam threw 369 punches and landed 178 punches in the bout against Orsini.'),
  );
  assert.deepEqual(r.contradictions.map((c) => c.slot), []);
});

test('restated: a bracket that is not right after the date, or holds more than a date, restates nothing', () => {
  const ms = rules('Varn was unveiled on Sunday, a day after the vote (August 13), on Channel Nine.', 'event-date');
  assert.ok(ms.every((m) => m.display !== 'Sunday' || m.date!.day === undefined), 'Sunday keeps its own value');
});

test('duration: a span with no perfect before it, a plan, and two named people’s spans are no practice slot', () => {
  assert.deepEqual(rules('Ivo Kellam served 35 years in prison and had a 30-year career.', 'duration'), []);
  assert.deepEqual(rules('The council plans to keep the reviews that inspectors have performed for 35 years.', 'duration'), []);
  const r = findings(
    analysed('a', 'Ivo Kellam, who has worked for 20 years at the Dellmar plant, was hurt in the blast on Friday.'),
    analysed('b', 'Lee Varn, who has worked for 12 years at the Dellmar plant, was hurt in the blast on Friday.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot?.startsWith('how long')), []);
});

test('age, magnitude, measure: no holder, no number, no reference place', () => {
  assert.deepEqual(rules('A 59-year-old woman was struck by a car outside the store.', 'age'), []);
  assert.deepEqual(rules('Officials underestimated the magnitude of the problem in the port.', 'magnitude'), []);
  assert.deepEqual(rules('A magnitude 5.2 aftershock rattled the coast on Monday.', 'magnitude'), []);
  assert.deepEqual(rules('Late on Tuesday there were two aftershocks of more than 5.0 magnitude off the coast.', 'magnitude'), []);
  assert.deepEqual(rules('The port was hit by the 7.6 and 7.5 magnitude quakes within hours.', 'magnitude'), []);
  assert.deepEqual(rules('A reporter saw a crater about two metres wide near the school.', 'measure'), []);
});

test('count: the cue of an earlier amount does not qualify a later one', () => {
  assert.deepEqual(rules('Ivo Kellam, who now has 2,302 points, scored 20 points against Drayton.', 'count').map((m) => [m.range!.min, m.measure]), [[2302, 'count:point:total'], [20, 'count:point']]);
});

test('elided-total: no running-total cue, a small figure, or no earlier count of the holder is no total', () => {
  const totals = (body: string) => {
    const units = alignStory([analysed('x', body)], noReuse(['x'])).units;
    return elidedTotals(factMentions(units), units).filter((m) => m.measure.endsWith(':total'));
  };
  // No "now has" before the figure.
  assert.deepEqual(totals('Ivo Kell scored 20 points on Thursday. The club has 2,301.'), []);
  // A small bare figure is anyone's count of anything.
  assert.deepEqual(totals('Ivo Kell scored 20 points on Thursday. Ivo Kell now has two.'), []);
  // No earlier count of the holder says what the figure counts.
  assert.deepEqual(totals('Dara Quill scored 20 points on Thursday. Ivo Kell now has 2,301.'), []);
});

test('count: a part of a figure ("including $281 million in cash") is not the holder’s count', () => {
  assert.deepEqual(rules('Harbour Lines will pay $334 million for Calder Ferries, including $281 million in cash.', 'count').map((m) => m.display), ['$334 million']);
  assert.deepEqual(rules('Ivo Kell scored 23 points, including 14 points in the second half.', 'count').map((m) => m.display), ['23']);
  assert.deepEqual(rules('Harbour Lines said $281 million of the purchase price will be paid in cash.', 'count'), []);
});

test('count: an article that writes the other side’s money figure anywhere knows both', () => {
  const f = findings(
    analysed('a', 'Harbour Lines will pay $334 million for Calder Ferries.'),
    analysed('b', 'Harbour Lines will pay $281 million in cash for Calder Ferries. The deal was valued at $334 million in all.'),
  );
  assert.deepEqual(f.contradictions.filter((c) => c.rule === 'fact:count'), []);
});

test('count: no sending verb, no purpose, or a place the things went to keep the counted noun', () => {
  const measures = (body: string) => rules(body, 'count').map((m) => m.measure);
  assert.deepEqual(measures('Ivo Kell scored 20 points to lead the Larks.'), ['count:point']);
  assert.deepEqual(measures('The Harbour Safety Board sent 8 letters on Monday.'), ['count:letter']);
  assert.deepEqual(measures('The Harbour Safety Board sent 700 comments to officials.'), ['count:comment']);
});

test('count: a record stays a record, before the value or in its apposition', () => {
  assert.deepEqual(rules('Ivo Kellam scored a record-breaking 50 points against Drayton.', 'count').map((m) => m.measure), ['count:point:record']);
  assert.deepEqual(rules('Ivo Kellam scored 50 points, a record for the club.', 'count').map((m) => m.measure), ['count:point:record']);
});

test('count: an article with two totals of one thing that disagree leaves the totals slot', () => {
  const a = analysed('a', 'Ivo Kellam now has 2,129 points for the Larks.', '2031-05-14');
  const b = analysed('b', 'Ivo Kellam now has 2,029 points in 106 games as a Lark. By the final buzzer Ivo Kellam now has 2,290 points.', '2031-05-14');
  const c = analysed('c', 'After the Drayton game Ivo Kellam now has 2,129 points as a Lark.', '2031-05-14');
  const d = analysed('d', 'Ivo Kellam now has 2,029 points for the Larks.', '2031-05-14');
  const e = analysed('e', 'Ivo Kellam now has 2,029 points after Friday.', '2031-05-14');
  // b alone states two totals; d and e keep a slot of 2,029 against a and c, which b must not join.
  const found = findings(a, b, c, d, e).contradictions.filter((x) => x.slot?.startsWith('total number of points'));
  assert.equal(found.length, 1, 'the slot is still compared');
  assert.ok(found.every((x) => x.values.every((v) => !v.sources.includes('b'))), JSON.stringify(found.map((x) => x.values)));
  assert.deepEqual(findings(a, b, c).contradictions.filter((x) => x.slot?.startsWith('total number of points')), []);
});

test('event-date: a draft pick names no date of a signing', () => {
  assert.deepEqual(rules('Dario Venn, the second overall pick in the 2006 draft, has played ten games.', 'event-date'), []);
});

test('event-date: "decades" is no December, "Mayor" no May', () => {
  const dates = (t: string) => mentionsOf(t).filter((m) => m.kind === 'date').map((m) => m.display);
  assert.deepEqual(dates('Such reviews had been required for more than two decades until the agency made them optional in rules issued last December.'), ['last December']);
  assert.deepEqual(dates('Mayor Ilse Varn opened the bridge to traffic after two decades of delays.'), []);
});

test('temperature: a degree-adjective of water, an oven or a forecast is not the air\'s', () => {
  assert.deepEqual(rules('Divers searched the lake in 40-degree water temperatures.', 'temperature'), []);
  assert.deepEqual(rules('Forecasters expect a high of 95-degree heat on Friday.', 'temperature'), []);
});

test('event-date: a comma between clauses is no list comma', () => {
  // A verb before the comma, or a determiner after it: the date's phrase starts after the comma.
  assert.deepEqual(rules('Rebels attacked the town, and the army on Tuesday shelled it.', 'event-date').map((m) => m.measure), ['date:strike']);
  assert.deepEqual(rules('Dario Venn was questioned, and on Friday he was charged.', 'event-date').map((m) => m.measure), ['date:charge']);
  assert.deepEqual(rules('Dario Venn testified, police said, on Thursday.', 'event-date'), []);
});

test("event-date: a possessive date of an unclassed thing is no predicate's date", () => {
  // The protests were on Saturday; the arrests counted over them are no dated arrest of the event.
  assert.deepEqual(rules("Police said they made 86 arrests over the course of Saturday's protests.", 'event-date'), []);
});

test('event-date: a verb after the date with its own subject does not class it', () => {
  assert.ok(!rules('Dario Venn was questioned Thursday after authorities received several phone tips.', 'event-date').some((m) => m.measure === 'date:receive'));
});

test('event-date: a quake that struck on a day stays a strike without a toll verb beside it', () => {
  assert.deepEqual(rules('The quake struck the town of Orvel on Tuesday and shook buildings across the valley.', 'event-date').map((m) => m.measure), ['date:strike']);
});

test('count: stat lines and needs are not compared', () => {
  assert.deepEqual(rules('Ivo Kell had 12 points, 11 rebounds and six blocked shots.', 'count'), []);
  assert.deepEqual(rules('Ivo Kell needed nine points to break the mark.', 'count'), []);
});

test('residence: titles and offices after a name are no home town; two spellings of one place agree', () => {
  assert.deepEqual(rules('Mike Ravel, director of the Security Response Center, urged users to update.', 'residence'), []);
  assert.deepEqual(rules('The case is led by John Bonder, an inspector with the State Fire Office.', 'residence'), []);
  const r = findings(
    analysed('a', 'Police stopped Anthony Marsh, 36, of Lindell, when he hit another car.'),
    analysed('b', 'Anthony Marsh, of Lindell Heights, was charged on Friday with homicide.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.kind === 'name'), []);
});

test('event-date: dates of statements and of promises are not event dates', () => {
  assert.deepEqual(rules('The minister said on Friday that the port would reopen.', 'event-date'), []);
  assert.deepEqual(rules('As it promised on Tuesday, Vessa today issued a patch for the flaw.', 'event-date').filter((m) => m.display.includes('Tuesday')), []);
});

test('slots: compatible wordings stay silent', () => {
  const pairs: [string, string][] = [
    ['Floods killed 12 people in the Merrow valley.', 'Floods killed twelve people in the Merrow valley, officials said.'],
    ['Officials said hundreds of residents were evacuated from the Merrow valley.', 'Several hundred residents were evacuated from the Merrow valley overnight.'],
    ['The epicentre lay 10 miles north of Calder, the survey said.', 'The quake was centred 16 kilometres north of Calder.'],
    ['The flood killed 1,523 people across the Merrow valley.', 'About 1,500 people were killed in the Merrow valley floods.'],
    ['At least 20 people were killed in the Merrow valley.', 'The floods in the Merrow valley killed 23 people.'],
  ];
  for (const [x, y] of pairs) {
    const r = findings(analysed('a', x), analysed('b', y));
    assert.deepEqual(r.contradictions, [], `${x} / ${y}`);
  }
});

test('slots: different people, both values known to one article, figures tenfold apart are not disagreements', () => {
  const people = findings(
    analysed('a', 'Climber Duncan Reith died on Friday after a fall near the glacier.'),
    analysed('b', 'Climber Robert Vane died on Saturday after a fall near the hut.'),
  );
  assert.deepEqual(people.contradictions.filter((c) => c.kind === 'date'), []);
  const knows = findings(
    analysed('a', 'The Lomar terminal closed on Friday after the fog came in.'),
    analysed('b', 'The Lomar terminal closed on Saturday. It had first shut on Friday for an hour.'),
  );
  assert.deepEqual(knows.contradictions.filter((c) => c.kind === 'date'), []);
  const tenfold = findings(analysed('a', 'Doug Amrit scored 23 points against Drake.'), analysed('b', 'Doug Amrit ended the game with 2,129 points.'));
  assert.deepEqual(tenfold.contradictions, []);
});

test('fall: the speaker who reports a fall is not its faller', () => {
  assert.deepEqual(rules('Inspector Dara Quill said the 36-year-old Ronan Vale fell about 200 metres from the ridge.', 'fall').map((x) => x.holder), ['Ronan Vale']);
  assert.deepEqual(rules('Police spokesman Dara Quill said the man fell about 200 metres from the ridge.', 'fall'), [], 'no faller named');
  assert.deepEqual(rules('Dara Quill, a police spokesman, said the man fell about 200 metres from the ridge.', 'fall'), [], 'past an apposition');
  assert.deepEqual(rules('According to Dara Quill, the man fell about 200 metres from the ridge.', 'fall'), [], 'according to');
});

test('fall: a figure that falls, a height with no fall, or an age two people share hold no fall distance', () => {
  assert.deepEqual(rules('Shares of the ferry line fell 20 points on Monday.', 'fall'), []);
  assert.deepEqual(rules('Police said 36-year-old John Marsh climbed a 200-metre cliff above the glacier.', 'fall'), []);
  const f = findings(
    analysed('a', 'Police named them as 36-year-old John Marsh and 36-year-old Peter Hale.'),
    analysed('b', 'A 36-year-old climber fell about 150 metres from a ridge on the glacier.'),
    analysed('c', 'A 36-year-old climber fell about 600 metres from a ridge on the glacier.'),
  );
  assert.deepEqual(f.contradictions.filter((x) => x.rule === 'fact:fall'), []);
});

test('temperature: highs, forecasts and water temperatures are not the temperature at the event', () => {
  assert.deepEqual(rules('Forecasters said temperatures would reach a high of 30 degrees.', 'temperature'), []);
  assert.deepEqual(rules('The water temperature was 12 degrees at the quay.', 'temperature'), []);
  assert.deepEqual(rules('Temperatures could fall to minus 20 next week.', 'temperature'), []);
});

test('affected: a list after a verb of another class, or after a second verb, is not what was attacked', () => {
  assert.deepEqual(rules('Inspectors visited a government building, four shops and two banks in the port.', 'affected'), []);
  assert.deepEqual(rules('Youths attacked the station, and the next morning inspectors counted 30 shops in the port.', 'affected'), []);
});

test('received: yards, stitches and people are not submissions; "nearly" and "about" the same figure agree', () => {
  assert.deepEqual(rules('Ivo Kell received 55 yards on four catches.', 'received'), []);
  assert.deepEqual(rules('The driver received 20 stitches at the clinic.', 'received'), []);
  assert.deepEqual(rules('The town received 300 refugees last week.', 'received'), []);
  const f = findings(
    analysed('a', 'The harbour board received nearly 2,400 comments on the ferry plan.'),
    analysed('b', 'The harbour board received about 2,300 comments on the ferry plan.'),
  );
  assert.deepEqual(f.contradictions.filter((x) => x.rule === 'fact:received'), []);
});

test('duration: no activity, a calendar span against working hours, a plan: no duration slot or finding', () => {
  assert.deepEqual(rules('The port saw five days of riots after the vote.', 'duration'), []);
  assert.deepEqual(rules('The search could take weeks, officials said.', 'duration'), []);
  const f = findings(
    analysed('a', 'The harbour jury was unable to reach a verdict after 30 hours of deliberation.'),
    analysed('b', 'The harbour jury deliberated over four days without a verdict.'),
  );
  assert.deepEqual(f.contradictions.filter((x) => x.rule === 'fact:duration'), []);
});

test('record: year spans, scores, teams and a career total are no record of the bout or the job', () => {
  assert.deepEqual(rules('Peter Hale coached the club from 1979-90 and again in 2008-09.', 'record'), []);
  assert.deepEqual(rules('Peter Hale won 118-110 on all three cards.', 'record'), []);
  // A team is no person: its record never faces another (one-word untyped names are not read as holders).
  const teams = findings(analysed('a', 'The Jaguars (5-10) lost again on Sunday.'), analysed('b', 'The Jaguars (2-6) lost again on Sunday.'));
  assert.deepEqual(teams.contradictions.filter((x) => x.rule === 'fact:record'), []);
  const f = findings(
    analysed('a', 'Coach Peter Hale is 122-147 in three seasons with the harbour club.'),
    analysed('b', 'Coach Peter Hale is 284-286 lifetime, including four years in the capital.'),
  );
  assert.deepEqual(f.contradictions.filter((x) => x.rule === 'fact:record'), []);
});

test('wounds: strikeouts, other verbs and unnamed victims are not counted', () => {
  assert.deepEqual(rules('John Marsh struck out four times in the game.', 'wounds'), []);
  assert.deepEqual(rules('John Marsh had been arrested four times before.', 'wounds'), []);
  assert.deepEqual(rules('A man was shot seven times near the quay.', 'wounds'), []);
});

test('title: a rank with no job words, two jobs, or a home town are no title disagreement', () => {
  assert.deepEqual(rules('John Marsh, director of Harbour Lines, spoke on Monday.', 'title'), []);
  assert.deepEqual(rules('John Marsh, 36, of Bayside was arrested.', 'title'), []);
  const f = findings(
    analysed('a', 'John Marsh, port security manager for Harbour Lines, spoke on Monday.'),
    analysed('b', 'John Marsh, ferry planning director at Harbour Lines, spoke on Monday.'),
  );
  assert.deepEqual(f.contradictions.filter((x) => x.rule === 'fact:title'), []);
});

test('employer: no rank, a place, a longer name of one organisation or two posts are no employer disagreement', () => {
  assert.deepEqual(rules('Ilse Varga, a friend of the Harbour Safety Council, spoke.', 'employer'), []);
  assert.deepEqual(rules('Ilse Varga, director at Calder, spoke.', 'employer'), []);
  const employer = (x: string, y: string) => findings(analysed('a', x), analysed('b', y)).contradictions.filter((c) => c.rule === 'fact:employer');
  // The same organisation with more words (or the company's name before it) agrees.
  assert.deepEqual(employer('“The patch is ready,” said Harbour Safety Board director Ilse Varga.', 'The update was urged by Ilse Varga, director of the Port of Calder Harbour Safety Board.'), []);
  // Names sharing fewer than two words are two posts, not one misnamed.
  assert.deepEqual(employer('“The patch is ready,” said Harbour Safety Board director Ilse Varga.', 'Ilse Varga, the director of Calder Ferries Inc, spoke.'), []);
});

test('score-clock: no lead, another clause, another score between, or another clock is no score at the clock', () => {
  assert.deepEqual(rules('The Larks won 91-73 and Ivo Kell broke the record with 7:41 left.', 'score-clock'), []);
  assert.deepEqual(rules('The Larks led 40-30 at the break, and Dara Quill scored with 13:41 to play.', 'score-clock'), []);
  // The clock is the later score's, not the 40-30 lead's.
  assert.deepEqual(rules('The Larks led 40-30, then 47-44 with 13:41 to play.', 'score-clock').filter((m) => m.display === '40-30'), []);
  const f = findings(
    analysed('a', 'The Larks opened a 45-35 lead with 13:41 to play.'),
    analysed('b', 'The Larks opened a 45-36 lead with 13:12 to play.'),
    analysed('c', 'Drayton trailed the Larks, who held a 35-45 lead with 13:41 left.'),
  );
  assert.deepEqual(f.contradictions.filter((c) => c.rule === 'fact:score-clock'), []);
});

test('defence: an unnamed title, a list of titles, a win or another time is no defence; two belts never meet', () => {
  assert.deepEqual(rules('It was his sixth title defence in Calder.', 'defence'), []);
  assert.deepEqual(rules('Ivo Kell retained the WBA, IBF and WBO titles for the fifth time.', 'defence'), []);
  assert.deepEqual(rules('Ivo Kell won the IBF title for the third time.', 'defence'), []);
  assert.deepEqual(rules('It was his fifth defense of the IBF belt in 2007.', 'defence'), []);
  const f = findings(
    analysed('a', "Ivo Kell's sixth defense of the IBF belt came in Calder."),
    analysed('b', 'Ivo Kell retained his World Boxing Organization title for the fifth time in Calder.'),
  );
  assert.deepEqual(f.contradictions.filter((c) => c.rule === 'fact:defence'), []);
});

test('calibre: millimetres, prices and plain decimals are no calibre', () => {
  assert.deepEqual(rules('Officers carried 9mm pistols and fired 40 rounds.', 'calibre'), []);
  assert.deepEqual(rules('The batter hit .357 this season and the gun shop sold a revolver.', 'calibre'), []);
});

test('quotes: marked stretches that are two remarks, or one tokenised contraction apart, are no misquote', () => {
  const twoRemarks = findings(
    analysed('a', 'The mayor spoke after the vote. “We will open the northern quay to the ferries again next spring.”'),
    analysed('b', 'The mayor spoke after the vote. “We will close the southern road to the lorries from next week on.”'),
  );
  assert.deepEqual(twoRemarks.contradictions.filter((c) => c.kind === 'quote'), []);
  const tokenised = findings(
    analysed('a', 'The mayor spoke after the vote. “We’re at the point of the year where the port must do what’s best.”'),
    analysed('b', 'The mayor spoke after the vote. “We ’ re at the point of the year where the port must do what ’ s best.”'),
  );
  assert.deepEqual(tokenised.contradictions.filter((c) => c.kind === 'quote'), []);
  // A closing mark with no opening one in an article quotes from the sentence start, never from a sentence of another article.
  const a = analysed('a', 'We met at noon, and the crews agreed to the new shifts,” the foreman said.');
  assert.deepEqual(markedQuotes(alignStory([a], noReuse(['a'])).units).map((m) => m.text.trim()), ['We met at noon, and the crews agreed to the new shifts,']);
});

test('quotes: a quote that stops mid-sentence is partial, not cut short', () => {
  const partial = findings(
    analysed('a', 'The councillor said the young people of the harbour have “no outlets at all for their anger and their hopes, no youth centre” and left.'),
    analysed('b', 'The councillor said the young people of the harbour have “no outlets at all for their anger and their hopes, no youth” to speak of.'),
  );
  assert.deepEqual(partial.contradictions.filter((c) => c.kind === 'quote'), []);
});

test('quotes: a quote that only stops earlier, or ends on a function word or a number, is no end swap', () => {
  // Stops one word earlier: a cut, not a swap.
  assert.equal(endSubstitution(['we', 'will', 'rebuild', 'the', 'old', 'church'], ['we', 'will', 'rebuild', 'the', 'old', 'church', 'hall']), null);
  // A function word at the end ("rebuild it" / "rebuild the church").
  assert.equal(endSubstitution(['we', 'will', 'rebuild', 'it'], ['we', 'will', 'rebuild', 'the', 'church']), null);
  // Numbers and contractions are other rules' business.
  assert.equal(endSubstitution(['the', 'crews', 'worked', 'for', '12'], ['the', 'crews', 'worked', 'for', 'twelve']), null);
  // Wordings that part before three shared words.
  assert.equal(endSubstitution(['crews', 'harbour'], ['crews', 'village']), null);
  const partial = findings(
    analysed('a', 'The foreman said the crews “will rebuild the old quay wall of the northern harbour” by spring.'),
    analysed('b', 'The foreman said the crews “will rebuild the old quay wall of the northern harbour and the ferry ramp” this year.'),
  );
  assert.deepEqual(partial.contradictions.filter((c) => c.kind === 'quote'), []);
});

test('quotes: a shorter phrase at either end, a function word, one source or an article quoting both is no dropped qualifier', () => {
  const settled = [
    analysed('a', 'The mayor said she regretted the “unfair public scrutiny” the harbour crews had faced since the strike.'),
    analysed('b', 'Mayor Tessa Lund apologised for the “unfair public scrutiny” of the crews.'),
  ];
  const qualifier = (...xs: ReturnType<typeof analysed>[]) => findings(...xs).contradictions.filter((x) => x.rule === 'fact:quote-qualifier');
  // Stops short at an end: a shorter quote of the same words.
  assert.deepEqual(qualifier(...settled, analysed('c', 'The mayor has apologised if “public scrutiny” drove the crews to strike.')), []);
  // A function word added is no qualifier.
  assert.deepEqual(qualifier(analysed('a', 'She regretted “the scrutiny of crews” at the quay.'), analysed('b', 'She regretted “the scrutiny of crews” again.'), analysed('c', 'She regretted “the scrutiny of the crews” on Monday.')), []);
  // The longer wording of one source only.
  assert.deepEqual(qualifier(settled[0], analysed('c', 'The mayor has apologised if “unfair scrutiny” drove the crews to strike.')), []);
  // The phrase's article quotes the longer wording too.
  assert.deepEqual(qualifier(...settled, analysed('c', 'The mayor regretted the “unfair public scrutiny” of the crews. She said “unfair scrutiny” hurt them.')), []);
});

test('quotes: punctuation, contractions and two named speakers are no misquote', () => {
  const punct = findings(
    analysed('a', '“We have never seen two cranes go down in a single night,” Port Director Marta Okafor said.'),
    analysed('b', '"We have never seen two cranes go down in a single night" Okafor told reporters.'),
  );
  assert.deepEqual(punct.contradictions.filter((c) => c.kind === 'quote'), []);
  const contraction = findings(
    analysed('a', '“It is not in his nature to stay quiet about the harbour plans,” Ilse Varga said.'),
    analysed('b', 'The statement read: “It’s not in his nature to stay quiet about the harbour plans.”'),
  );
  assert.deepEqual(contraction.contradictions.filter((c) => c.kind === 'quote'), []);
  const twoSpeakers = findings(
    analysed('a', '“We found serious rust on the northern cranes of the port,” Ilse Varga said.'),
    analysed('b', '“We found severe rust on the northern cranes of the port,” Tomas Brenn said.'),
  );
  assert.deepEqual(twoSpeakers.contradictions.filter((c) => c.kind === 'quote'), []);
});

test('slots: lone sources of a weak frame with no named person, or an article that states both days of one predicate, stay silent', () => {
  const lone = findings(
    analysed('a', 'The ferry to the island sailed on Tuesday with forty cars aboard.'),
    analysed('b', 'The old ferry sailed on Saturday despite the storm warnings.'),
  );
  assert.deepEqual(lone.contradictions.filter((c) => c.kind === 'date'), [], 'no named participant: one lone source against another stays discounted');
  const both = findings(
    analysed('a', 'Vance Orrin was arrested by the highway patrol early Friday morning.'),
    analysed('b', 'Vance Orrin was arrested early Tuesday morning. He had already been arrested on Friday for speeding.'),
  );
  assert.deepEqual(both.contradictions.filter((c) => c.kind === 'date'), [], 'the second article states both arrest days');
});

test('sameParticipant: two named people, neither named in the other sentence, are different facts', () => {
  const at = (text: string, participant: string) => ({ participant, unit: { text } }) as unknown as FactMention;
  assert.equal(sameParticipant(at('Climber Duncan Reith died on Friday after a fall.', 'Duncan Reith'), at('Climber Robert Vane died on Saturday.', 'Robert Vane')), false);
});

test('zone: a bracketed day with no clock time in a zone, or a zone outside brackets, is kept', () => {
  const unit = (text: string) => ({ text, start: 0 }) as unknown as SentenceUnit;
  const at = (text: string, day: string) => [text.indexOf(day), text.indexOf(day) + day.length] as const;
  const plain = 'The quake struck Orvel (it hit again on Thursday) before dawn.';
  assert.equal(zoneRestatement(unit(plain), ...at(plain, 'Thursday')), false);
  const outside = 'The Calder church burned at 10 p.m. ET Saturday (the fire chief said).';
  assert.equal(zoneRestatement(unit(outside), ...at(outside, 'Saturday')), false);
  const after = 'The quake hit at 7:48 am (2248 GMT) and again on Tuesday.';
  assert.equal(zoneRestatement(unit(after), ...at(after, 'Tuesday')), false);
});

test('slots: an article’s statement of another date part does not face for the value that stands for it', () => {
  // "October 19" stands for the second article; its "last Thursday" (another injury, a part October 19
  // does not fix) must not carry the side against the third article's Wednesday.
  const r = findings(
    analysed('a', 'The strong safety was injured during the overtime loss to the Falcons last Sunday.', null),
    analysed('b', 'The back missed four games after surgery for a knee injury suffered in an October 19 game against Carolina. Hale Osric was injured in practice last Thursday and the Saints placed Hale Osric on the injured list.', null),
    analysed('c', 'The Saints placed Hale Osric on the injured list Wednesday after he was injured in practice.', null),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.kind === 'date'), []);
});

test('event-date: a clause between commas before the date is not skipped as a place', () => {
  assert.deepEqual(rules('Marla Quint checked in, her rep told reporters, on Thursday night.', 'event-date'), []);
  assert.deepEqual(rules('Marla Quint checked into the clinic, a spokesman said, on Thursday.', 'event-date'), []);
});

test('scheduled: "set" frames a plan only before "for"; a scheduled date with no named thing, or a future unclassed verb, is no plan slot', () => {
  assert.deepEqual(rules('Dana Pryce set a school record on Tuesday in the relay.', 'event-date').filter((m) => m.measure.startsWith('date:plan:')), []);
  assert.deepEqual(rules('It is scheduled for Monday.', 'event-date'), []);
  assert.deepEqual(rules('The Hawks will play Saturday against Linden.', 'event-date').filter((m) => m.measure.startsWith('date:plan:')), []);
  // A sentencing's planned date never faces an election's.
  const r = findings(
    analysed('a', 'Council elections in Marvale are scheduled for December 15, the commission said.'),
    analysed('b', 'The sentencing of Tarn Welby in Marvale is scheduled for December 24, the commission said.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.kind === 'date'), []);
});

test('count: a pronoun’s other count of the thing still leaves the slot; another player’s equal figure is no knowledge of it', () => {
  // "He" may be Kellam: b gives two values for Kellam's points and leaves the slot.
  const a = analysed('a', 'Ivo Kellam scored 14 points for the Larks against Drayton.', '2031-05-14');
  const b = analysed('b', 'Ivo Kellam had 12 points for the Larks against Drayton. He scored 16 points in the second game.', '2031-05-14');
  assert.deepEqual(findings(a, b).contradictions.filter((c) => c.slot === 'number of points (Ivo Kellam)'), []);
  // Lone sources in unrelated sentences stay discounted below the floor (sameStatement needs related sentences).
  const c = analysed('c', 'Ivo Kellam scored 14 points for the Larks against Drayton.', '2031-05-14');
  const d = analysed('d', 'Coach Ren Alder praised the defence, and on a cold night at the arena Ivo Kellam finished with 12 points.', '2031-05-14');
  assert.deepEqual(findings(c, d).contradictions.filter((x) => x.slot === 'number of points (Ivo Kellam)'), []);
  // A clause of three amounts is still a stat line.
  assert.deepEqual(rules('While the Larks lost, Ivo Kell had 12 points, 11 rebounds and six blocked shots.', 'count'), []);
});

test('mark: no named possessor, another kind of record, a won-lost record', () => {
  assert.deepEqual(rules('Doug Amrit broke the school record of 2,116 points on Friday.', 'mark'), []);
  assert.deepEqual(rules('Rodney Vane’s record of 52-3 still stands.', 'mark'), []);
  const a = analysed('a', 'Doug Amrit broke Rodney Vane’s scoring record of 2,116 points on Friday.');
  const b = analysed('b', 'Doug Amrit is close to Rodney Vane’s rebounding record of 906.');
  assert.deepEqual(findings(a, b).contradictions.filter((c) => c.rule === 'fact:mark'), []);
});

test('event-date: a naming verb of its own is not skipped', () => {
  // "named" here is the statement's verb (no verb before it): the date is the naming's.
  assert.deepEqual(rules('On the ferry the officials named Dario Venn as the suspect on Tuesday.', 'event-date').map((m) => m.measure), ['date:verb:nam']);
});

test('event-date: a year beside a verb outside the year classes, or not after "in", frames nothing', () => {
  assert.deepEqual(rules('Ivo Kellam played for the Larks in 2025 before he moved to Calder.', 'event-date'), []);
  assert.deepEqual(rules('The 2027 bond was approved by voters after a long campaign.', 'event-date'), []);
  // Two lone sources in sentences that only share the event's words stay discounted.
  const a = analysed('a', 'Voters in 2027 approved a bond to buy the old mill.');
  const b = analysed('b', 'The council said the roof of the mill, which voters approved buying in 2028, was unsafe and would cost more than planned.');
  assert.deepEqual(findings(a, b).contradictions.filter((c) => c.kind === 'date'), []);
});

test('injury: a bone not said broken, an unnamed person, another time', () => {
  assert.deepEqual(rules('Ivo Vane said his fibula had healed by the spring.', 'injury'), []);
  assert.deepEqual(rules('A broken tibia takes months to heal, doctors said.', 'injury'), []);
  assert.deepEqual(rules('Ivo Vane broke his left wrist in 2025 against Calder.', 'injury'), []);
});

test('functional date: lone against lone, and dates of recurring classes, still need related sentences', () => {
  const a = analysed('a', 'A grandmother on her way to a religious service last Monday was struck and killed by a drunk driver who fled the scene, leaving her family devastated, the district attorney said.');
  const b = analysed('b', 'Police have a suspect in custody after a crash that killed a woman in Dunmere Friday night.');
  assert.deepEqual(findings(a, b).contradictions.filter((x) => x.kind === 'date'), [], 'one source against one: no corroboration');
  // An injury recurs within an event (players, days): two sources of one day do not make another day a slip.
  const ia = analysed('a', 'A guard on his way to a practice field last Monday was struck and injured by a falling beam that left his family worried, the coach said.');
  const ib = analysed('b', 'The Larks lost a starter who was injured in Dunmere Friday night.');
  const ic = analysed('c', 'A Calder player was injured in the Dunmere game Friday night, officials said.');
  assert.deepEqual(findings(ia, ib, ic).contradictions.filter((x) => x.kind === 'date'), []);
});

test('stoppage: a play clock, a time of day, a countdown and a sentence with no period are no stoppage', () => {
  assert.deepEqual(rules('Ivo Kell scored with 7:41 left in the first half.', 'stoppage'), [], 'no stopping verb');
  assert.deepEqual(rules('The hearing in the second round of talks was stopped at 2:15 p.m.', 'stoppage'), [], 'a time of day');
  assert.deepEqual(rules('Ivo Kell stopped Dan Marsh with two seconds remaining of the sixth round.', 'stoppage'), [], 'counted down');
  assert.deepEqual(rules('Police stopped the car at 2:15 near the bridge.', 'stoppage'), [], 'no round, quarter or period');
});

test('event-date: games against two opponents are two games; a contest noun past a verb or a comma dates nothing', () => {
  const r = findings(
    analysed('a', "The Larks needed a win in their game against Drayton on Thursday night."),
    analysed('b', "The Larks will be tested in their game against Orvel on Sunday night."),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'date of the game'), []);
  assert.ok(!rules('Ivo Kell won the game, and on Friday he signed a contract.', 'event-date').some((m) => m.measure === 'date:game'));
  assert.ok(!rules('The victory was celebrated by fans on Friday.', 'event-date').some((m) => m.measure === 'date:game'));
});

test('record-clock: another player’s basket beside the record, a play with no record, a time of day', () => {
  assert.deepEqual(rules('Ivo Kell hit a jumper to tie the scoring record, and Dan Osric answered with a bucket to make it 19 - 12 with 11:43 left in the first half.', 'record-clock'), []);
  assert.deepEqual(rules('Ivo Kell scored on a layup with 7:41 left in the first half.', 'record-clock'), []);
  assert.deepEqual(rules('The record crowd arrived at 7:41 p.m. for the game.', 'record-clock'), []);
});

test('event-date: two different announcements of a story on two days are no contradiction (one statement only), and "said Tuesday" stays unread', () => {
  const r = findings(
    analysed('a', 'Minister Ilse Varga announced sweeping changes Thursday to the Coastal Fisheries Act, angering trawler crews in Pellan.'),
    analysed('b', 'Governor Tomas Brel announced plans Tuesday to restore full reviews of harbour projects under the Coastal Fisheries Act.'),
  );
  assert.deepEqual(r.contradictions.filter((c) => c.slot === 'date of the announcement'), []);
  assert.deepEqual(rules('The minister said Tuesday that the port would reopen, and told reporters Friday it was safe.', 'event-date'), []);
});

test('quotes: two wordings that differ in a word are not merged onto one side of a misquote', () => {
  const a = analysed('a', '“By her own account, she said it’s not her nature to stay in the harbour,” said Ilse Varga, the pilot’s sister.');
  const b = analysed('b', 'The pilot’s sister spoke after the hearing. “By her own account, it is not in her nature to stay in the village.');
  const c = analysed('c', '“By her own account, she said it’s not her nature to stay in the harbour, which is where her yacht is moored,” Ilse Varga said.');
  const d = analysed('d', '“By her own account, she said it’s not her nature to stay in the harbour, which is where her boat is moored,” Ilse Varga said.');
  const sides = findings(a, b, c, d).contradictions.filter((x) => x.kind === 'quote').flatMap((x) => x.values.map((v) => v.sources.join(',')));
  assert.ok(!sides.includes('c,d'), `yacht and boat stay apart: ${JSON.stringify(sides)}`);
});

test('event-date: a bracketed birth date is not given to a name further back or to a place', () => {
  assert.deepEqual(rules('Lena Vask’s sister (born March 6, 1961) grew up in Dellmar.', 'event-date').filter((m) => m.measure === 'date:born'), [], 'the sister is unnamed');
  assert.deepEqual(rules('Dellmar (born March 6, 1961) is a town.', 'event-date').filter((m) => m.measure === 'date:born'), []);
});

test('event-date: a bracket that holds a clause, or a long one, still ends the phrase', () => {
  assert.notDeepEqual(rules('Police arrested Dario Venn (he was released later that week) on Monday to question him.', 'event-date').map((m) => m.measure), ['date:arrest']);
  assert.notDeepEqual(rules('Police arrested Dario Venn (a former harbour pilot from the north of Orvel) on Monday to question him.', 'event-date').map((m) => m.measure), ['date:arrest']);
});
