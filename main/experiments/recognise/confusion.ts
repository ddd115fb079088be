/**
 * The confusion between concepts of a recognise run's multiple-choice answers: which option the
 * model chose (a column) for each true concept (a row), over the whole run and per model. An answer
 * from which no option could be parsed counts in the last column, {@link UNPARSED_LABEL}.
 */
import type { Database } from 'better-sqlite3';

/** The column of answers naming no option. */
export const UNPARSED_LABEL = 'unparsed';

/** A confusion matrix: `matrix[row][column]` counts answers with truth `labels[row]`. */
export interface ConfusionMatrix {
  /** Every concept that was a truth or was chosen, sorted; the rows, and the first columns. */
  readonly labels: ReadonlyArray<string>;
  /** `labels` followed by {@link UNPARSED_LABEL}. */
  readonly columns: ReadonlyArray<string>;
  /** One row per label, one count per column. */
  readonly matrix: ReadonlyArray<ReadonlyArray<number>>;
  /** Answers counted. */
  readonly total: number;
}

/** The run's confusion, overall and per model (models sorted by label). */
export interface RecognitionConfusion extends ConfusionMatrix {
  readonly perModel: ReadonlyArray<{ readonly model: string } & ConfusionMatrix>;
}

/** One multiple-choice answer: the true concept and the option chosen (null: none parsed). */
export interface ChoiceOutcome {
  readonly truth: string;
  readonly chosen: string | null;
}

/** The confusion matrix of answers (labels sorted by code point, so it is the same everywhere). */
export function confusionOf(outcomes: ReadonlyArray<ChoiceOutcome>): ConfusionMatrix {
  const names = new Set<string>();
  for (const o of outcomes) {
    names.add(o.truth);
    if (o.chosen !== null) names.add(o.chosen);
  }
  const labels = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => new Array<number>(labels.length + 1).fill(0));
  for (const o of outcomes) {
    const column = o.chosen === null ? labels.length : index.get(o.chosen)!;
    matrix[index.get(o.truth)!]![column]! += 1;
  }
  return { labels, columns: [...labels, UNPARSED_LABEL], matrix, total: outcomes.length };
}

interface Row {
  model: string;
  truth: string;
  chosen: string | null;
}

/** The confusion of the multiple-choice recognitions of `runId` (empty when it has none). */
export function recognitionConfusion(db: Database, runId: string): RecognitionConfusion {
  const rows = db
    .prepare(
      `SELECT s.model, g.truth, g.chosen FROM recognitions g JOIN samples s ON s.id = g.sample_id
       WHERE s.run_id = ? AND g.mode = 'choice' AND s.status = 'done' ORDER BY s.id`,
    )
    .all(runId) as Row[];
  const byModel = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byModel.get(row.model) ?? [];
    list.push(row);
    byModel.set(row.model, list);
  }
  const perModel = [...byModel.keys()]
    .sort()
    .map((model) => ({ model, ...confusionOf(byModel.get(model)!) }));
  return { ...confusionOf(rows), perModel };
}
