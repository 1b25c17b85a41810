// Fact mentions: every date and amount of a sentence typed with its frame — what the value measures
// (`measure`, a canonical class: killed ~ dead ~ death toll), whose it is (`holder`), whether it is a fact
// of the event or of a person (`scope`), and whether it refers to the event's time or to background
// ("in 2004", "his career"). Parsers propose mentions; slots.ts compares them across articles.

import type { SentenceUnit } from '../align.js';

export type FactKind = 'date' | 'number' | 'name';

/** The parts of a date a mention fixes; comparing two dates compares the parts both fix. */
export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday. */
  weekday?: number;
  /** The year is the date stage's inference from the publication date, not written: shown, never compared. */
  yearInferred?: boolean;
}

/** A value as an interval in a canonical unit; `exact` when stated without hedge or vagueness. */
export interface FactRange {
  min: number;
  max: number;
  exact: boolean;
}

export interface FactMention {
  kind: FactKind;
  /** Canonical class of what is measured: `death`, `injury`, `age`, `magnitude`, `distance`, `count:point`, `date:arrest`. */
  measure: string;
  /** What the slot is, in words, for the report ("people killed", "age of Anthony LaSalle"). */
  label: string;
  /** Canonical name of the participant the value belongs to, or null for a fact of the event itself. */
  holder: string | null;
  /** `event`: compared within one event only; `story`: a person's or place's fact, compared story-wide. */
  scope: 'event' | 'story';
  /** Numbers: the interval in the canonical unit. */
  range: FactRange | null;
  /** Dates: the calendar parts the text fixes (a weekday alone fixes only `weekday`). */
  date: DateValue | null;
  /** The named person nearest the value in its clause, when the slot key does not hold it: two values of
   * different people ("Rait died on Friday", "Buckley died on Monday") are never compared. */
  participant?: string | null;
  /** Names: the value as written ("Minneapolis", "College Point"). */
  name?: string;
  /** Numbers: the counted noun's key ("resident", "shop"), null when the amount names none. */
  thing?: string | null;
  /** As written ("at least five", "12 miles", "Tuesday"). */
  display: string;
  unit: SentenceUnit;
  /** Offsets of the value in the article's clean text. */
  start: number;
  end: number;
  /** The parser that proposed it. */
  rule: string;
  /** Normalisations applied to reach the canonical value ("unit: miles→m", "hedge: at least"). */
  normalised: string[];
  /** Confidence that the frame is right (0–1), set by the parser. */
  strength: number;
}

/** A parser proposes fact mentions for one sentence; it must not propose what it cannot frame. */
export interface FactParser {
  name: string;
  propose(u: SentenceUnit): FactMention[];
}
