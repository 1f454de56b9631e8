/**
 * PromQL function and aggregation signatures, as Prometheus's own parser checks them
 * (promql/parser/functions.go). The grammar only knows the names; argument counts and types are ours.
 */

export type PromType = 'scalar' | 'vector' | 'matrix' | 'string';

export interface FunctionSignature {
  args: readonly PromType[];
  /** 0: exactly `args`; n > 0: the last n arguments are optional; -1: the last one repeats. */
  variadic: number;
  returns: PromType;
}

const V: PromType = 'vector';
const M: PromType = 'matrix';
const S: PromType = 'scalar';
const STR: PromType = 'string';

const sig = (args: PromType[], returns: PromType, variadic = 0): FunctionSignature => ({ args, variadic, returns });

const vectorMath = [
  'abs',
  'ceil',
  'exp',
  'floor',
  'ln',
  'log2',
  'log10',
  'sqrt',
  'sgn',
  'deg',
  'rad',
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atanh',
  'cos',
  'cosh',
  'sin',
  'sinh',
  'tan',
  'tanh',
  'absent',
  'sort',
  'sort_desc',
  'timestamp',
  'histogram_count',
  'histogram_sum',
  'histogram_avg',
  'histogram_stddev',
  'histogram_stdvar',
];
const overTime = [
  'absent_over_time',
  'present_over_time',
  'avg_over_time',
  'count_over_time',
  'first_over_time',
  'last_over_time',
  'max_over_time',
  'min_over_time',
  'mad_over_time',
  'stddev_over_time',
  'stdvar_over_time',
  'sum_over_time',
  'ts_of_first_over_time',
  'ts_of_last_over_time',
  'ts_of_max_over_time',
  'ts_of_min_over_time',
  'changes',
  'delta',
  'deriv',
  'idelta',
  'increase',
  'irate',
  'rate',
  'resets',
];
const calendar = ['day_of_month', 'day_of_week', 'day_of_year', 'days_in_month', 'hour', 'minute', 'month', 'year'];

export const FUNCTIONS: ReadonlyMap<string, FunctionSignature> = new Map<string, FunctionSignature>([
  ...vectorMath.map((name) => [name, sig([V], V)] as const),
  ...overTime.map((name) => [name, sig([M], V)] as const),
  ...calendar.map((name) => [name, sig([V], V, 1)] as const),
  ['quantile_over_time', sig([S, M], V)],
  ['predict_linear', sig([M, S], V)],
  ['double_exponential_smoothing', sig([M, S, S], V)],
  ['clamp', sig([V, S, S], V)],
  ['clamp_max', sig([V, S], V)],
  ['clamp_min', sig([V, S], V)],
  ['histogram_quantile', sig([S, V], V)],
  ['histogram_fraction', sig([S, S, V], V)],
  ['label_replace', sig([V, STR, STR, STR, STR], V)],
  ['label_join', sig([V, STR, STR, STR], V, -1)],
  ['sort_by_label', sig([V, STR], V, -1)],
  ['sort_by_label_desc', sig([V, STR], V, -1)],
  ['round', sig([V, S], V, 1)],
  ['info', sig([V, V], V, 1)],
  ['pi', sig([], S)],
  ['time', sig([], S)],
  ['scalar', sig([V], S)],
  ['vector', sig([S], V)],
]);

/**
 * Names the grammar accepts whose signature is not settled upstream yet (experimental in Prometheus 3.x):
 * calls to them are not type-checked, and are assumed to return an instant vector.
 */
export const UNCHECKED_FUNCTIONS: ReadonlySet<string> = new Set([
  'histogram_quantiles',
  'start_timestamp',
  'step',
  'range',
  'start',
  'end',
]);

/** Aggregations that take a parameter before the vector, and the parameter's type. */
export const AGGREGATION_PARAMS: ReadonlyMap<string, PromType> = new Map([
  ['topk', S],
  ['bottomk', S],
  ['quantile', S],
  ['limitk', S],
  ['limit_ratio', S],
  ['count_values', STR],
]);

export const AGGREGATIONS: ReadonlySet<string> = new Set([
  'sum',
  'avg',
  'count',
  'min',
  'max',
  'group',
  'stddev',
  'stdvar',
  ...AGGREGATION_PARAMS.keys(),
]);

export const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '>', '<', '>=', '<=']);
export const SET_OPERATORS: ReadonlySet<string> = new Set(['and', 'or', 'unless']);

export const TYPE_NAMES: Record<PromType, string> = {
  scalar: 'scalar',
  vector: 'instant vector',
  matrix: 'range vector',
  string: 'string',
};
