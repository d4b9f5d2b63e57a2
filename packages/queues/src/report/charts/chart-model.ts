/** Fill and stroke colours of chart marks, as CSS classes (`tone-red` …) so print CSS can restyle them. */
export type ChartTone = 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'grey';

/** One bar: a category and its count. */
export interface Bar {
  label: string;
  value: number;
  tone?: ChartTone;
}

/** A bar chart of counts per category, bars in the given order. */
export interface BarChartSpec {
  kind: 'bar';
  /** What the y axis counts (`open items`). */
  yLabel: string;
  bars: Bar[];
}

/** One line of a line chart: a value per x label, `null` where there is none (the line breaks there). */
export interface LineSeries {
  name: string;
  values: (number | null)[];
  /** A tooltip per point (same length as `values`). */
  pointTitles?: string[];
}

/** A labelled horizontal line across the plot (a threshold such as κ 0.61). */
export interface ReferenceLine {
  value: number;
  label: string;
}

/** A line chart over categorical x labels (weeks) with a fixed y range. */
export interface LineChartSpec {
  kind: 'line';
  yLabel: string;
  xLabels: string[];
  yMin: number;
  yMax: number;
  /** Gridline spacing from `yMin` (default: four equal steps). */
  yStep?: number;
  series: LineSeries[];
  references?: ReferenceLine[];
}

export type ChartSpec = BarChartSpec | LineChartSpec;

/** A small table: the chart's data as text, its text alternative. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/**
 * One chart of the HTML report with its text alternatives: a title and a description (the SVG's
 * `<title>` and `<desc>`), a visible caption, and the data as a table. Without `chart` (no data) the
 * figure shows `emptyText` instead of an empty chart.
 */
export interface Figure {
  /** A fixed, safe element id (never user text). */
  id: string;
  title: string;
  /** One or two sentences that say what the chart shows, numbers included. */
  desc: string;
  caption: string;
  chart?: ChartSpec;
  emptyText?: string;
  table: DataTable;
}
