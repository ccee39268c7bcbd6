/**
 * One entry of ModelArts `algorithm.policies.auto_search.search_params` (reference:
 * modelarts.md §3.2). `continuous`: `lower_bound`…`upper_bound`, optionally cut into
 * `discrete_points_num` points; `discrete`: the listed `discrete_values`. All numbers are text.
 */
export interface ModelArtsSearchParam {
  name: string;
  param_type: 'continuous' | 'discrete';
  lower_bound?: string;
  upper_bound?: string;
  discrete_points_num?: string;
  discrete_values?: string[];
}

/** What `parse` accepts: the wire shape, numbers where the wire has numeric text, `param_type` inferable. */
export interface ModelArtsSearchParamInput {
  readonly name: string;
  readonly param_type?: string | undefined;
  readonly lower_bound?: string | number | undefined;
  readonly upper_bound?: string | number | undefined;
  readonly discrete_points_num?: string | number | undefined;
  readonly discrete_values?: readonly string[] | undefined;
}
